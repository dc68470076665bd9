import { Link } from "@/components/link";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { StepUpLogin } from "@/features/auth/components";
import { ExportButtons } from "@/components/export-buttons";
import { approveMinutesAction, returnMinutesAction, saveMinutesAction, sendMinutesAction, withdrawMinutesAction } from "../actions";
import { decisionKindLabel, MEMBER_ROLE_LABELS, MINUTES_STATUS_LABELS, OPINION_KIND_LABELS, VOTE_LABELS, withParty } from "../labels";
import type { getMinutesView } from "../server/meeting-page-queries";
import { ActionForm, Field, Hidden, SelectField } from "@/components/form";
import { formatDateTime } from "@/lib/dates";

type View = Awaited<ReturnType<typeof getMinutesView>>;

const STEP_STATUS: Record<string, string> = { WAITING: "Väntar", ATTESTED: "Justerat", RETURNED: "Skickat tillbaka", INVALIDATED: "Ogiltigt" };
const ROLE_NAMES: Record<string, string> = { CHAIR: "Ordförande", MINUTES_CHECKER: "Justerare" };

export const MinutesView = ({ view }: { view: View }) => {
  const { meeting, minutes, content, request } = view;
  // §§ of confidential cases this reader may not read: shown masked, without an extract.
  const masked = new Set(view.maskedDecisionIds);
  return (
    <div className="space-y-8">
      <div>
        <p className="text-slate-700">{meeting.committee.name}</p>
        <h1 id="minutes-heading" className="text-3xl font-bold">
          Protokoll {meeting.date}
        </h1>
        <p>
          Sammanträde kl. {meeting.time}, {meeting.place}.{" "}
          <Link href={`/sammantraden/${meeting.id}`} className="text-brand-700 underline">
            Till sammanträdet
          </Link>
        </p>
        <p className="mt-2">
          Status: <strong data-testid="minutes-status">{minutes ? MINUTES_STATUS_LABELS[minutes.status] : "Inget protokoll ännu"}</strong>
        </p>
        {minutes?.status === "APPROVED" ? (
          <p className="mt-1" data-testid="minutes-posted">
            Justerat. Anslaget {minutes.postedDate}. Överklagandetiden går ut {minutes.appealEndsOn}.
          </p>
        ) : null}
        {minutes && content ? (
          <div className="mt-3">
            <ExportButtons kind="minutes" id={minutes.id} draft={minutes.status !== "APPROVED"} />
          </div>
        ) : null}
        {minutes?.recordStored && masked.size === 0 ? (
          <p className="mt-2">
            <a href={`/api/export/minutes/${minutes.id}/arkiv`} className="text-brand-700 underline" data-testid="minutes-record">
              Arkiverat protokoll (PDF/A, som det justerades)
            </a>
          </p>
        ) : null}
      </div>

      {view.canEdit && !minutes && view.minutesNotYet ? <p data-testid="minutes-not-yet">{view.minutesNotYet}</p> : null}
      {view.canEdit && (!minutes || minutes.status === "DRAFT") && !view.minutesNotYet ? (
        <section aria-labelledby="signers-heading" className="rounded border border-slate-300 bg-white p-4">
          <h2 id="signers-heading" className="text-xl font-semibold">
            Ordförande och justerare
          </h2>
          <ActionForm action={saveMinutesAction} submitLabel={minutes ? "Spara ordförande och justerare" : "Skapa protokoll"} testId="minutes-signers-form">
            <Hidden name="meetingId" value={meeting.id} />
            <SelectField name="chairId" label="Ordförande" options={view.chairs.map((user) => ({ value: user.id, label: user.name }))} defaultValue={minutes?.chairId} />
            <SelectField name="checkerId" label="Justerare" options={view.checkers.map((user) => ({ value: user.id, label: user.name }))} defaultValue={minutes?.checkerId} />
          </ActionForm>
        </section>
      ) : null}

      {content ? (
        <article aria-labelledby="content-heading" className="rounded border border-slate-300 bg-white p-6">
          <h2 id="content-heading" className="text-2xl font-bold">
            {content.committee.name} – protokoll {content.meeting.date}
          </h2>
          <p>
            Ordförande: {content.chair.name}. Justerare: {content.checker.name}.
            {content.justeringTime
              ? ` Tid och plats för justering: ${content.justeringTime.date} kl. ${content.justeringTime.time}${content.justeringTime.place ? `, ${content.justeringTime.place}` : ""}.`
              : ""}
          </p>
          <DataTable caption="Närvarande" captionVisible columns={["Namn", "Uppdrag", "Närvaro"]}>
            {content.attendance.map((row) => (
              <tr key={row.memberId} className={ROW}>
                <RowHeaderCell>
                  {row.name}
                  {row.party ? ` (${row.party})` : ""}
                </RowHeaderCell>
                <td className={CELL}>{MEMBER_ROLE_LABELS[row.role]}</td>
                <td className={CELL}>{row.present ? (row.serving ? "Tjänstgörande ersättare" : "Närvarande") : "Frånvarande"}</td>
              </tr>
            ))}
          </DataTable>
          {content.otherAttendees && content.otherAttendees.length > 0 ? (
            <p className="mt-2" data-testid="other-attendees">
              Övriga närvarande: {content.otherAttendees.map((other) => `${other.name}, ${other.role}`).join("; ")}.
            </p>
          ) : null}
          {content.paragraphs.map((paragraph) => (
            <section key={paragraph.decisionId} className="mt-6" aria-labelledby={`p-${paragraph.decisionId}`}>
              <h3 id={`p-${paragraph.decisionId}`} className="text-lg font-bold">
                § {paragraph.paragraph} {masked.has(paragraph.decisionId) ? <em>{paragraph.title}</em> : paragraph.title}
              </h3>
              {paragraph.caseNumber ? <p className="text-slate-700">{paragraph.caseNumber}</p> : null}
              <p className="font-medium">Beslut ({decisionKindLabel(paragraph.kind, paragraph.proposerGenitive)})</p>
              <ul className="list-disc pl-6">
                {paragraph.decisionPoints.map((point, index) => (
                  <li key={index}>{point}</li>
                ))}
              </ul>
              {paragraph.immediateApproval ? <p>Paragrafen förklarades omedelbart justerad.</p> : null}
              {paragraph.motions.length > 0 ? (
                <p>
                  Yrkanden: {paragraph.motions.map((motion) => `${withParty(motion.member, motion.party)}: ${motion.text}`).join(" ")}
                </p>
              ) : null}
              {paragraph.votes ? (
                <p>
                  Omröstning{paragraph.votes.yesFor && paragraph.votes.noFor ? ` (ja för ${paragraph.votes.yesFor}, nej för ${paragraph.votes.noFor})` : ""}: {paragraph.votes.yes} ja,{" "}
                  {paragraph.votes.no} nej, {paragraph.votes.abstain} avstår{paragraph.votes.absent ? `, ${paragraph.votes.absent} frånvarande` : ""}.
                  {paragraph.votes.rollCall.length > 0 ? ` ${paragraph.votes.rollCall.map((entry) => `${entry.name}: ${VOTE_LABELS[entry.vote]}`).join(", ")}.` : ""}
                </p>
              ) : null}
              {paragraph.opinions.map((opinion, index) => (
                <p key={index}>
                  {OPINION_KIND_LABELS[opinion.kind]} ({opinion.members}
                  {opinion.party ? `, ${opinion.party}` : ""}): {opinion.text}
                </p>
              ))}
              {masked.has(paragraph.decisionId) ? null : (
                <p className="mt-1">
                  <Link href={`/sammantraden/${meeting.id}/paragraf/${paragraph.decisionId}`} className="text-brand-700 underline">
                    Protokollsutdrag § {paragraph.paragraph}
                  </Link>
                </p>
              )}
            </section>
          ))}
          {view.contentHash ? <p className="mt-6 break-all text-xs text-slate-600">Kontrollsumma (SHA-256): {view.contentHash}</p> : null}
        </article>
      ) : null}

      {request ? (
        <section aria-labelledby="justering-heading" className="rounded border border-slate-300 bg-white p-4">
          <h2 id="justering-heading" className="text-xl font-semibold">
            Justering
          </h2>
          <DataTable caption="Justeringens steg" columns={["Roll", "Namn", "Status", "Tidpunkt"]} testId="justering-steps">
            {request.steps.map((step) => (
              <tr key={step.id} className={ROW}>
                <td className={CELL}>{ROLE_NAMES[step.role] ?? step.role}</td>
                <RowHeaderCell>{step.assignee}</RowHeaderCell>
                <td className={CELL}>
                  {STEP_STATUS[step.status]}
                  {step.comment ? ` – ${step.comment}` : ""}
                </td>
                <td className={`whitespace-nowrap ${CELL}`}>{formatDateTime(step.attestedAt)}</td>
              </tr>
            ))}
          </DataTable>
          {request.status === "COMPLETED" ? <p className="mt-2">Verifieringskod: {request.verificationCode}</p> : null}
        </section>
      ) : null}

      {view.canEdit && minutes?.status === "DRAFT" && content ? (
        <ActionForm
          action={sendMinutesAction}
          submitLabel="Skicka protokollet för justering"
          confirm={{
            title: "Skicka protokollet för justering?",
            text: "Ordförande och justerare får protokollet att justera. Det går inte att ändra medan det är ute på justering.",
            confirmLabel: "Skicka för justering",
          }}
        >
          <Hidden name="minutesId" value={minutes.id} />
          <Hidden name="version" value={minutes.version} />
        </ActionForm>
      ) : null}

      {view.canEdit && minutes?.status === "IN_APPROVAL" ? (
        <details className="rounded border border-slate-300 bg-white p-4">
          <summary className="cursor-pointer font-semibold">Återkalla justeringen</summary>
          <ActionForm
            action={withdrawMinutesAction}
            submitLabel="Återkalla justeringen"
            variant="danger"
            confirm={{ title: "Återkalla justeringen?", text: "Justeringar som redan gjorts blir ogiltiga och protokollet går att ändra igen.", confirmLabel: "Återkalla justeringen" }}
          >
            <Hidden name="minutesId" value={minutes.id} />
            <Field name="reason" label="Anledning" rows={2} />
          </ActionForm>
        </details>
      ) : null}

      {view.canApprove && minutes && view.contentHash ? (
        <section aria-labelledby="approve-heading" className="rounded border-2 border-brand-700 bg-white p-4">
          <h2 id="approve-heading" className="text-xl font-semibold">
            Justera protokollet som {view.myRole === "CHAIR" ? "ordförande" : "justerare"}
          </h2>
          <p className="mt-1">Din justering gäller exakt det innehåll som visas ovan (kontrollsumman).</p>
          {view.needsPassword && !view.hasPassword ? (
            <StepUpLogin callbackUrl={`/sammantraden/${meeting.id}/protokoll`} />
          ) : (
            <ActionForm action={approveMinutesAction} submitLabel="Justera protokollet" labels={{ password: "Lösenord" }} testId="approve-form">
              <Hidden name="minutesId" value={minutes.id} />
              <Hidden name="contentHash" value={view.contentHash} />
              {view.needsPassword ? (
                <Field name="password" label="Lösenord" type="password" autoComplete="current-password" hint="Det är mer än fem minuter sedan du loggade in. Bekräfta med ditt lösenord." required />
              ) : null}
            </ActionForm>
          )}
          <details className="mt-4">
            <summary className="cursor-pointer font-semibold">Skicka tillbaka till nämndsekreteraren</summary>
            <ActionForm action={returnMinutesAction} submitLabel="Skicka tillbaka">
              <Hidden name="minutesId" value={minutes.id} />
              <Field name="comment" label="Vad behöver ändras?" rows={3} required />
            </ActionForm>
          </details>
        </section>
      ) : null}
    </div>
  );
};
