// Justering goes through the attestation engine: the guarantees the statements have hold
// for minutes too — a lost race is a CONFLICT (never a second attestation), the minutes
// are locked exactly once when ordförande and justerare finish together, every timestamp
// is the injected clock's, and notifications reach the outbox with delivery enqueued.
import { afterAll, describe, expect, it } from "vitest";
import { getAttestationState } from "@/features/attestation/server/attestation-state";
import { recordDecision } from "@/features/meetings/server/decision-service";
import { setAttendance } from "@/features/meetings/server/meeting-service";
import { approveMinutes, returnMinutes, saveMinutes, sendMinutesForApproval } from "@/features/meetings/server/minutes-service";
import { ZRecordDecisionSchema } from "@/features/meetings/schemas";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/validation";
import { configureJobProducer, JOB_SCHEMA, SEND_MAIL_QUEUE, stopJobProducer } from "@/server/jobs";
import { createTestDatabase } from "../support/database";
import { calledMeetingWithCase, setupMeetingsWorldWithActors } from "./meetings-fixtures";

const { db, url } = await createTestDatabase();

const { secretary, chair, checker } = await setupMeetingsWorldWithActors(db);

afterAll(stopJobProducer);

/** A held meeting, decided, with attendance and minutes naming ordförande and justerare (a draft). */
const draftMinutes = async () => {
  const world = await calledMeetingWithCase(db, secretary);
  await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "AS_PROPOSED" }) });
  const members = await db.committeeMember.findMany({ where: { committeeId: "has" } });
  await setAttendance({ actor: secretary, input: { meetingId: world.meetingId, entries: members.map((member) => ({ memberId: member.id, present: true, serving: false })) } });
  const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: checker.id } });
  const { version } = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: world.meetingId } });
  return { ...world, minutesId, version, startsAt: meeting.startsAt };
};

const minutesInApproval = async () => {
  const world = await draftMinutes();
  const { contentHash } = await sendMinutesForApproval({ actor: secretary, input: { minutesId: world.minutesId, version: world.version } });
  return { ...world, contentHash };
};

const codesOf = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((result): result is PromiseRejectedResult => result.status === "rejected").map((result) => (result.reason instanceof AppError ? result.reason.code : String(result.reason)));

describe("justering through the attestation engine", () => {
  it("turns two simultaneous justeringar of the same step into one attestation and one refusal", async () => {
    for (let round = 0; round < 3; round += 1) {
      const world = await minutesInApproval();
      const input = { minutesId: world.minutesId, contentHash: world.contentHash };
      const results = await Promise.allSettled([approveMinutes({ actor: chair, input }), approveMinutes({ actor: chair, input })]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      // Which refusal depends on timing, never on luck: a second submission that overlaps the
      // first loses the conditional write (CONFLICT); one that starts after the first has
      // committed is told it has already justerat (INVALID_STATE). Never a second attestation.
      expect(codesOf(results)).toHaveLength(1);
      expect(["CONFLICT", "INVALID_STATE"]).toContain(codesOf(results)[0]);
      const step = await db.attestationStep.findFirstOrThrow({ where: { request: { subjectId: world.minutesId }, assigneeId: chair.id } });
      expect(step.status).toBe("ATTESTED");
      expect(await db.auditEvent.count({ where: { action: "attestation.attest", entityId: step.id } })).toBe(1);
      expect((await db.minutes.findUniqueOrThrow({ where: { id: world.minutesId } })).status).toBe("IN_APPROVAL");
    }
  }, 120_000);

  it("locks the minutes exactly once when ordförande and justerare attest at the same moment", async () => {
    for (let round = 0; round < 3; round += 1) {
      const world = await minutesInApproval();
      const before = await db.meeting.findUniqueOrThrow({ where: { id: world.meetingId } });
      const input = { minutesId: world.minutesId, contentHash: world.contentHash };
      const results = await Promise.allSettled([approveMinutes({ actor: chair, input }), approveMinutes({ actor: checker, input })]);
      expect(codesOf(results)).toEqual([]);
      expect(results.map((result) => (result.status === "fulfilled" ? result.value.completed : null)).sort()).toEqual([false, true]);
      expect((await db.minutes.findUniqueOrThrow({ where: { id: world.minutesId } })).status).toBe("APPROVED");
      const meeting = await db.meeting.findUniqueOrThrow({ where: { id: world.meetingId } });
      expect(meeting).toMatchObject({ status: "APPROVED", version: before.version + 1 });
      expect(await db.auditEvent.count({ where: { action: "minutes.approved", entityId: world.minutesId } })).toBe(1);
      expect(await db.auditEvent.count({ where: { action: "minutes.paragraph_approved", caseId: world.caseId } })).toBe(1);
      expect((await getAttestationState({ subjectType: "MINUTES", subjectId: world.minutesId })).attested).toBe(true);
    }
  }, 120_000);

  it("stamps the request, the justeringar, the anslag and a return with the injected clock", async () => {
    const world = await draftMinutes();
    const sentAt = new Date(world.startsAt.getTime() + 3_600_000);
    const chairAt = new Date(world.startsAt.getTime() + 7_200_000);
    const checkerAt = new Date(world.startsAt.getTime() + 10_800_000);
    const { contentHash } = await sendMinutesForApproval({ actor: secretary, input: { minutesId: world.minutesId, version: world.version }, now: sentAt });
    const input = { minutesId: world.minutesId, contentHash };
    await approveMinutes({ actor: chair, input, now: chairAt });
    await approveMinutes({ actor: checker, input, now: checkerAt });
    const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: world.minutesId }, include: { steps: { orderBy: { position: "asc" } } } });
    expect(request.createdAt).toEqual(sentAt);
    expect(request.completedAt).toEqual(checkerAt);
    expect(request.steps.map((step) => step.attestedAt)).toEqual([chairAt, checkerAt]);
    expect((await db.minutes.findUniqueOrThrow({ where: { id: world.minutesId } })).approvedAt).toEqual(checkerAt);

    const returned = await draftMinutes();
    const sent = await sendMinutesForApproval({ actor: secretary, input: { minutesId: returned.minutesId, version: returned.version } });
    const returnedAt = new Date(returned.startsAt.getTime() + 5_400_000);
    await returnMinutes({ actor: checker, input: { minutesId: returned.minutesId, comment: "Rätta närvaron." }, now: returnedAt });
    const closed = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: returned.minutesId, contentHash: sent.contentHash } });
    expect(closed).toMatchObject({ status: "RETURNED", invalidatedAt: returnedAt, invalidationReason: "Rätta närvaron." });
  });

  it("notifies ordförande and justerare through the outbox and enqueues the delivery of their mails", async () => {
    configureJobProducer(url);
    const world = await draftMinutes();
    await sendMinutesForApproval({ actor: secretary, input: { minutesId: world.minutesId, version: world.version } });
    const link = `/sammantraden/${world.meetingId}/protokoll`;
    const notified = await db.notification.findMany({ where: { link, kind: "minutes.approval_requested" }, select: { userId: true } });
    expect(notified.map((notification) => notification.userId).sort()).toEqual([chair.id, checker.id].sort());
    const mails = await db.mailMessage.findMany({ where: { text: { contains: link } } });
    expect(mails.map((mail) => mail.toAddress).sort()).toEqual(["justerare@yttra.example", "ordforande@yttra.example"]);
    const jobs = await db.$queryRawUnsafe<{ mail_id: string }[]>(`SELECT data->>'mailId' AS mail_id FROM ${JOB_SCHEMA}.job WHERE name = $1`, SEND_MAIL_QUEUE);
    expect(jobs.map((job) => job.mail_id).filter((id) => mails.some((mail) => mail.id === id))).toHaveLength(2);
  });

  it("tells the secretary of a return without quoting the comment, which may cite a secret §, in the notification or the e-mail", async () => {
    const world = await draftMinutes();
    await sendMinutesForApproval({ actor: secretary, input: { minutesId: world.minutesId, version: world.version } });
    const canary = `KANARIE-${Date.now()} § 3 gäller den sekretessmarkerade placeringen`;
    await returnMinutes({ actor: checker, input: { minutesId: world.minutesId, comment: canary } });
    const link = `/sammantraden/${world.meetingId}/protokoll`;
    const notices = await db.notification.findMany({ where: { link, kind: "minutes.returned" } });
    expect(notices.map((notice) => notice.userId)).toEqual([secretary.id]);
    expect(notices[0]!.body).toContain("Läs den på protokollets sida");
    expect(JSON.stringify(notices)).not.toContain("KANARIE");
    expect(await db.mailMessage.count({ where: { OR: [{ text: { contains: "KANARIE" } }, { subject: { contains: "KANARIE" } }] } })).toBe(0);
    // The comment itself stays where the minutes page shows it.
    expect(await db.attestationStep.count({ where: { comment: canary } })).toBe(1);
  });
});
