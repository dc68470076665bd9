// Facklig samverkan: when the unions were informed about a case (förvaltningsgrupp, FSG,
// MBL). The meeting page lists them per agenda item (`getUnionConsultationsByCase`).
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/server/auth";
import { recordAudit } from "@/server/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { authorize, CASE_SCOPE_SELECT, toCaseScope, unknownResource } from "@/server/authz";
import { describeUnionConsultation } from "@/features/statements/content";
import { ZUnionConsultationSchema } from "../schemas";
import { formatDateOnly, isoDateToDb } from "@/lib/dates";
import { isUuid } from "@/lib/ids";

export type UnionConsultationView = { id: string; forum: string; date: string; note: string | null; sentence: string };

/**
 * Each case's consultations, oldest first, in one query (a meeting's agenda items). No
 * authorization: callers have authorized the cases.
 */
export const getUnionConsultationsByCase = async (caseIds: readonly string[]): Promise<Map<string, UnionConsultationView[]>> => {
  const ids = caseIds.filter(isUuid);
  const rows = ids.length === 0 ? [] : await db.unionConsultation.findMany({ where: { caseId: { in: ids } }, orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
  const byCase = new Map<string, UnionConsultationView[]>();
  for (const row of rows) {
    byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), { id: row.id, forum: row.forum, date: formatDateOnly(row.date), note: row.note, sentence: describeUnionConsultation(row) }]);
  }
  return byCase;
};

export type RecordUnionConsultationOptions = { actor: Actor; input: z.output<typeof ZUnionConsultationSchema> };

/** The handläggare, the registrator, the avdelningschef or the nämndsekreterare records it (those who may add documents). */
export const recordUnionConsultation = async ({ actor, input: data }: RecordUnionConsultationOptions) => {
  return db.$transaction(async (tx) => {
    const found = await tx.case.findUnique({ where: { id: data.caseId }, select: { ...CASE_SCOPE_SELECT, status: true } });
    if (!found) throw unknownResource("case.addDocument");
    authorize(actor, "case.addDocument", toCaseScope(found), { forbidden: "Du har inte behörighet att registrera facklig information i ärendet." });
    if (found.status !== "OPEN") throw new AppError("INVALID_STATE", "Case not open", { userMessage: "Ärendet är avslutat." });
    const row = await tx.unionConsultation.create({
      data: { caseId: data.caseId, forum: data.forum, date: isoDateToDb(data.date), note: data.note ?? null, createdById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "union_consultation.record",
      entityType: "UnionConsultation",
      entityId: row.id,
      caseId: data.caseId,
      data: { forum: data.forum, date: data.date },
    });
    return { id: row.id, sentence: describeUnionConsultation(row) };
  });
};
