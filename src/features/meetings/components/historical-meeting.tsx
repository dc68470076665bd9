// Historiska poster: the forms a secretary uses to record a past meeting afterwards, and the
// marker shown wherever such a meeting or its decisions appear.
import { approveHistoricalMinutesAction, createHistoricalMeetingAction, recordHistoricalDecisionAction, setNextParagraphAction } from "../actions";
import { DECISION_KIND_LABELS } from "../labels";
import { DECISION_KINDS } from "../schemas";
import { ActionForm, DateField, Field, Hidden, SelectField, TimeField } from "@/components/form";

export const HistoricalBadge = () => (
  <span className="ml-2 rounded border border-amber-700 bg-amber-50 px-1.5 py-0.5 text-xs font-semibold text-amber-900" data-testid="historical-badge">
    Historisk post
  </span>
);

export const CreateHistoricalMeetingForm = ({ committeeId }: { committeeId: string }) => (
  <ActionForm action={createHistoricalMeetingAction} submitLabel="Registrera historiskt sammanträde" testId="historical-meeting-form">
    <p className="text-sm text-slate-700">
      För sammanträden som redan har hållits, t.ex. vid migrering. Ingen kallelse skickas; besluten registreras med sina ursprungliga paragrafer och protokollet som justerat.
    </p>
    <Hidden name="committeeId" value={committeeId} />
    <DateField name="date" label="Datum" required />
    <TimeField name="time" label="Klockslag" defaultValue="18:00" required />
    <Field name="place" label="Plats" required defaultValue="" />
  </ActionForm>
);

export const NextParagraphForm = ({ committeeId, year, nextParagraph }: { committeeId: string; year: number; nextParagraph: number }) => (
  <ActionForm action={setNextParagraphAction} submitLabel="Spara nästa paragraf" testId="next-paragraph-form" labels={{ year: "År", nextParagraph: "Nästa §" }}>
    <Hidden name="committeeId" value={committeeId} />
    <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
      <Field name="year" label="År" type="number" min={1900} max={2100} defaultValue={String(year)} required />
      <Field name="nextParagraph" label="Nästa §" type="number" min={1} defaultValue={String(nextParagraph)} required hint="Kan inte vara lägre än en paragraf som redan har getts det året." />
    </div>
  </ActionForm>
);

type HistoricalMeeting = { id: string; version: number; date: string; nextPosition: number };

export const HistoricalMeetingForms = ({ meeting }: { meeting: HistoricalMeeting }) => (
  <section aria-labelledby="historical-heading" className="space-y-6 rounded border border-amber-700 bg-white p-4">
    <h2 id="historical-heading" className="text-2xl font-bold">
      Historiskt protokoll
    </h2>
    <div>
      <h3 className="text-xl font-semibold">Registrera beslut</h3>
      <ActionForm
        action={recordHistoricalDecisionAction}
        submitLabel="Registrera beslutet"
        testId="historical-decision-form"
        labels={{ agendaNumber: "Punkt", paragraph: "Paragraf (§)", caseNumber: "Diarienummer", title: "Rubrik", kind: "Beslut", decisionPoints: "Beslutet" }}
      >
        <Hidden name="meetingId" value={meeting.id} />
        <div className="grid gap-4 sm:grid-cols-3 sm:items-start">
          <Field name="agendaNumber" label="Punkt" type="number" min={1} required defaultValue={String(meeting.nextPosition)} hint="Numret på föredragningslistan." />
          <Field name="paragraph" label="Paragraf (§)" type="number" min={1} required hint="Paragrafnumret i det ursprungliga protokollet." />
          <Field name="caseNumber" label="Diarienummer" maxLength={60} hint="Valfritt: ärendet i nämndens diarium." />
        </div>
        <Field name="title" label="Rubrik" required maxLength={500} />
        <SelectField name="kind" label="Beslut" required options={DECISION_KINDS.map((kind) => ({ value: kind, label: DECISION_KIND_LABELS[kind] }))} />
        <Field name="decisionPoints" label="Beslutet (en beslutspunkt per rad)" rows={3} required />
      </ActionForm>
    </div>
    <div>
      <h3 className="text-xl font-semibold">Registrera protokollet som justerat</h3>
      <ActionForm action={approveHistoricalMinutesAction} submitLabel="Registrera som justerat" testId="historical-approve-form" labels={{ approvedOn: "Justerat" }}>
        <Hidden name="meetingId" value={meeting.id} />
        <Hidden name="version" value={meeting.version} />
        <DateField name="approvedOn" label="Justerat" required hint={`Datum då protokollet justerades, tidigast ${meeting.date}.`} />
      </ActionForm>
    </div>
  </section>
);
