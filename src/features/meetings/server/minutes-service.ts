// Protokoll and justering. The secretary names ordförande and justerare and sends the
// minutes for justering: an AttestationRequest (subject MINUTES) bound to the SHA-256 of
// the canonical minutes content, with one step each. Each approver attests that exact
// hash (re-authenticating when the sign-in is older than five minutes). When both have
// attested the minutes are locked, posted (anslag) on the day of the justering and the
// appeal period ends three weeks later. Nothing of it before the meeting has started
// (../dates.ts). Returning or withdrawing invalidates every step.
import "server-only";
import { authenticateForAttestation, ATTEST_ACTION, attestAuditData, STEP_ENTITY } from "@/features/attestation/server";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { notBeforeMeeting, postingDates } from "../dates";
import { ZApproveMinutesSchema, ZCreateMinutesSchema, ZMinutesVersionSchema, ZReturnMinutesSchema, ZWithdrawMinutesSchema } from "../schemas";
import { canApproveMinutesAs } from "./meeting-access";
import { LOCKED_MESSAGE, lockMeetingForEdit, lockMeetingForRead } from "./meeting-guards";
import { parseInput } from "@/server/validation";
import { buildMinutesContent, hashMinutesContent, readMinutesContent, ZMinutesContentSchema } from "./minutes-content";
import { asHashScheme, CURRENT_HASH_SCHEME } from "@/lib/canonical-json";
import { formatDate, isoDateToDb } from "@/lib/dates";
import { isUuid } from "@/lib/ids";

const MINUTES_NOT_FOUND = "Protokollet finns inte, eller så saknar du behörighet att se det.";

/** Does the user hold the role in the committee itself (the roles of justering are committee roles)? */
const userHoldsCommitteeRole = async (tx: Tx, userId: string, role: Role, committeeId: string): Promise<boolean> =>
  (await tx.membership.count({ where: { userId, role, committeeId, user: { disabledAt: null } } })) > 0;

const verificationCode = (): string => {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(12);
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join("");
  // Same shape as the statements' codes (XXXX-XXXX-XXXX) so /verifiera resolves both.
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
};

/** Minutes and their justering follow the meeting: refused before it has started. */
const assertMeetingStarted = (step: "minutes" | "justering", startsAt: Date, now: Date): void => {
  const early = notBeforeMeeting(step, startsAt, now);
  if (early) throw new AppError("INVALID_STATE", "Meeting has not started", { userMessage: early });
};

export type SaveMinutesOptions = { actor: Actor; input: unknown; now?: Date };

/** Creates the minutes of a held meeting, or changes ordförande/justerare while they are a draft. */
export const saveMinutes = async ({ actor, input, now = new Date() }: SaveMinutesOptions) => {
  const data = parseInput(ZCreateMinutesSchema, input);
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, data.meetingId);
    if (meeting.status === "PLANNED") {
      throw new AppError("INVALID_STATE", "Meeting not called", { userMessage: "Protokoll kan skrivas först när sammanträdet är kallat." });
    }
    assertMeetingStarted("minutes", meeting.startsAt, now);
    if (!(await userHoldsCommitteeRole(tx, data.chairId, "CHAIR", meeting.committeeId))) {
      throw new AppError("VALIDATION", "Chair lacks role", { userMessage: "Den valda ordföranden har inte rollen ordförande i nämnden.", fieldErrors: { chairId: ["Välj nämndens ordförande."] } });
    }
    if (!(await userHoldsCommitteeRole(tx, data.checkerId, "MINUTES_CHECKER", meeting.committeeId))) {
      throw new AppError("VALIDATION", "Checker lacks role", { userMessage: "Den valda justeraren har inte rollen justerare i nämnden.", fieldErrors: { checkerId: ["Välj en av nämndens justerare."] } });
    }
    const minutes = meeting.minutes
      ? await tx.minutes.update({ where: { id: meeting.minutes.id }, data: { chairId: data.chairId, checkerId: data.checkerId, version: { increment: 1 } } })
      : await tx.minutes.create({ data: { meetingId: meeting.id, chairId: data.chairId, checkerId: data.checkerId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: meeting.minutes ? "minutes.update" : "minutes.create",
      entityType: "Minutes",
      entityId: minutes.id,
      data: { meetingId: meeting.id, meetingDate: formatDate(meeting.startsAt), chairId: data.chairId, checkerId: data.checkerId },
    });
    return { id: minutes.id };
  });
};

const loadMinutesMeetingId = async (tx: Tx, minutesId: string): Promise<string> => {
  const minutes = isUuid(minutesId) ? await tx.minutes.findUnique({ where: { id: minutesId }, select: { meetingId: true } }) : null;
  if (!minutes) throw new AppError("NOT_FOUND", "Minutes not found", { userMessage: MINUTES_NOT_FOUND });
  return minutes.meetingId;
};

export type SendMinutesOptions = { actor: Actor; input: unknown; now?: Date };

export const sendMinutesForApproval = async ({ actor, input, now = new Date() }: SendMinutesOptions) => {
  const { minutesId, version } = parseInput(ZMinutesVersionSchema, input);
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, await loadMinutesMeetingId(tx, minutesId));
    assertMeetingStarted("minutes", meeting.startsAt, now);
    const minutes = await tx.minutes.findUniqueOrThrow({ where: { id: minutesId } });
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
      if (!(await userHoldsCommitteeRole(tx, userId, role, meeting.committeeId))) {
        throw new AppError("INVALID_STATE", `Named ${role} lost the role`, { userMessage: `Den utsedda ${label}n har inte längre den rollen i nämnden. Välj en ny ${label}.` });
      }
    }
    // The sender signs "Vid protokollet": from now on the secretary is part of what is justerat.
    const sender = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true } });
    const built = await buildMinutesContent(tx, meeting.id, { secretary: sender });
    if (!built) throw new Error("Minutes content missing for existing minutes");
    // Validated before it is stored: the snapshot is read back with the same schema, so a
    // mismatch must refuse the sending now, not make justerade minutes unreadable later.
    const parsed = ZMinutesContentSchema.safeParse(built);
    if (!parsed.success) {
      throw new AppError("INVALID_STATE", `Minutes content of ${meeting.id} does not match its schema: ${parsed.error.message}`, {
        userMessage: "Protokollets innehåll kan inte sparas för justering (till exempel en för lång text). Rätta protokollet och försök igen.",
      });
    }
    const content = parsed.data;
    const contentHash = hashMinutesContent(content, CURRENT_HASH_SCHEME);
    const updated = await tx.minutes.updateMany({
      where: { id: minutesId, version, status: "DRAFT" },
      data: { status: "IN_APPROVAL", contentHash, content: content as unknown as Prisma.InputJsonValue, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "Minutes changed since read");
    const request = await tx.attestationRequest.create({
      data: {
        subjectType: "MINUTES",
        subjectId: minutesId,
        versionNumber: version + 1,
        contentHash,
        hashScheme: CURRENT_HASH_SCHEME,
        order: "PARALLEL",
        verificationCode: verificationCode(),
        requestedById: actor.id,
        steps: {
          create: [
            { position: 1, assigneeId: minutes.chairId, role: "CHAIR" },
            { position: 2, assigneeId: minutes.checkerId, role: "MINUTES_CHECKER" },
          ],
        },
      },
    });
    const title = `Protokoll att justera: ${content.committee.name} ${content.meeting.date}`;
    await tx.notification.createMany({
      data: [minutes.chairId, minutes.checkerId].map((userId) => ({
        userId,
        kind: "minutes.approval_requested",
        title,
        body: `Protokollet från sammanträdet ${content.meeting.date} väntar på din justering.`,
        link: `/sammantraden/${meeting.id}/protokoll`,
      })),
    });
    const approvers = await tx.user.findMany({ where: { id: { in: [minutes.chairId, minutes.checkerId] }, email: { not: null } }, select: { email: true } });
    if (approvers.length > 0) {
      await tx.mailMessage.createMany({
        data: approvers.map((user) => ({ municipalityId: meeting.scope.municipalityId, toAddress: user.email!, subject: title, text: `Protokollet från ${content.committee.name}s sammanträde ${content.meeting.date} väntar på din justering i Yttra.` })),
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "minutes.send_for_approval",
      entityType: "Minutes",
      entityId: minutesId,
      data: { requestId: request.id, contentHash, hashScheme: CURRENT_HASH_SCHEME, paragraphs: content.paragraphs.map((paragraph) => paragraph.paragraph) },
    });
    return { requestId: request.id, contentHash };
  });
};

const currentRequest = async (tx: Tx, minutesId: string) =>
  tx.attestationRequest.findFirst({
    where: { subjectType: "MINUTES", subjectId: minutesId },
    orderBy: { createdAt: "desc" },
    include: { steps: { orderBy: { position: "asc" } } },
  });

export type ApproveMinutesOptions = { actor: Actor; input: unknown; now?: Date };

export const approveMinutes = async ({ actor, input, now = new Date() }: ApproveMinutesOptions) => {
  const data = parseInput(ZApproveMinutesSchema, input);
  // Password check (argon2) before the transaction: it is slow and needs no lock.
  const authMethod = await authenticateForAttestation({ actor, password: data.password, now });
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForRead(tx, actor, await loadMinutesMeetingId(tx, data.minutesId));
    const minutes = await tx.minutes.findUniqueOrThrow({ where: { id: data.minutesId } });
    if (minutes.status === "APPROVED") throw new AppError("INVALID_STATE", "Minutes already approved", { userMessage: LOCKED_MESSAGE });
    if (minutes.status !== "IN_APPROVAL") throw new AppError("INVALID_STATE", "Minutes not in approval", { userMessage: "Protokollet är inte skickat för justering." });
    assertMeetingStarted("justering", meeting.startsAt, now);
    const request = await currentRequest(tx, minutes.id);
    const step = request?.status === "PENDING" ? request.steps.find((candidate) => candidate.assigneeId === actor.id) : undefined;
    if (!request || !step) {
      throw new AppError("FORBIDDEN", "Actor is not a named approver", { userMessage: "Du är inte utsedd att justera det här protokollet." });
    }
    if (!canApproveMinutesAs(actor, step.role as "CHAIR" | "MINUTES_CHECKER", meeting.scope)) {
      throw new AppError("FORBIDDEN", "Approver lost the role", { userMessage: "Du har inte längre rollen som krävs för att justera protokollet." });
    }
    if (step.status !== "WAITING") throw new AppError("INVALID_STATE", "Step not waiting", { userMessage: "Du har redan justerat protokollet." });
    const content = await readMinutesContent(tx, meeting.id);
    if (data.contentHash !== request.contentHash || !content || hashMinutesContent(content, asHashScheme(request.hashScheme)) !== request.contentHash) {
      throw new AppError("CONFLICT", "Approved hash differs from the minutes", { userMessage: "Protokollet har ändrats sedan du öppnade det. Läs in sidan på nytt och granska det igen." });
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, title: true } });
    const attested = await tx.attestationStep.updateMany({
      where: { id: step.id, status: "WAITING" },
      data: { status: "ATTESTED", attestedAt: now, attesterName: user.name, attesterTitle: user.title, authMethod, attestedHash: request.contentHash },
    });
    if (attested.count === 0) throw new AppError("CONFLICT", "Step changed concurrently");
    // The attestation engine's audit format, so that getAttestationState and /verifiera
    // check a justering exactly like a statement's attestation.
    await recordAudit(tx, {
      actorId: actor.id,
      action: ATTEST_ACTION,
      entityType: STEP_ENTITY,
      entityId: step.id,
      data: {
        ...attestAuditData({ ...step, attestedAt: now, attesterName: user.name, attesterTitle: user.title, authMethod, attestedHash: request.contentHash }),
        subjectType: "MINUTES",
        minutesId: minutes.id,
      },
    });
    const remaining = request.steps.filter((candidate) => candidate.id !== step.id && candidate.status !== "ATTESTED");
    if (remaining.length > 0) return { completed: false };

    const { postedDate, appealEndsOn } = postingDates(now);
    await tx.attestationRequest.update({ where: { id: request.id }, data: { status: "COMPLETED", completedAt: now } });
    const locked = await tx.minutes.updateMany({
      where: { id: minutes.id, status: "IN_APPROVAL", version: minutes.version },
      // No version bump: the approved version is the one the request bound (versionNumber).
      data: { status: "APPROVED", approvedAt: now, postedDate: isoDateToDb(postedDate), appealEndsOn: isoDateToDb(appealEndsOn) },
    });
    if (locked.count === 0) throw new AppError("CONFLICT", "Minutes changed concurrently");
    await tx.meeting.update({ where: { id: meeting.id }, data: { status: "APPROVED", version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "minutes.approved",
      entityType: "Minutes",
      entityId: minutes.id,
      data: { contentHash: request.contentHash, postedDate, appealEndsOn },
    });
    // The case's history ("Händelser") tells that its paragraph is now justerad.
    for (const paragraph of content.paragraphs.filter((candidate) => candidate.caseId)) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "minutes.paragraph_approved",
        entityType: "Decision",
        entityId: paragraph.decisionId,
        caseId: paragraph.caseId,
        data: { paragraph: `§ ${paragraph.paragraph}/${paragraph.year}`, meetingDate: content.meeting.date, postedDate, appealEndsOn },
      });
    }
    return { completed: true, postedDate, appealEndsOn };
  });
};

/** Both returning (by an approver) and withdrawing (by the secretary) void the round and reopen the draft. */
const reopenMinutes = async (tx: Tx, minutesId: string, requestId: string, status: "RETURNED" | "WITHDRAWN", actorId: string, reason: string | null) => {
  await tx.attestationRequest.update({
    where: { id: requestId },
    data: { status, invalidatedAt: new Date(), invalidatedById: actorId, invalidationReason: reason },
  });
  await tx.attestationStep.updateMany({ where: { requestId, status: { in: ["WAITING", "ATTESTED"] } }, data: { status: "INVALIDATED" } });
  const reopened = await tx.minutes.updateMany({ where: { id: minutesId, status: "IN_APPROVAL" }, data: { status: "DRAFT", contentHash: null, content: Prisma.DbNull, version: { increment: 1 } } });
  if (reopened.count === 0) throw new AppError("CONFLICT", "Minutes changed concurrently");
};

export type ReturnMinutesOptions = { actor: Actor; input: unknown };

export const returnMinutes = async ({ actor, input }: ReturnMinutesOptions) => {
  const data = parseInput(ZReturnMinutesSchema, input);
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForRead(tx, actor, await loadMinutesMeetingId(tx, data.minutesId));
    const minutes = await tx.minutes.findUniqueOrThrow({ where: { id: data.minutesId } });
    if (minutes.status === "APPROVED") throw new AppError("INVALID_STATE", "Minutes approved", { userMessage: LOCKED_MESSAGE });
    const request = minutes.status === "IN_APPROVAL" ? await currentRequest(tx, minutes.id) : null;
    const step = request?.status === "PENDING" ? request.steps.find((candidate) => candidate.assigneeId === actor.id && candidate.status === "WAITING") : undefined;
    if (!request || !step || !canApproveMinutesAs(actor, step.role as "CHAIR" | "MINUTES_CHECKER", meeting.scope)) {
      throw new AppError("FORBIDDEN", "Actor may not return these minutes", { userMessage: "Du är inte utsedd att justera det här protokollet." });
    }
    await reopenMinutes(tx, minutes.id, request.id, "RETURNED", actor.id, data.comment);
    await tx.attestationStep.update({ where: { id: step.id }, data: { status: "RETURNED", comment: data.comment } });
    await tx.notification.create({
      data: { userId: request.requestedById, kind: "minutes.returned", title: "Protokollet har skickats tillbaka", body: data.comment, link: `/sammantraden/${meeting.id}/protokoll` },
    });
    await recordAudit(tx, { actorId: actor.id, action: "minutes.return", entityType: "Minutes", entityId: minutes.id, data: { requestId: request.id, comment: data.comment } });
    return { returned: true };
  });
};

export type WithdrawMinutesOptions = { actor: Actor; input: unknown };

export const withdrawMinutes = async ({ actor, input }: WithdrawMinutesOptions) => {
  const data = parseInput(ZWithdrawMinutesSchema, input);
  return db.$transaction(async (tx) => {
    const meetingId = await loadMinutesMeetingId(tx, data.minutesId);
    // The secretary may withdraw while in approval; lockMeetingForEdit would refuse that state.
    await lockMeetingForEdit(tx, actor, meetingId, { allowLockedMinutes: true });
    const minutes = await tx.minutes.findUniqueOrThrow({ where: { id: data.minutesId } });
    if (minutes.status === "APPROVED") throw new AppError("INVALID_STATE", "Minutes approved", { userMessage: LOCKED_MESSAGE });
    if (minutes.status !== "IN_APPROVAL") throw new AppError("INVALID_STATE", "Not in approval", { userMessage: "Protokollet är inte skickat för justering." });
    const request = await currentRequest(tx, minutes.id);
    if (!request || request.status !== "PENDING") throw new AppError("CONFLICT", "No pending request");
    await reopenMinutes(tx, minutes.id, request.id, "WITHDRAWN", actor.id, data.reason ?? "Återkallat av nämndsekreteraren");
    await recordAudit(tx, { actorId: actor.id, action: "minutes.withdraw", entityType: "Minutes", entityId: minutes.id, data: { requestId: request.id, reason: data.reason ?? null } });
    return { withdrawn: true };
  });
};
