// Facklig samverkan: when the unions were informed about a case (förvaltningsgrupp, FSG,
// MBL). The statement's "Ärendets beredning" is prefilled from `getUnionConsultations`.
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

/** Oldest first. No authorization: callers (the statement prefill) have authorized the case. */
export const getUnionConsultations = async (caseId: string): Promise<UnionConsultationView[]> => {
  if (!isUuid(caseId)) return [];
  const rows = await db.unionConsultation.findMany({ where: { caseId }, orderBy: [{ date: "asc" }, { createdAt: "asc" }] });
  return rows.map((row) => ({ id: row.id, forum: row.forum, date: formatDateOnly(row.date), note: row.note, sentence: describeUnionConsultation(row) }));
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
