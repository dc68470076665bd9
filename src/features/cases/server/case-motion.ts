// Changes to a case's motion: completing motionärer and att-satser registered without them
// ("Komplettera"), and recording the presidium's/KS' proposal on a motion raised in
// fullmäktige. Each is a conditional write on the case's version with its audit event.
import "server-only";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { isoDateToDb } from "@/lib/dates";
import { MOTION_PROPOSED_ACTION_LABELS } from "../labels";
import type { TCompleteMotion, TMotionProposal } from "../schemas";
import { conditionalUpdate, loadForChange, type CaseChangeOptions } from "./case-lifecycle";

const loadMotion = async (tx: Tx, caseId: string) => {
  const motion = await tx.motion.findUnique({ where: { caseId }, select: { id: true } });
  if (!motion) throw new AppError("INVALID_STATE", `Case ${caseId} has no motion`, { userMessage: "Ärendet gäller ingen motion." });
  return motion;
};

/** Replaces the motionärer and att-satser with the ones given (the form shows the current ones). */
export const completeMotionInTx = async (tx: Tx, { actor, input }: CaseChangeOptions<TCompleteMotion>): Promise<void> => {
  const { row } = await loadForChange(tx, actor, input, "case.edit");
  const motion = await loadMotion(tx, row.id);
  await conditionalUpdate(tx, input, {});
  await tx.motionAuthor.deleteMany({ where: { motionId: motion.id } });
  await tx.motionProposal.deleteMany({ where: { motionId: motion.id } });
  await tx.motionAuthor.createMany({ data: input.authors.map((author, index) => ({ motionId: motion.id, position: index + 1, name: author.name, party: author.party ?? null })) });
  await tx.motionProposal.createMany({ data: input.proposals.map((text, index) => ({ motionId: motion.id, position: index + 1, text })) });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "motion.complete",
    entityType: "Case",
    entityId: row.id,
    caseId: row.id,
    // Counts only: names and att-satser stay on the case, which may be confidential.
    data: { authors: input.authors.length, proposals: input.proposals.length },
  });
};

export const recordMotionProposalInTx = async (tx: Tx, { actor, input }: CaseChangeOptions<TMotionProposal>): Promise<void> => {
  const { row } = await loadForChange(tx, actor, input, "case.edit");
  if (row.kind !== "MOTION") {
    throw new AppError("INVALID_STATE", `Case ${row.id} is ${row.kind}`, { userMessage: "Förslag till beslut om motionen anges bara för en motion som väckts här." });
  }
  const motion = await loadMotion(tx, row.id);
  await conditionalUpdate(tx, input, {});
  await tx.motion.update({
    where: { id: motion.id },
    data: { proposedAction: input.proposedAction, proposedBy: input.proposedBy, proposedTo: input.proposedTo ?? null, proposedDate: isoDateToDb(input.proposedDate) },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "motion.propose",
    entityType: "Case",
    entityId: row.id,
    caseId: row.id,
    data: { proposedAction: input.proposedAction, label: MOTION_PROPOSED_ACTION_LABELS[input.proposedAction], proposedBy: input.proposedBy, proposedTo: input.proposedTo ?? null, proposedDate: input.proposedDate },
  });
};

export const completeMotion = async (options: CaseChangeOptions<TCompleteMotion>): Promise<void> => {
  await db.$transaction((tx) => completeMotionInTx(tx, options));
};

export const recordMotionProposal = async (options: CaseChangeOptions<TMotionProposal>): Promise<void> => {
  await db.$transaction((tx) => recordMotionProposalInTx(tx, options));
};
