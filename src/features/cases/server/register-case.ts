// Registration of a new case in a committee's diarium: number, motion, deadlines, the
// incoming remiss as handling 1 and the audit events, all in one transaction.
import "server-only";
import { createCaseDocumentInTx } from "./create-document";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError, toAppError } from "@/server/errors";
import { Prisma } from "@/generated/prisma/client";
import { motionCommitteeMessage, type TRegisterCase } from "../schemas";
import { can } from "@/server/authz";
import { nextCaseNumber, reserveExistingNumber } from "./case-numbers";
import { caseOfficerWhere } from "./case-officers";
import { validationError } from "@/server/validation";
import { addYears, isoDateToDb } from "@/lib/dates";
import { MOTION_COMMITTEE_KINDS } from "@/features/admin/committees";

export type RegisteredCase = { id: string; caseNumber: string };

export type RegisterCaseOptions = {
  actor: Actor;
  input: TRegisterCase;
};

export type RegisterCaseInTxOptions = {
  actor: Actor;
  input: TRegisterCase;
  /** Fixed id for seeded demo cases; new cases get a generated one. */
  caseId?: string;
};

const findByIdempotencyKey = async (client: Tx | typeof db, actor: Actor, idempotencyKey: string): Promise<RegisteredCase | null> => {
  const existing = await client.case.findUnique({ where: { idempotencyKey }, select: { id: true, caseNumber: true, createdById: true } });
  if (!existing) return null;
  // The key is random per rendered form; someone else's key is never a retry of ours.
  if (existing.createdById !== actor.id) {
    throw new AppError("CONFLICT", "Idempotency key used by another user", { userMessage: "Formuläret har redan använts. Ladda om sidan och fyll i det igen." });
  }
  return { id: existing.id, caseNumber: existing.caseNumber };
};

export const registerCaseInTx = async (tx: Tx, { actor, input, caseId }: RegisterCaseInTxOptions): Promise<RegisteredCase> => {
  const [committee, department] = await Promise.all([
    tx.committee.findUnique({ where: { id: input.committeeId }, include: { registrySeries: true } }),
    tx.department.findUnique({ where: { id: input.departmentId }, include: { administration: { select: { committeeId: true } } } }),
  ]);
  if (!committee) throw validationError({ committeeId: ["Nämnden finns inte."] });
  if (!department) throw validationError({ departmentId: ["Avdelningen finns inte."] });
  if (department.administration.committeeId !== committee.id) {
    throw validationError({ departmentId: ["Avdelningen hör inte till förvaltningen för den valda nämnden."] });
  }
  if (input.kind === "MOTION" && !MOTION_COMMITTEE_KINDS.includes(committee.kind)) {
    throw validationError({ kind: [motionCommitteeMessage(committee.name)] });
  }

  const scope = {
    municipalityId: committee.municipalityId,
    committeeId: committee.id,
    administrationId: department.administrationId,
    departmentId: department.id,
  };
  if (!can(actor, "case.register", scope)) {
    throw new AppError("FORBIDDEN", `Actor ${actor.id} may not register in ${committee.id}/${department.id}`, {
      userMessage: "Du får inte registrera ärenden för den här nämnden och avdelningen.",
    });
  }

  const [caseOfficer, classification] = await Promise.all([
    tx.user.findFirst({ where: { id: input.caseOfficerId, ...caseOfficerWhere(scope) }, select: { id: true } }),
    input.classificationId
      ? tx.classification.findFirst({ where: { id: input.classificationId, municipalityId: committee.municipalityId, active: true } })
      : Promise.resolve(null),
  ]);
  const series = committee.registrySeries;
  const fieldErrors: Record<string, string[]> = {};
  if (!caseOfficer) fieldErrors.caseOfficerId = ["Den valda personen är inte handläggare på avdelningen."];
  if (input.classificationId && !classification) fieldErrors.classificationId = ["Klassificeringen finns inte eller används inte längre."];
  if (series?.format.includes("{class}") && !classification && !input.classificationId) {
    fieldErrors.classificationId = ["Nämndens diarienummer innehåller klassificeringen – välj en klassificering."];
  }
  if (Object.keys(fieldErrors).length > 0) throw validationError(fieldErrors);
  if (!series) {
    throw new AppError("INVALID_STATE", `Committee ${committee.id} has no registry series`, {
      userMessage: `${committee.name} har ingen diarieserie ännu. En administratör behöver lägga upp den innan ärenden kan registreras.`,
      fieldErrors: { committeeId: ["Nämnden har ingen diarieserie."] },
    });
  }

  // The counter lock is taken before the audit chain lock (see allocateCaseSequence).
  const { year, sequence, caseNumber } = input.existingCaseNumber
    ? await reserveExistingNumber(tx, { actor, scope, series, existingCaseNumber: input.existingCaseNumber, classCode: classification?.code ?? null })
    : await nextCaseNumber(tx, { series, year: Number(input.receivedDate.slice(0, 4)), classCode: classification?.code ?? null });
  const now = new Date();
  const confidentiality = input.confidentiality;

  const created = await tx.case.create({
    data: {
      ...(caseId ? { id: caseId } : {}),
      caseNumber,
      seriesId: series.id,
      year,
      sequence,
      title: input.title,
      kind: input.kind,
      committeeId: committee.id,
      departmentId: department.id,
      caseOfficerId: input.caseOfficerId,
      classificationId: classification?.id ?? null,
      referringBody: input.referringBody ?? null,
      referringCaseNumber: input.referringCaseNumber ?? null,
      receivedDate: isoDateToDb(input.receivedDate),
      dueDate: input.dueDate ? isoDateToDb(input.dueDate) : null,
      secrecyReference: confidentiality?.reference ?? null,
      secrecyReason: confidentiality?.reason ?? null,
      secrecyDecidedById: confidentiality ? actor.id : null,
      secrecyDecidedAt: confidentiality ? now : null,
      idempotencyKey: input.idempotencyKey,
      createdById: actor.id,
      motion: input.motion
        ? {
            create: {
              number: input.motion.number ?? null,
              title: input.motion.title,
              raisedDate: isoDateToDb(input.motion.raisedDate),
              authors: { create: input.motion.authors.map((author, index) => ({ position: index + 1, name: author.name, party: author.party ?? null })) },
              proposals: { create: input.motion.proposals.map((text, index) => ({ position: index + 1, text })) },
            },
          }
        : undefined,
    },
    select: { id: true, caseNumber: true },
  });

  const deadlines = [
    ...(input.dueDate ? [{ kind: "REFERRAL_DUE" as const, dueDate: isoDateToDb(input.dueDate), description: "Remisstid" }] : []),
    ...(input.motion
      ? [
          {
            kind: "MOTION_ONE_YEAR" as const,
            dueDate: isoDateToDb(addYears(input.motion.raisedDate, 1)),
            description: "Motionen ska besvaras inom ett år (KL 5 kap. 35 §)",
          },
        ]
      : []),
  ];
  if (deadlines.length > 0) await tx.deadline.createMany({ data: deadlines.map((deadline) => ({ ...deadline, caseId: created.id })) });

  const registration = {
    caseNumber,
    kind: input.kind,
    committeeId: committee.id,
    departmentId: department.id,
    caseOfficerId: input.caseOfficerId,
    confidential: Boolean(confidentiality),
  };
  await recordAudit(tx, {
    actorId: actor.id,
    entityType: "Case",
    entityId: created.id,
    caseId: created.id,
    // No title: the audit log is read more widely than a confidential case.
    ...(input.existingCaseNumber
      ? { action: "case.register_existing_number", data: { ...registration, reason: input.existingNumberReason } }
      : { action: "case.register", data: registration }),
  });

  if (input.incomingDocument) {
    await createCaseDocumentInTx(tx, {
      actorId: actor.id,
      caseId: created.id,
      direction: "INCOMING",
      documentDate: isoDateToDb(input.incomingDocument.documentDate),
      counterpart: input.incomingDocument.counterpart ?? input.referringBody ?? null,
      description: input.incomingDocument.description,
      // The remiss of a confidential case carries the same marking.
      secrecyReference: confidentiality?.reference ?? null,
      secrecyReason: confidentiality?.reason ?? null,
    });
  }
  return created;
};

/**
 * Registers a case. A repeated submit of the same form (same idempotency key) returns the
 * case the first submit created, also when both arrive at the same time.
 */
export const registerCase = async ({ actor, input: parsed }: RegisterCaseOptions): Promise<RegisteredCase> => {
  const existing = await findByIdempotencyKey(db, actor, parsed.idempotencyKey);
  if (existing) return existing;
  try {
    return await db.$transaction((tx) => registerCaseInTx(tx, { actor, input: parsed }));
  } catch (error) {
    // A concurrent submit with the same key won the race: ours rolled back (number included).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findByIdempotencyKey(db, actor, parsed.idempotencyKey);
      if (winner) return winner;
    }
    throw toAppError(error);
  }
};
