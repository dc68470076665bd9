// Närvaro against PostgreSQL: a committee votes with at most as many as it has seats.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { setAttendance } from "@/features/meetings/server/meeting-service";
import { ZAttendanceSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";
import { createTestDatabase } from "../support/database";
import { actorFor, calledMeetingWithCase, expectAppError, setupMeetingsWorld } from "./meetings-fixtures";

const { db } = await createTestDatabase();

let secretary: Actor;

beforeAll(async () => {
  await setupMeetingsWorld(db);
  secretary = await actorFor(db, "sekreterare");
});

const hasMembers = () => db.committeeMember.findMany({ where: { committeeId: "has" }, orderBy: { name: "asc" } });

describe("attendance and seats", () => {
  it("refuses more voting members than the committee has seats, and keeps the saved list", async () => {
    const { meetingId } = await calledMeetingWithCase(db, secretary);
    const members = await hasMembers();
    const seats = members.filter((member) => member.role !== "DEPUTY").length;
    const deputies = members.filter((member) => member.role === "DEPUTY");
    expect(deputies.length).toBeGreaterThan(0);

    // Every ledamot present and an ersättare serving as well: one more voting than seats.
    const entries = members.map((member) => ({ memberId: member.id, present: true, serving: member.role === "DEPUTY" }));
    const error = await expectAppError(() => setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId, entries }) }), "VALIDATION");
    expect(error.userMessage).toBe(
      `För många tjänstgörande: ${seats + deputies.length} ledamöter och ersättare är markerade, men nämnden har ${seats} platser. En ersättare tjänstgör bara i stället för en frånvarande ledamot.`,
    );
    expect(await db.meetingAttendance.count({ where: { meetingId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "meeting.attendance", entityId: meetingId } })).toBe(0);
  });

  it("refuses a partial list that adds a serving ersättare to a full set of ledamöter already saved", async () => {
    const { meetingId } = await calledMeetingWithCase(db, secretary);
    const members = await hasMembers();
    const ledamoter = members.filter((member) => member.role !== "DEPUTY");
    const deputy = members.find((member) => member.role === "DEPUTY")!;
    await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId, entries: ledamoter.map((member) => ({ memberId: member.id, present: true, serving: false })) }) });

    await expectAppError(
      () => setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId, entries: [{ memberId: deputy.id, present: true, serving: true }] }) }),
      "VALIDATION",
      /För många tjänstgörande/,
    );
    expect(await db.meetingAttendance.count({ where: { meetingId, memberId: deputy.id } })).toBe(0);
  });

  it("accepts an ersättare serving in place of an absent ledamot", async () => {
    const { meetingId } = await calledMeetingWithCase(db, secretary);
    const members = await hasMembers();
    const absent = members.find((member) => member.role === "MEMBER")!;
    const deputy = members.find((member) => member.role === "DEPUTY")!;
    const entries = members.map((member) => ({ memberId: member.id, present: member.id !== absent.id, serving: member.id === deputy.id }));
    await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId, entries }) });
    expect(await db.meetingAttendance.count({ where: { meetingId, present: true } })).toBe(members.length - 1);
  });
});
