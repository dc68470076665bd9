// Protokoll and justering. The secretary names ordförande and justerare and sends the
// minutes for justering: an attestation request (subject MINUTES, ./minutes-subject.ts)
// bound to the SHA-256 of the canonical minutes content, with one step each. Each
// approver attests that exact hash (re-authenticating when the sign-in is older than five
// minutes). When both have attested the minutes are locked, posted (anslag) on the day of
// the justering and the appeal period ends three weeks later. Nothing of it before the
// meeting has started (../dates.ts). Returning or withdrawing invalidates every step.
// The attestation rows are written by the attestation engine only.
import "server-only";
import { attestationEngine as engine, authenticateForAttestation } from "@/features/attestation/server";
import type { Actor } from "@/server/auth";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { can } from "@/server/authz";
import { AppError } from "@/server/errors";
import { enqueueRecordStorage } from "@/server/jobs";
import { notBeforeMeeting } from "../dates";
import type { TApproveMinutes, TCreateMinutes, TMinutesVersion, TReturnMinutes, TWithdrawMinutes } from "../schemas";
import { LOCKED_MESSAGE, lockMeetingForEdit, lockMeetingForRead } from "./meeting-guards";
import { minutesSnapshot, minutesSubject } from "./minutes-subject";
import { justeringCandidatesWhere, type JusteringRole } from "./justering-candidates";
import { formatDate } from "@/lib/dates";

const MINUTES_NOT_FOUND = "Protokollet finns inte, eller så saknar du behörighet att se det.";
const NOT_SENT_MESSAGE = "Protokollet är inte skickat för justering.";
const NOT_NAMED_MESSAGE = "Du är inte utsedd att justera det här protokollet.";

/**
 * May the user justera as `role` for this meeting? The right is the committee role (CHAIR,
 * MINUTES_CHECKER); the person must also be a member of the committee (linked to a
 * CommitteeMember) in office on the meeting's day. See justeringCandidatesWhere.
 */
const userMayJustera = async (tx: Tx, userId: string, role: JusteringRole, meeting: { committeeId: string; startsAt: Date }): Promise<boolean> =>
  (await tx.user.count({ where: { id: userId, ...justeringCandidatesWhere(role, meeting) } })) > 0;

/** Minutes and their justering follow the meeting: refused before it has started. */
const assertMeetingStarted = (step: "minutes" | "justering", startsAt: Date, now: Date): void => {
  const early = notBeforeMeeting(step, startsAt, now);
  if (early) throw new AppError("INVALID_STATE", "Meeting has not started", { userMessage: early });
};

export type SaveMinutesOptions = { actor: Actor; input: TCreateMinutes; now?: Date };

/** Creates the minutes of a held meeting, or changes ordförande/justerare while they are a draft. */
export const saveMinutes = async ({ actor, input, now = new Date() }: SaveMinutesOptions) =>
  db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, input.meetingId);
    if (meeting.historical) {
      throw new AppError("INVALID_STATE", "Historical meeting", { userMessage: "Ett historiskt protokoll går inte på justering: registrera det som justerat på sammanträdets sida." });
    }
    if (meeting.status === "PLANNED") {
      throw new AppError("INVALID_STATE", "Meeting not called", { userMessage: "Protokoll kan skrivas först när sammanträdet är kallat." });
    }
    assertMeetingStarted("minutes", meeting.startsAt, now);
    const day = formatDate(meeting.startsAt);
    if (!(await userMayJustera(tx, input.chairId, "CHAIR", meeting))) {
      throw new AppError("VALIDATION", "Chair lacks role or is not in office", {
        userMessage: `Den valda ordföranden har inte rollen ordförande i nämnden eller är inte ledamot i nämnden den ${day}.`,
        fieldErrors: { chairId: ["Välj nämndens ordförande."] },
      });
    }
    if (!(await userMayJustera(tx, input.checkerId, "MINUTES_CHECKER", meeting))) {
      throw new AppError("VALIDATION", "Checker lacks role or is not in office", {
        userMessage: `Den valda justeraren har inte rollen justerare i nämnden eller är inte ledamot i nämnden den ${day}.`,
        fieldErrors: { checkerId: ["Välj en av nämndens justerare."] },
      });
    }
    const minutes = meeting.minutes
      ? await tx.minutes.update({ where: { id: meeting.minutes.id }, data: { chairId: input.chairId, checkerId: input.checkerId, version: { increment: 1 } } })
      : await tx.minutes.create({ data: { meetingId: meeting.id, chairId: input.chairId, checkerId: input.checkerId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: meeting.minutes ? "minutes.update" : "minutes.create",
      entityType: "Minutes",
      entityId: minutes.id,
      data: { meetingId: meeting.id, meetingDate: formatDate(meeting.startsAt), chairId: input.chairId, checkerId: input.checkerId },
    });
    return { id: minutes.id };
  });

const loadMinutesMeetingId = async (tx: Tx, minutesId: string): Promise<string> => {
  const minutes = await tx.minutes.findUnique({ where: { id: minutesId }, select: { meetingId: true } });
  if (!minutes) throw new AppError("NOT_FOUND", "Minutes not found", { userMessage: MINUTES_NOT_FOUND });
  return minutes.meetingId;
};

export type SendMinutesOptions = { actor: Actor; input: TMinutesVersion; now?: Date };

export const sendMinutesForApproval = async ({ actor, input, now = new Date() }: SendMinutesOptions) => {
  const { request, contentHash, mailIds } = await db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, await loadMinutesMeetingId(tx, input.minutesId));
    assertMeetingStarted("minutes", meeting.startsAt, now);
    const minutes = await tx.minutes.findUniqueOrThrow({ where: { id: input.minutesId } });
    const items = await tx.agendaItem.findMany({ where: { meetingId: meeting.id }, select: { position: true, decision: { select: { id: true } } } });
    const undecided = items.filter((item) => !item.decision).map((item) => item.position);
    if (items.length === 0 || undecided.length > 0) {
      throw new AppError("INVALID_STATE", "Undecided agenda items", {
        userMessage: items.length === 0 ? "Sammanträdet har inga ärendepunkter." : `Beslut saknas för punkt ${undecided.join(", ")} på föredragningslistan.`,
      });
    }
    if ((await tx.meetingAttendance.count({ where: { meetingId: meeting.id, present: true } })) === 0) {
      throw new AppError("INVALID_STATE", "No attendance", { userMessage: "Registrera närvaron innan protokollet skickas för justering." });
    }
    for (const [userId, role, label] of [
      [minutes.chairId, "CHAIR", "ordförande"],
      [minutes.checkerId, "MINUTES_CHECKER", "justerare"],
    ] as const) {
      if (!(await userMayJustera(tx, userId, role, meeting))) {
        throw new AppError("INVALID_STATE", `Named ${role} lost the role`, {
          userMessage: `Den utsedda ${label}n har inte längre den rollen, eller är inte ledamot i nämnden på sammanträdesdagen. Välj en ny ${label}.`,
        });
      }
    }
    return engine.sendForAttestation(tx, {
      adapter: minutesSubject,
      subjectId: minutes.id,
      actor,
      now,
      order: "PARALLEL",
      steps: [
        { assigneeId: minutes.chairId, role: "CHAIR" },
        { assigneeId: minutes.checkerId, role: "MINUTES_CHECKER" },
      ],
      bind: async (locked) => {
        // The sender signs "Vid protokollet": from now on the secretary is part of what is justerat.
        const content = await minutesSnapshot(tx, meeting.id, { id: actor.id, name: (await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } })).name });
        if (locked.status !== "DRAFT" || locked.version !== input.version) {
          throw new AppError("CONFLICT", "Minutes changed since read", { userMessage: "Protokollet har ändrats sedan du öppnade sidan. Läs in sidan på nytt." });
        }
        return { versionNumber: locked.version + 1, content };
      },
    });
  });
  await engine.deliverAfterCommit({ mailIds });
  return { requestId: request.id, contentHash };
};

/** The minutes' newest request with its steps, unlocked (the engine locks it before writing). */
const currentRequest = async (tx: Tx, minutesId: string) =>
  tx.attestationRequest.findFirst({
    where: { subjectType: "MINUTES", subjectId: minutesId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { steps: { orderBy: { position: "asc" } } },
  });

const loadMinutesInApproval = async (tx: Tx, minutesId: string) => {
  const minutes = await tx.minutes.findUniqueOrThrow({ where: { id: minutesId } });
  if (minutes.status === "APPROVED") throw new AppError("INVALID_STATE", "Minutes already approved", { userMessage: LOCKED_MESSAGE });
  return minutes;
};

export type ApproveMinutesOptions = { actor: Actor; input: TApproveMinutes; now?: Date };

export const approveMinutes = async ({ actor, input, now = new Date() }: ApproveMinutesOptions) => {
  // Password check (argon2) before the transaction: it is slow and needs no lock.
  const authMethod = await authenticateForAttestation({ actor, password: input.password, now });
  const result = await db.$transaction(async (tx) => {
    const meetingId = await loadMinutesMeetingId(tx, input.minutesId);
    // The round as the approver saw it, read before the locks: if someone attests the same
    // step in between, the engine's conditional write reports the lost race as a CONFLICT.
    const seen = await currentRequest(tx, input.minutesId);
    const meeting = await lockMeetingForRead(tx, actor, meetingId);
    const minutes = await loadMinutesInApproval(tx, input.minutesId);
    if (minutes.status !== "IN_APPROVAL") throw new AppError("INVALID_STATE", "Minutes not in approval", { userMessage: NOT_SENT_MESSAGE });
    assertMeetingStarted("justering", meeting.startsAt, now);
    const step = seen?.status === "PENDING" ? seen.steps.find((candidate) => candidate.assigneeId === actor.id) : undefined;
    if (!seen || !step) throw new AppError("FORBIDDEN", "Actor is not a named approver", { userMessage: NOT_NAMED_MESSAGE });
    if (!can(actor, "minutes.justera", { ...meeting.scope, as: step.role as "CHAIR" | "MINUTES_CHECKER" })) {
      throw new AppError("FORBIDDEN", "Approver lost the role", { userMessage: "Du har inte längre rollen som krävs för att justera protokollet." });
    }
    if (step.status !== "WAITING") throw new AppError("INVALID_STATE", "Step not waiting", { userMessage: "Du har redan justerat protokollet." });
    return engine.attest(tx, { adapter: minutesSubject, requestId: seen.id, stepId: step.id, actor, now, authMethod, contentHash: input.contentHash });
  });
  await engine.deliverAfterCommit(result);
  if (!result.completed) return { completed: false as const };
  const { recordIds, ...posting } = result.completion;
  await enqueueRecordStorage(recordIds);
  return { completed: true as const, ...posting };
};

export type ReturnMinutesOptions = { actor: Actor; input: TReturnMinutes; now?: Date };

export const returnMinutes = async ({ actor, input, now = new Date() }: ReturnMinutesOptions) => {
  const result = await db.$transaction(async (tx) => {
    const meeting = await lockMeetingForRead(tx, actor, await loadMinutesMeetingId(tx, input.minutesId));
    const minutes = await loadMinutesInApproval(tx, input.minutesId);
    const request = minutes.status === "IN_APPROVAL" ? await currentRequest(tx, minutes.id) : null;
    const step = request?.status === "PENDING" ? request.steps.find((candidate) => candidate.assigneeId === actor.id && candidate.status === "WAITING") : undefined;
    if (!request || !step || !can(actor, "minutes.justera", { ...meeting.scope, as: step.role as "CHAIR" | "MINUTES_CHECKER" })) {
      throw new AppError("FORBIDDEN", "Actor may not return these minutes", { userMessage: NOT_NAMED_MESSAGE });
    }
    return engine.returnStep(tx, { adapter: minutesSubject, requestId: request.id, stepId: step.id, actor, now, comment: input.comment });
  });
  await engine.deliverAfterCommit(result);
  return { returned: true };
};

export type WithdrawMinutesOptions = { actor: Actor; input: TWithdrawMinutes; now?: Date };

export const withdrawMinutes = async ({ actor, input, now = new Date() }: WithdrawMinutesOptions) => {
  const result = await db.$transaction(async (tx) => {
    const meetingId = await loadMinutesMeetingId(tx, input.minutesId);
    // The secretary may withdraw while in approval; lockMeetingForEdit would refuse that state.
    await lockMeetingForEdit(tx, actor, meetingId, { allowLockedMinutes: true });
    const minutes = await loadMinutesInApproval(tx, input.minutesId);
    if (minutes.status !== "IN_APPROVAL") throw new AppError("INVALID_STATE", "Not in approval", { userMessage: NOT_SENT_MESSAGE });
    const requestId = await engine.latestRequestId(tx, "MINUTES", minutes.id);
    if (!requestId) throw new AppError("CONFLICT", "No pending request");
    return engine.withdraw(tx, {
      adapter: minutesSubject,
      requestId,
      actor,
      now,
      reason: input.reason ?? null,
      recordedReason: input.reason ?? "Återkallat av nämndsekreteraren",
      // Justerade minutes stay justerade: only a pending round can be withdrawn.
      assert: ({ request }) => {
        if (request.status !== "PENDING") throw new AppError("CONFLICT", `Request ${request.id} is ${request.status}`);
      },
    });
  });
  await engine.deliverAfterCommit(result);
  return { withdrawn: true };
};
