// The case page: facts, motion, documents, open deadlines, history and the actions the
// viewer may take. Everything shown here comes from getCaseDetails, which has already
// decided that the viewer may read the case.
import { Link, LINK_CLASS } from "@/components/link";
import type { ReactNode } from "react";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { ToCompleteBadge } from "@/components/to-complete-badge";
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, DEADLINE_KIND_LABELS, MOTION_PROPOSED_ACTION_LABELS } from "../labels";
import type { CaseDetails } from "../server/case-queries";
import { CaseActions, MotionActions } from "./case-actions";
import { describeDueDate } from "@/lib/due-dates";
import { formatDateTime } from "@/lib/dates";
import { countOf } from "@/lib/paging";

const Fact = ({ term, children }: { term: string; children: ReactNode }) => (
  <div className="border-b border-slate-200 py-2 sm:grid sm:grid-cols-[14rem_1fr] sm:gap-4">
    <dt className="font-semibold text-slate-700">{term}</dt>
    <dd>{children}</dd>
  </div>
);

const STATUS_STYLES: Record<CaseDetails["status"], string> = {
  OPEN: "border-green-700 bg-green-50 text-green-900",
  CLOSED: "border-slate-500 bg-slate-100 text-slate-800",
  MISREGISTERED: "border-red-700 bg-red-50 text-red-900",
};

const DueDate = ({ dueDate, today, open }: { dueDate: string; today: string; open: boolean }) => {
  if (!open) return <>{dueDate}</>;
  const { text, overdue } = describeDueDate(dueDate, today);
  return (
    <>
      {dueDate}{" "}
      <span className={overdue ? "font-semibold text-red-800" : "text-slate-700"}>
        ({overdue ? "⚠ " : ""}
        {text})
      </span>
    </>
  );
};

const Missing = () => <em className="text-slate-700">Saknas – komplettera motionen</em>;

/**
 * `documents`: the "Handlingar" section, `referrals`: the remiss table, and `coOfficerActions`: adding and removing
 * medhandläggare, which the page composes (features built on cases).
 */
export const CaseView = ({ details, documents, referrals, coOfficerActions }: { details: CaseDetails; documents: ReactNode; referrals?: ReactNode; coOfficerActions?: ReactNode }) => {
  const open = details.status === "OPEN";
  const hasActions = details.permissions.reassign || details.permissions.close || details.permissions.misregister || details.permissions.editMotion;
  return (
    <article aria-labelledby="case-title" className="space-y-10">
      <header className="space-y-2">
        <p className="text-lg font-semibold text-slate-700" data-testid="case-number">
          {details.caseNumber}
        </p>
        <h1 id="case-title" className="text-3xl font-bold">
          {details.title}
        </h1>
        <div className="flex flex-wrap items-center gap-3">
          <span className={`rounded border px-2 py-0.5 text-sm font-semibold ${STATUS_STYLES[details.status]}`}>Status: {CASE_STATUS_LABELS[details.status]}</span>
          <span className="text-slate-700">{CASE_KIND_LABELS[details.kind]}</span>
          {details.motion?.toComplete ? <ToCompleteBadge /> : null}
          {details.dueDate ? (
            <span>
              Remisstid: <DueDate dueDate={details.dueDate} today={details.today} open={open} />
            </span>
          ) : null}
        </div>
        {details.secrecy ? (
          <p className="rounded border-2 border-amber-700 bg-amber-50 px-3 py-2 font-semibold text-amber-950" data-testid="secrecy-marking">
            Sekretess enligt {details.secrecy.reference}
          </p>
        ) : null}
        {details.status !== "OPEN" && details.closedReason ? (
          <p className="text-slate-800">
            {details.status === "CLOSED" ? "Avslutat" : "Felregistrerat"} {details.closedAt ? formatDateTime(details.closedAt) : ""}: {details.closedReason}
          </p>
        ) : null}
        <nav aria-label="Ärendets delar">
          <ul className="flex flex-wrap gap-4 font-semibold">
            <li>
              <Link href={`/arenden/${details.id}/tjansteutlatande`} className="text-brand-700 underline">
                Tjänsteutlåtande
              </Link>
            </li>
            <li>
              <Link href={`/arenden/${details.id}/attestering`} className="text-brand-700 underline">
                Attestering
              </Link>
            </li>
            <li>
              <Link href={`/arenden/${details.id}/handelser`} className="text-brand-700 underline">
                Alla händelser
              </Link>
            </li>
          </ul>
        </nav>
      </header>

      <section aria-labelledby="case-facts">
        <h2 id="case-facts" className="text-2xl font-bold">
          Uppgifter
        </h2>
        <dl className="mt-2">
          <Fact term="Nämnd">{details.committee.name}</Fact>
          <Fact term="Avdelning">{details.department.name}</Fact>
          <Fact term="Handläggare">
            {details.caseOfficer.name}
            {details.caseOfficer.title ? `, ${details.caseOfficer.title}` : ""}
            {details.caseOfficer.phone ? <span className="block text-slate-700">Telefon: {details.caseOfficer.phone}</span> : null}
          </Fact>
          {details.coOfficers.length > 0 ? (
            <Fact term="Medhandläggare">
              <ul data-testid="co-officers">
                {details.coOfficers.map((coOfficer) => (
                  <li key={coOfficer.id}>{coOfficer.name}</li>
                ))}
              </ul>
            </Fact>
          ) : null}
          <Fact term="Klassificering">{details.classification ? `${details.classification.code} ${details.classification.title}` : "Ingen"}</Fact>
          <Fact term={details.kind === "MOTION_REFERRAL" || details.kind === "AGENCY_REFERRAL" ? "Remittent" : "Avsändare"}>
            {details.referringBody ?? "–"}
            {details.referringCaseNumber ? <span className="block text-slate-700">Deras diarienummer: {details.referringCaseNumber}</span> : null}
          </Fact>
          <Fact term="Inkom">{details.receivedDate}</Fact>
          <Fact term="Sekretess">
            {details.secrecy ? (
              <>
                {details.secrecy.reference}
                {details.secrecy.reason ? <span className="block">Skäl: {details.secrecy.reason}</span> : null}
                <span className="block text-slate-700">
                  Beslutat av {details.secrecy.decidedBy ?? "okänd"}
                  {details.secrecy.decidedAt ? ` ${formatDateTime(details.secrecy.decidedAt)}` : ""}
                </span>
              </>
            ) : (
              "Offentligt"
            )}
          </Fact>
        </dl>
      </section>

      {details.motion ? (
        <section aria-labelledby="case-motion">
          <h2 id="case-motion" className="text-2xl font-bold">
            Motionen
          </h2>
          <p className="mt-2 font-semibold">{details.motion.title}</p>
          <dl className="mt-2">
            {details.motion.number ? <Fact term="Nummer">{details.motion.number}</Fact> : null}
            <Fact term="Väckt">{details.motion.raisedDate}</Fact>
            <Fact term={details.motion.authors.length === 1 ? "Motionär" : "Motionärer"}>
              {details.motion.authors.length === 0 ? (
                <Missing />
              ) : (
                <ul>
                  {details.motion.authors.map((author, index) => (
                    <li key={index}>
                      {author.name}
                      {author.party ? ` (${author.party})` : ""}
                    </li>
                  ))}
                </ul>
              )}
            </Fact>
            {details.kind === "MOTION" ? (
              <Fact term="Förslag till beslut">
                {details.motion.proposal ? (
                  <span data-testid="motion-proposal">
                    {details.motion.proposal.by ?? "–"} föreslår: {MOTION_PROPOSED_ACTION_LABELS[details.motion.proposal.action]}
                    {details.motion.proposal.to ? ` till ${details.motion.proposal.to}` : ""}
                    {details.motion.proposal.date ? <span className="block text-slate-700">{details.motion.proposal.date}</span> : null}
                  </span>
                ) : (
                  "Inget förslag registrerat ännu"
                )}
              </Fact>
            ) : null}
          </dl>
          <h3 className="mt-4 text-lg font-semibold">Motionären yrkar att</h3>
          {details.motion.proposals.length === 0 ? (
            <p className="mt-2">
              <Missing />
            </p>
          ) : (
            <ol className="mt-2 list-decimal space-y-2 pl-6">
              {details.motion.proposals.map((proposal, index) => (
                <li key={index} className="whitespace-pre-line">
                  {proposal}
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}

      {documents}
      {referrals}

      <section aria-labelledby="case-deadlines">
        <h2 id="case-deadlines" className="text-2xl font-bold">
          Bevakningar
        </h2>
        {details.openDeadlines.length === 0 ? (
          <p className="mt-2 text-slate-700">Inga öppna bevakningar.</p>
        ) : (
          <DataTable caption="Öppna bevakningar i ärendet" columns={["Datum", "Bevakning", "Läge"]}>
            {details.openDeadlines.map((deadline) => {
              const due = describeDueDate(deadline.dueDate, details.today);
              return (
                <tr key={deadline.id} className={ROW}>
                  <td className={`whitespace-nowrap ${CELL}`}>{deadline.dueDate}</td>
                  <RowHeaderCell>
                    {DEADLINE_KIND_LABELS[deadline.kind]}
                    {deadline.description !== DEADLINE_KIND_LABELS[deadline.kind] ? (
                      <span className="block font-normal text-slate-700">{deadline.description}</span>
                    ) : null}
                  </RowHeaderCell>
                  <td className={`${CELL} ${due.overdue ? "font-semibold text-red-800" : ""}`}>
                    {due.overdue ? "⚠ " : ""}
                    {due.text}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="case-events">
        <h2 id="case-events" className="text-2xl font-bold">
          {details.allEventsShown ? "Händelser" : "Senaste händelser"}
        </h2>
        {details.allEventsShown ? null : (
          <p className="mt-1 text-slate-700">
            Ärendet har {countOf(details.eventCount, "händelse", "händelser")}.{" "}
            <Link href={details.historyHref} className={LINK_CLASS}>
              Visa de tidigare
            </Link>
          </p>
        )}
        <ol className="mt-2 space-y-2 border-l-2 border-brand-700 pl-4">
          {details.events.map((event) => (
            <li key={event.seq.toString()}>
              <time dateTime={event.at.toISOString()} className="block text-sm text-slate-700">
                {formatDateTime(event.at)}
                {event.actorName ? ` · ${event.actorName}` : ""}
              </time>
              <span>{event.text}</span>
            </li>
          ))}
        </ol>
      </section>

      {hasActions ? (
        <section aria-labelledby="case-actions" className="space-y-3">
          <h2 id="case-actions" className="text-2xl font-bold">
            Åtgärder
          </h2>
          <CaseActions caseId={details.id} version={details.version} permissions={details.permissions} reassignCandidates={details.reassignCandidates} />
          {coOfficerActions}
          {details.permissions.editMotion && details.motion ? (
            <MotionActions caseId={details.id} version={details.version} kind={details.kind} motion={details.motion} />
          ) : null}
        </section>
      ) : null}
    </article>
  );
};
