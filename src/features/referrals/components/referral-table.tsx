// "Remisser" on the sender's case: every remissinstans with sent, remisstid, answered,
// position and the answer's handling; late instances highlighted; the sender's follow-up
// (a later remisstid, an external answer, the position) in a disclosure per row.
import { Link } from "@/components/link";
import { ExportButtons } from "@/components/export-buttons";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { ActionForm, DateField, Field, Hidden, SelectField } from "@/components/form";
import { extendReferralAction, externalAnswerAction, referralPositionAction } from "../actions";
import { REFERRAL_POSITION_LABELS, REFERRAL_STATUS_LABELS } from "../labels";
import { REFERRAL_POSITIONS } from "../schemas";
import type { CaseReferralRow, CaseReferralsView, ReferralAnswerCandidate } from "../server";

const POSITION_OPTIONS = REFERRAL_POSITIONS.map((value) => ({ value, label: REFERRAL_POSITION_LABELS[value] }));

const FollowUp = ({ row, answerCandidates, today }: { row: CaseReferralRow; answerCandidates: ReferralAnswerCandidate[]; today: string }) => (
  <details className="mt-2">
    <summary className="cursor-pointer text-brand-700 underline">Följ upp {row.name}</summary>
    <div className="mt-2 space-y-4">
      {row.status === "SENT" || row.status === "ACCEPTED" ? (
        <ActionForm action={extendReferralAction} submitLabel="Ändra remisstid" ariaLabel={`Ny remisstid för ${row.name}`} testId="referral-extend-form">
          <Hidden name="recipientId" value={row.id} />
          <Hidden name="version" value={row.version} />
          <DateField name="dueDate" label="Ny remisstid" defaultValue={row.dueDate} required />
        </ActionForm>
      ) : null}
      {row.kind === "EXTERNAL" && row.status === "SENT" ? (
        answerCandidates.length > 0 ? (
          <ActionForm action={externalAnswerAction} submitLabel="Registrera svaret" ariaLabel={`Svar från ${row.name}`} testId="referral-answer-form">
            <Hidden name="recipientId" value={row.id} />
            <Hidden name="version" value={row.version} />
            <SelectField
              name="documentId"
              label="Inkommen handling med svaret"
              options={answerCandidates.map((candidate) => ({ value: candidate.id, label: `${candidate.documentNumber} ${candidate.description ?? ""}`.trim() }))}
              placeholder="Välj handling"
              required
            />
            <DateField name="answeredDate" label="Svarets datum" defaultValue={today} required />
            <SelectField name="position" label="Ställningstagande" options={POSITION_OPTIONS} placeholder="Välj" required />
            <Field name="summary" label="Kort sammanfattning" rows={3} />
          </ActionForm>
        ) : (
          <p>Registrera först svaret som inkommande handling under Handlingar, sedan kopplas det till remissinstansen här.</p>
        )
      ) : null}
      {row.status === "ANSWERED" ? (
        <ActionForm action={referralPositionAction} submitLabel="Spara ställningstagande" ariaLabel={`Ställningstagande för ${row.name}`} testId="referral-position-form">
          <Hidden name="recipientId" value={row.id} />
          <Hidden name="version" value={row.version} />
          <SelectField name="position" label="Ställningstagande" options={POSITION_OPTIONS} defaultValue={row.position ?? undefined} placeholder="Välj" required />
          <Field name="summary" label="Kort sammanfattning" rows={3} defaultValue={row.summary ?? ""} />
        </ActionForm>
      ) : null}
    </div>
  </details>
);

const statusText = (row: CaseReferralRow): string => {
  if (row.status === "RETURNED") return `${REFERRAL_STATUS_LABELS.RETURNED}: ${row.returnReason ?? ""}`;
  if (row.status === "ACCEPTED" && row.receivingCaseNumber) return `${REFERRAL_STATUS_LABELS.ACCEPTED} (${row.receivingCaseNumber})`;
  return REFERRAL_STATUS_LABELS[row.status];
};

export const ReferralTable = ({ caseId, view, answerCandidates, today }: { caseId: string; view: CaseReferralsView; answerCandidates: ReferralAnswerCandidate[]; today: string }) => {
  if (view.rows.length === 0 && !view.canManage) return null;
  return (
    <section aria-labelledby="case-referrals" id="remisser">
      <h2 id="case-referrals" className="text-xl font-semibold">
        Remisser
      </h2>
      {view.rows.length === 0 ? (
        <p className="mt-1 text-slate-600">Ärendet har inte skickats på remiss.</p>
      ) : (
        <DataTable caption="Remissinstanser" columns={["Remissinstans", "Skickad", "Remisstid", "Status", "Besvarad", "Ställningstagande", "Svar"]} testId="referral-table">
          {view.rows.map((row) => (
            <tr key={row.id} className={`${ROW} ${row.late ? "bg-amber-50" : ""}`} data-testid="referral-row" data-late={row.late ? "true" : undefined}>
              <RowHeaderCell>
                {row.name}
                {row.email ? <span className="block text-slate-600">{row.email}</span> : null}
                <span className="block text-slate-600">Missiv {row.outgoingDocumentNumber}</span>
                <div className="mt-1">
                  <ExportButtons kind="referral" id={row.missivId} />
                </div>
                {view.canManage ? <FollowUp row={row} answerCandidates={answerCandidates} today={today} /> : null}
              </RowHeaderCell>
              <td className={`whitespace-nowrap ${CELL}`}>{row.sentDate}</td>
              <td className={`whitespace-nowrap ${CELL}`}>
                {row.dueDate}
                {row.late ? <strong className="block text-amber-900">Försenad</strong> : null}
              </td>
              <td className={CELL}>{statusText(row)}</td>
              <td className={`whitespace-nowrap ${CELL}`}>{row.answeredDate ?? "–"}</td>
              <td className={CELL}>
                {row.position ? REFERRAL_POSITION_LABELS[row.position] : "–"}
                {row.summary ? <span className="block text-slate-700">{row.summary}</span> : null}
                {row.answerSecrecyReference ? <span className="mt-1 block text-xs font-semibold text-red-800">Sekretess enligt {row.answerSecrecyReference}</span> : null}
              </td>
              <td className={CELL}>
                {row.answer ? (
                  <>
                    <span data-testid="referral-answer">{row.answer.documentNumber}</span>
                    {row.answer.fileIds.map((fileId, index) => (
                      <a key={fileId} className="block text-brand-700 underline" href={`/api/filer/${fileId}`}>
                        Hämta svaret{row.answer!.fileIds.length > 1 ? ` (fil ${index + 1})` : ""}
                      </a>
                    ))}
                  </>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {view.canManage ? (
        <p className="mt-3">
          <Link href={`/arenden/${caseId}/remiss`} className="font-semibold text-brand-700 underline">
            Skicka på remiss
          </Link>
        </p>
      ) : null}
    </section>
  );
};
