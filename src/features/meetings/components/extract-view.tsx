import { Link } from "@/components/link";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { ExportButtons } from "@/components/export-buttons";
import { closeAnsweredAction, dispatchAction } from "../actions";
import { decisionKindLabel, OPINION_KIND_LABELS } from "../labels";
import type { getExtractView } from "../server/meeting-page-queries";
import { ActionForm, DateField, Field, Hidden, SelectField } from "@/components/form";
import { REFERRAL_POSITION_LABELS } from "@/features/referrals/labels";
import { REFERRAL_POSITIONS } from "@/features/referrals/schemas";

const REFERRAL_POSITION_OPTIONS = REFERRAL_POSITIONS.map((value) => ({ value, label: REFERRAL_POSITION_LABELS[value] }));

type View = Awaited<ReturnType<typeof getExtractView>>;

export const ExtractView = ({ view }: { view: View }) => {
  const { extract, case: theCase } = view;
  const paragraph = extract.paragraph;
  return (
    <div className="space-y-8">
      <div>
        <p className="text-slate-700">{extract.committee.name}</p>
        <h1 id="extract-heading" className="text-3xl font-bold">
          Protokollsutdrag § {paragraph.paragraph}/{paragraph.year}
        </h1>
        <p>
          Sammanträde {extract.meeting.date} kl. {extract.meeting.time}.{" "}
          <Link href={`/sammantraden/${view.meetingId}/protokoll`} className="text-brand-700 underline">
            Till protokollet
          </Link>
        </p>
        <div className="mt-3">
          <ExportButtons kind="extract" id={paragraph.decisionId} draft={!view.approved} />
        </div>
      </div>
      <article className="rounded border border-slate-300 bg-white p-6" aria-label="Utdraget">
        <h2 className="text-xl font-bold">
          § {paragraph.paragraph} {paragraph.title}
        </h2>
        {paragraph.caseNumber ? <p className="text-slate-700">{paragraph.caseNumber}</p> : null}
        <p className="mt-2 font-medium">Beslut ({decisionKindLabel(paragraph.kind, paragraph.proposerGenitive)})</p>
        <ul className="list-disc pl-6">
          {paragraph.decisionPoints.map((point, index) => (
            <li key={index}>{point}</li>
          ))}
        </ul>
        {paragraph.opinions.map((opinion, index) => (
          <p key={index} className="mt-2">
            {OPINION_KIND_LABELS[opinion.kind]} ({opinion.members}
            {opinion.party ? `, ${opinion.party}` : ""}): {opinion.text}
          </p>
        ))}
        {extract.justering ? (
          <p className="mt-4">
            Justerat {extract.justering.approvals.map((approval) => `${approval.name} ${approval.date}`).join(", ")}. Anslaget {extract.postedDate}.
          </p>
        ) : paragraph.immediateApproval ? (
          <p className="mt-4">Paragrafen är omedelbart justerad.</p>
        ) : (
          <p className="mt-4">Protokollet är inte justerat.</p>
        )}
      </article>

      <section aria-labelledby="dispatch-heading" className="rounded border border-slate-300 bg-white p-4">
        <h2 id="dispatch-heading" className="text-xl font-semibold">
          Expediering
        </h2>
        {view.dispatches.length === 0 ? (
          <p className="mt-1 text-slate-600">Utdraget är inte expedierat.</p>
        ) : (
          <DataTable caption="Expedieringar" columns={["Mottagare", "Datum", "Handling"]}>
            {view.dispatches.map((dispatch) => (
              <tr key={dispatch.id} className={ROW}>
                <RowHeaderCell>{dispatch.recipient}</RowHeaderCell>
                <td className={`whitespace-nowrap ${CELL}`}>{dispatch.sentDate}</td>
                <td className={CELL}>{dispatch.documentNumber}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {view.canEdit && view.approved && theCase?.status === "OPEN" ? (
          <ActionForm action={dispatchAction} submitLabel="Expediera" testId="dispatch-form">
            <Hidden name="decisionId" value={paragraph.decisionId} />
            <Field name="recipients" label="Mottagare (en per rad)" rows={2} defaultValue={theCase.referringBody ?? "Kommunstyrelsen"} required />
            <DateField name="sentDate" label="Expedieringsdatum" hint={`Från ${view.dispatchDates.min} till ${view.dispatchDates.max}.`} defaultValue={view.dispatchDates.max} required />
            <div className="mt-3 flex items-center gap-2">
              <input type="checkbox" id="include-statement" name="includeStatement" defaultChecked className="h-5 w-5" />
              <label htmlFor="include-statement">Skicka med tjänsteutlåtandet</label>
            </div>
            {theCase.awaitsReferralAnswer && view.answers ? (
              <>
                <p className="mt-3">Remissen kom från {theCase.referringBody} i Yttra: svaret registreras automatiskt i avsändarens ärende.</p>
                <SelectField name="referralPosition" label="Nämndens ställningstagande" options={REFERRAL_POSITION_OPTIONS} placeholder="Ange inte" hint="Visas för avsändaren i remissammanställningen." />
                <Field name="referralSummary" label="Kort sammanfattning av svaret" rows={3} />
              </>
            ) : null}
          </ActionForm>
        ) : null}
        {view.canEdit && !view.approved ? <p className="mt-2">Utdraget kan expedieras när protokollet är justerat.</p> : null}
      </section>

      {theCase ? (
        <section aria-labelledby="case-heading" className="rounded border border-slate-300 bg-white p-4">
          <h2 id="case-heading" className="text-xl font-semibold">
            Ärendet {theCase.caseNumber}
          </h2>
          {theCase.status === "CLOSED" ? (
            <p className="mt-1" data-testid="case-closed">
              Avslutat: {theCase.closedReason}
              {theCase.answeredDate ? `. Remissen besvarades ${theCase.answeredDate}.` : "."}
            </p>
          ) : view.canEdit && view.answers && view.dispatches.length > 0 ? (
            <ActionForm
              action={closeAnsweredAction}
              submitLabel="Avsluta ärendet som besvarat"
              confirm={{ title: "Avsluta ärendet som besvarat?", text: "Ärendet avslutas i diariet och försvinner från arbetslistorna.", confirmLabel: "Avsluta ärendet" }}
            >
              <Hidden name="caseId" value={theCase.id} />
              <Hidden name="version" value={theCase.version} />
            </ActionForm>
          ) : (
            <p className="mt-1">Ärendet är öppet.</p>
          )}
          <p className="mt-2">
            <Link href={`/arenden/${theCase.id}`} className="text-brand-700 underline">
              Öppna ärendet
            </Link>
          </p>
        </section>
      ) : null}
    </div>
  );
};
