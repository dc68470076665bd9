// The remissinstanser of a sender's case as the Remissammanställning lists them: every
// instans of every sending, in the order sent (the statement's service authorizes the case).
import "server-only";
import type { Db, Tx } from "@/server/db";
import { formatDateOnly } from "@/lib/dates";
import type { CompilationInstance } from "../compilation";

export const loadCompilationInstances = async (client: Db | Tx, caseId: string): Promise<CompilationInstance[]> => {
  const rows = await client.referralRecipient.findMany({
    where: { round: { caseId } },
    orderBy: [{ round: { sentDate: "asc" } }, { round: { createdAt: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, status: true, dueDate: true, answeredDate: true, position: true, summary: true, answerDocument: { select: { secrecyReference: true } } },
  });
  return rows.map((row) => ({
    recipientId: row.id,
    name: row.name,
    status: row.status,
    dueDate: formatDateOnly(row.dueDate),
    answeredDate: row.answeredDate ? formatDateOnly(row.answeredDate) : null,
    position: row.position,
    summary: row.summary,
    answerSecrecyReference: row.answerDocument?.secrecyReference ?? null,
  }));
};
