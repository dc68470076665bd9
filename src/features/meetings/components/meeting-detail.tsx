import { Link } from "@/components/link";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { ExportButtons } from "@/components/export-buttons";
import {
  addCaseToAgendaAction,
  addOpinionAction,
  addOtherAgendaItemAction,
  callMeetingAction,
  moveAgendaItemAction,
  recordDecisionAction,
  recordUnionConsultationAction,
  removeAgendaItemAction,
  setAttendanceAction,
} from "../actions";
import { proposalHeading } from "@/features/statements/content";
import { AGENDA_KIND_LABELS, CHECKER_NOT_NAMED, decisionKindLabel, MEETING_STATUS_LABELS, MEMBER_ROLE_LABELS, OPINION_KIND_LABELS } from "../labels";
import { DECISION_KINDS } from "../schemas";
import type { getMeetingDetail } from "../server/meeting-page-queries";
import { ActionForm, DateField, Field, Hidden, SelectField } from "@/components/form";
import { HistoricalBadge, HistoricalMeetingForms } from "./historical-meeting";
import { RecordDetailsForm, RollCallForm } from "./protocol-forms";

type Detail = Awaited<ReturnType<typeof getMeetingDetail>>;
type Item = Detail["items"][number];

const DecisionPoints = ({ points }: { points: string[] }) =>
  points.length === 0 ? (
    <p className="text-slate-600">Inget förslag.</p>
  ) : (
    <ul className="list-disc pl-6">
      {points.map((point, index) => (
        <li key={index}>{point}</li>
      ))}
    </ul>
  );

const DecisionView = ({ item, meetingId }: { item: Item; meetingId: string }) => {
  const decision = item.decision!;
  return (
    <div className="mt-3 rounded border border-green-300 bg-green-50 p-3" data-testid={`decision-${item.position}`}>
      <p className="font-semibold">
        § {decision.paragraph}/{decision.year} – {decisionKindLabel(decision.kind, item.proposerGenitive)}
        {decision.immediateApproval ? " (omedelbart justerad)" : ""}
      </p>
      <h4 className="mt-2 font-medium">Beslut</h4>
      <DecisionPoints points={decision.decisionPoints} />
      {decision.motions.length > 0 ? (
        <>
          <h4 className="mt-2 font-medium">Yrkanden</h4>
          <ul className="list-disc pl-6">
            {decision.motions.map((motion, index) => (
              <li key={index}>
                {motion.member}
                {motion.party ? ` (${motion.party})` : ""}: {motion.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {decision.votes ? (
        <p className="mt-2">
          Omröstning:{" "}
          {decision.votes.mode === "TOTALS"
            ? `${decision.votes.yes} ja, ${decision.votes.no} nej, ${decision.votes.abstain} avstår`
            : `votering med namnupprop, ${decision.votes.entries.length} tjänstgörande`}
          {decision.votes.yesFor && decision.votes.noFor ? ` (ja för ${decision.votes.yesFor}, nej för ${decision.votes.noFor})` : ""}
        </p>
      ) : null}
      {decision.opinions.map((opinion) => (
        <div key={opinion.id} className="mt-2">
          <p className="font-medium">
            {OPINION_KIND_LABELS[opinion.kind]} – {opinion.members}
            {opinion.party ? ` (${opinion.party})` : ""}
          </p>
          <p className="whitespace-pre-line">{opinion.text}</p>
        </div>
      ))}
      {/* A masked § has no extract for this reader (the extract is the whole § or nothing). */}
      {item.secrecyReference ? null : (
        <p className="mt-2">
          <Link href={`/sammantraden/${meetingId}/paragraf/${decision.id}`} className="text-brand-700 underline">
            Protokollsutdrag och expediering för § {decision.paragraph}
          </Link>
        </p>
      )}
    </div>
  );
};

/** What the decision points field says: an opening item's text is filled in from the meeting, to register as it stands or edit. */
const decisionPointsHint = (item: Item): string => {
  if (item.suggestedDecision) return "Ifyllt från sammanträdets uppgifter. Ändra texten vid behov.";
  if (item.openingItem === "CHECKER_ELECTION") return CHECKER_NOT_NAMED;
  return `Lämna tomt vid bifall för att använda ${item.proposerGenitive} förslag, eller standardtexten vid återremiss, bordläggning och avslag. Krävs vid ändrat beslut.`;
};

const DecisionForm = ({ item, meetingId }: { item: Item; meetingId: string }) => (
  <details className="mt-3 rounded border border-slate-300 p-3" open={false}>
    <summary className="cursor-pointer font-semibold">Registrera beslut för punkt {item.position}</summary>
    <ActionForm action={recordDecisionAction} submitLabel={`Registrera beslut för punkt ${item.position}`} testId={`decision-form-${item.position}`}>
      <Hidden name="meetingId" value={meetingId} />
      <Hidden name="agendaItemId" value={item.id} />
      <SelectField name="kind" label="Beslut" options={DECISION_KINDS.map((kind) => ({ value: kind, label: decisionKindLabel(kind, item.proposerGenitive) }))} defaultValue="AS_PROPOSED" />
      <Field
        name="decisionPoints"
        label="Beslutspunkter (en per rad)"
        rows={3}
        defaultValue={item.suggestedDecision?.join("\n")}
        hint={decisionPointsHint(item)}
      />
      <fieldset className="mt-3">
        <legend className="font-medium">Yrkanden</legend>
        {[0, 1].map((index) => (
          <div key={index} className="grid gap-2 sm:grid-cols-3">
            <Field name={`motion-member-${index}`} label={`Yrkande ${index + 1}: ledamot`} />
            <Field name={`motion-party-${index}`} label={`Yrkande ${index + 1}: parti`} />
            <Field name={`motion-text-${index}`} label={`Yrkande ${index + 1}: yrkande`} />
          </div>
        ))}
      </fieldset>
      <fieldset className="mt-3">
        <legend className="font-medium">Omröstning (valfritt)</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          <Field name="votes-yes" label="Ja-röster" type="number" />
          <Field name="votes-no" label="Nej-röster" type="number" />
          <Field name="votes-abstain" label="Avstår" type="number" />
        </div>
      </fieldset>
      <div className="mt-3 flex items-center gap-2">
        <input type="checkbox" id={`immediate-${item.id}`} name="immediateApproval" className="h-5 w-5" />
        <label htmlFor={`immediate-${item.id}`}>Omedelbar justering av paragrafen</label>
      </div>
    </ActionForm>
  </details>
);

const OpinionForm = ({ decisionId, position }: { decisionId: string; position: number }) => (
  <details className="mt-3 rounded border border-slate-300 p-3">
    <summary className="cursor-pointer font-semibold">Lägg till reservation eller särskilt uttalande (punkt {position})</summary>
    <ActionForm action={addOpinionAction} submitLabel="Lägg till">
      <Hidden name="decisionId" value={decisionId} />
      <SelectField
        name="kind"
        label="Typ"
        options={[
          { value: "RESERVATION", label: "Reservation" },
          { value: "SPECIAL_STATEMENT", label: "Särskilt uttalande" },
        ]}
      />
      <Field name="party" label="Parti" />
      <Field name="members" label="Ledamöter" required />
      <Field name="text" label="Text" rows={4} required />
    </ActionForm>
  </details>
);

const UnionForm = ({ caseId, position }: { caseId: string; position: number }) => (
  <details className="mt-3 rounded border border-slate-300 p-3">
    <summary className="cursor-pointer font-semibold">Registrera facklig information (punkt {position})</summary>
    <ActionForm action={recordUnionConsultationAction} submitLabel="Spara facklig information">
      <Hidden name="caseId" value={caseId} />
      <Field name="forum" label="Forum" defaultValue="förvaltningsgrupp" required hint="Till exempel förvaltningsgrupp, FSG eller MBL § 19." />
      <DateField name="date" label="Datum" required />
    </ActionForm>
  </details>
);

const MoveItemForm = ({ meetingId, itemId, position, direction }: { meetingId: string; itemId: string; position: number; direction: "up" | "down" }) => (
  <ActionForm action={moveAgendaItemAction} submitLabel={direction === "up" ? "Upp" : "Ned"} variant="secondary" submitAriaLabel={`Flytta punkt ${position} ${direction === "up" ? "upp" : "ned"}`}>
    <Hidden name="meetingId" value={meetingId} />
    <Hidden name="itemId" value={itemId} />
    <Hidden name="direction" value={direction} />
  </ActionForm>
);

export const MeetingDetail = ({ meeting }: { meeting: Detail }) => {
  const agendaEditable = meeting.canEdit && (meeting.status === "PLANNED" || meeting.status === "CALLED");
  const minutesOpen = !meeting.minutes || meeting.minutes.status === "DRAFT";
  // A historical meeting's decisions come with their original § (HistoricalMeetingForms).
  const canDecide = meeting.canEdit && !meeting.historical && (meeting.status === "CALLED" || meeting.status === "HELD") && minutesOpen && meeting.decisionsNotYet === null;
  return (
    <div className="space-y-8">
      <div>
        <p className="text-slate-700">{meeting.committee.name}</p>
        <h1 id="meeting-heading" className="text-3xl font-bold">
          Sammanträde {meeting.date} kl. {meeting.time}
          {meeting.historical ? <HistoricalBadge /> : null}
        </h1>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">Plats</dt>
          <dd>{meeting.place}</dd>
          <dt className="font-medium">Status</dt>
          <dd data-testid="meeting-status">
            {MEETING_STATUS_LABELS[meeting.status]}
            {meeting.historicalApprovedOn ? ` ${meeting.historicalApprovedOn} (historisk post)` : null}
          </dd>
          {meeting.minutes?.postedDate ? (
            <>
              <dt className="font-medium">Anslaget</dt>
              <dd>
                {meeting.minutes.postedDate} (överklagandetiden går ut {meeting.minutes.appealEndsOn})
              </dd>
            </>
          ) : null}
        </dl>
        <p className="mt-3 flex gap-4">
          <Link href="/sammantraden" className="text-brand-700 underline">
            Till sammanträdesplanen
          </Link>
          {/* A historical meeting's protokoll is its decisions on this page, justerat on the recorded date. */}
          {meeting.status !== "PLANNED" && !meeting.historical ? (
            <Link href={`/sammantraden/${meeting.id}/protokoll`} className="text-brand-700 underline">
              Protokoll
            </Link>
          ) : null}
        </p>
        {meeting.canEdit && meeting.status === "CALLED" && meeting.decisionsNotYet ? (
          <p className="mt-4" data-testid="decisions-not-yet">
            {meeting.decisionsNotYet}
          </p>
        ) : null}
        {meeting.canEdit && meeting.status === "PLANNED" ? (
          <ActionForm
            action={callMeetingAction}
            submitLabel="Publicera föredragningslistan och skicka kallelse"
            confirm={{
              title: "Publicera föredragningslistan och skicka kallelsen?",
              text: "Kallelsen skickas till ledamöter och ersättare och föredragningslistan blir offentlig. Det går inte att ta tillbaka.",
              confirmLabel: "Publicera och skicka",
            }}
            className="mt-4"
          >
            <Hidden name="meetingId" value={meeting.id} />
            <Hidden name="version" value={meeting.version} />
          </ActionForm>
        ) : null}
      </div>

      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading" className="text-2xl font-bold">
          Föredragningslista
        </h2>
        {meeting.items.length === 0 ? (
          <p className="mt-2 text-slate-600">Föredragningslistan är tom.</p>
        ) : (
          <div className="mt-2">
            <ExportButtons kind="agenda" id={meeting.id} draft={meeting.agendaPublishedAt === null} />
          </div>
        )}
        <ol className="mt-3 space-y-4">
          {meeting.items.map((item, index) => (
            <li key={item.id} className="rounded border border-slate-300 bg-white p-4" data-testid={`agenda-item-${item.position}`}>
              <h3 className="text-lg font-semibold">
                Punkt {item.position}. {item.secrecyReference ? <em>{item.title}</em> : item.title}
                {item.secrecyReference ? <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold">Sekretess</span> : null}
              </h3>
              <p className="text-slate-700">
                {item.case ? (
                  item.secrecyReference ? (
                    // Masked: the dnr as in the diarium, no link to a case the reader may not open.
                    item.case.caseNumber
                  ) : (
                    <>
                      <Link href={`/arenden/${item.case.id}`} className="text-brand-700 underline">
                        {item.case.caseNumber}
                      </Link>{" "}
                      · Handläggare: {item.case.caseOfficer}
                    </>
                  )
                ) : (
                  AGENDA_KIND_LABELS[item.kind]
                )}
              </p>
              {item.case ? (
                <>
                  <h4 className="mt-2 font-medium">{proposalHeading(item.proposerGenitive)}</h4>
                  <DecisionPoints points={item.proposal} />
                  {item.unionConsultations.map((row) => (
                    <p key={row.id} className="mt-1 text-sm text-slate-700">
                      {row.sentence}
                    </p>
                  ))}
                </>
              ) : item.proposal.length > 0 ? (
                <DecisionPoints points={item.proposal} />
              ) : null}
              {agendaEditable ? (
                <div className="mt-3 flex flex-wrap gap-2">
                  {index > 0 ? <MoveItemForm meetingId={meeting.id} itemId={item.id} position={item.position} direction="up" /> : null}
                  {index < meeting.items.length - 1 ? <MoveItemForm meetingId={meeting.id} itemId={item.id} position={item.position} direction="down" /> : null}
                  {!item.decision ? (
                    <ActionForm action={removeAgendaItemAction} submitLabel="Ta bort" variant="secondary" submitAriaLabel={`Ta bort punkt ${item.position}`}>
                      <Hidden name="meetingId" value={meeting.id} />
                      <Hidden name="itemId" value={item.id} />
                    </ActionForm>
                  ) : null}
                </div>
              ) : null}
              {item.case && meeting.canEdit && item.case.status === "OPEN" ? <UnionForm caseId={item.case.id} position={item.position} /> : null}
              {item.decision ? <DecisionView item={item} meetingId={meeting.id} /> : null}
              {!item.decision && canDecide ? <DecisionForm item={item} meetingId={meeting.id} /> : null}
              {item.decision && canDecide && !item.decision.immediateApproval ? <RollCallForm item={item} members={meeting.members} /> : null}
              {item.decision && canDecide ? <OpinionForm decisionId={item.decision.id} position={item.position} /> : null}
            </li>
          ))}
        </ol>
      </section>

      {meeting.historical && meeting.canEdit && meeting.status === "HELD" ? (
        <HistoricalMeetingForms meeting={{ id: meeting.id, version: meeting.version, date: meeting.date, nextPosition: Math.max(0, ...meeting.items.map((item) => item.position)) + 1 }} />
      ) : null}

      {agendaEditable ? (
        <section aria-labelledby="add-heading" className="grid gap-6 md:grid-cols-2">
          <h2 id="add-heading" className="sr-only">
            Lägg till på föredragningslistan
          </h2>
          <div className="rounded border border-slate-300 bg-white p-4">
            <h3 className="text-xl font-semibold">Lägg till ärende</h3>
            {meeting.candidates.length === 0 ? (
              <p className="mt-2 text-slate-600">Det finns inga attesterade ärenden som väntar på nämndens beslut.</p>
            ) : (
              <ActionForm action={addCaseToAgendaAction} submitLabel="Lägg till ärendet" testId="add-case-form">
                <Hidden name="meetingId" value={meeting.id} />
                <SelectField
                  name="caseId"
                  label="Attesterat ärende"
                  options={meeting.candidates.map((candidate) => ({ value: candidate.id, label: `${candidate.caseNumber} – ${candidate.title} (${candidate.caseOfficer})` }))}
                />
                {meeting.moreCandidates ? (
                  <p className="text-sm text-slate-700">Fler ärenden väntar: listan har de {meeting.candidates.length} som väntat längst.</p>
                ) : null}
              </ActionForm>
            )}
          </div>
          <div className="rounded border border-slate-300 bg-white p-4">
            <h3 className="text-xl font-semibold">Lägg till annan punkt</h3>
            <ActionForm action={addOtherAgendaItemAction} submitLabel="Lägg till punkten">
              <Hidden name="meetingId" value={meeting.id} />
              <SelectField
                name="kind"
                label="Typ"
                options={(["DELEGATION_DECISIONS", "INFORMATION", "OTHER"] as const).map((kind) => ({ value: kind, label: AGENDA_KIND_LABELS[kind] }))}
              />
              <Field name="title" label="Rubrik" required />
              <Field name="proposal" label="Förslag till beslut (en punkt per rad, valfritt)" rows={2} />
            </ActionForm>
          </div>
        </section>
      ) : null}

      {meeting.canEdit && meeting.status !== "PLANNED" && minutesOpen && meeting.members.length === 0 ? (
        <p className="rounded border border-amber-400 bg-amber-50 p-3">
          Nämnden har inga ledamöter eller ersättare med uppdrag på sammanträdesdagen, så närvaron kan inte registreras. En administratör lägger till dem under Administration → Organisation → Ledamöter.
        </p>
      ) : null}
      {meeting.canEdit && meeting.status !== "PLANNED" && minutesOpen && meeting.members.length > 0 ? (
        <section aria-labelledby="attendance-heading" className="rounded border border-slate-300 bg-white p-4">
          <h2 id="attendance-heading" className="text-2xl font-bold">
            Närvaro
          </h2>
          <ActionForm action={setAttendanceAction} submitLabel="Spara närvaro" testId="attendance-form">
            <Hidden name="meetingId" value={meeting.id} />
            <DataTable caption="Närvaro per ledamot och ersättare" columns={["Namn", "Uppdrag", "Närvarande", "Tjänstgör (ersättare)"]}>
              {meeting.members.map((member) => (
                <tr key={member.id} className={ROW}>
                  <RowHeaderCell>
                    <input type="hidden" name="memberId" value={member.id} />
                    {member.name}
                    {member.party ? ` (${member.party})` : ""}
                  </RowHeaderCell>
                  <td className={CELL}>{MEMBER_ROLE_LABELS[member.role]}</td>
                  <td className={CELL}>
                    <input
                      type="checkbox"
                      name={`present-${member.id}`}
                      defaultChecked={member.present}
                      aria-label={`${member.name} närvarande`}
                      className="h-5 w-5"
                    />
                  </td>
                  <td className={CELL}>
                    {member.role === "DEPUTY" ? (
                      <input type="checkbox" name={`serving-${member.id}`} defaultChecked={member.serving} aria-label={`${member.name} tjänstgör`} className="h-5 w-5" />
                    ) : (
                      "–"
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          </ActionForm>
        </section>
      ) : null}
      {meeting.canEdit && !meeting.historical && meeting.status !== "PLANNED" && minutesOpen ? <RecordDetailsForm meeting={meeting} /> : null}
    </div>
  );
};
