// What the protokoll records beyond the decisions, against PostgreSQL: votering med
// namnupprop from the närvaro (propositionsordning, one vote per tjänstgörande, the result
// computed), övriga närvarande and the time and place of justering — each write audited,
// refused to the wrong role and to another committee's secretary, and printed in the PDF.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { minutesToDocument } from "@/features/exports/meeting-documents";
import { renderPdf } from "@/features/exports/render/pdf";
import { getMinutesForExport } from "@/features/meetings/server";
import { recordDecision, recordRollCall } from "@/features/meetings/server/decision-service";
import { setAttendance, setMeetingRecordDetails } from "@/features/meetings/server/meeting-service";
import { saveMinutes } from "@/features/meetings/server/minutes-service";
import { buildMinutesContent } from "@/features/meetings/server/minutes-content";
import { ZAttendanceSchema, ZMeetingRecordDetailsSchema, ZRecordDecisionSchema, ZRollCallSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";
import { pdfText } from "../fixtures/exports/inspect";
import { createTestDatabase } from "../support/database";
import { actorFor, calledMeetingWithCase, expectAppError, setupMeetingsWorldWithActors } from "./meetings-fixtures";

const { db } = await createTestDatabase();

let secretary: Actor;
let chair: Actor;
let checker: Actor;
let officer: Actor;
let otherSecretary: Actor;

beforeAll(async () => {
  ({ secretary, chair, checker } = await setupMeetingsWorldWithActors(db));
  officer = await actorFor(db, "clas.cederlid");
  otherSecretary = await actorFor(db, "sos.sekreterare");
});

/** A decided § of a held meeting; every ledamot present except `absent`, and `serving` ersättare in their place. */
const decidedWithAttendance = async ({ absent = [] as string[], serving = [] as string[] } = {}) => {
  const world = await calledMeetingWithCase(db, secretary);
  const { id: decisionId } = await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "AS_PROPOSED" }) });
  const members = await db.committeeMember.findMany({ where: { committeeId: "has" }, orderBy: { name: "asc" } });
  const entries = members.map((member) => ({
    memberId: member.id,
    present: member.role === "DEPUTY" ? serving.includes(member.name) : !absent.includes(member.name),
    serving: serving.includes(member.name),
  }));
  await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId: world.meetingId, entries }) });
  const voters = members.filter((member) => (member.role === "DEPUTY" ? serving.includes(member.name) : !absent.includes(member.name)));
  return { ...world, decisionId, members, voters };
};

/** The minutes' content (the minutes created, as the secretary does before sending them). */
const contentOf = async (meetingId: string) => {
  await saveMinutes({ actor: secretary, input: { meetingId, chairId: chair.id, checkerId: checker.id } });
  return buildMinutesContent(db, meetingId);
};

const rollCall = (decisionId: string, votes: [memberId: string, vote: string][], extra: Record<string, unknown> = {}) =>
  parseInput(ZRollCallSchema, { decisionId, yesFor: "förvaltningens förslag", noFor: "Leila Haddads (V) yrkande", entries: votes.map(([memberId, vote]) => ({ memberId, vote })), ...extra });

describe("votering med namnupprop", () => {
  it("records one vote per tjänstgörande with the propositionsordning, computes the result and audits it", async () => {
    const world = await decidedWithAttendance({ absent: ["Leila Haddad"], serving: ["Per Ersättare"] });
    const voteOf = (member: { name: string; role: string }) => (member.role === "CHAIR" || member.name === "Per Ersättare" ? "YES" : member.name === "Anders Berglund" ? "NO" : "ABSTAIN");
    const result = await recordRollCall({ actor: secretary, input: rollCall(world.decisionId, world.voters.map((member) => [member.id, voteOf(member)])) });
    const yes = world.voters.filter((member) => voteOf(member) === "YES").length;
    expect(result).toMatchObject({ yes, no: 1 });

    const content = await contentOf(world.meetingId);
    const votes = content?.paragraphs.find((paragraph) => paragraph.decisionId === world.decisionId)?.votes;
    expect(votes).toMatchObject({ yesFor: "förvaltningens förslag", noFor: "Leila Haddads (V) yrkande", yes, no: 1, outcome: "YES", casting: false });
    expect(votes?.rollCall.map((entry) => entry.name).sort()).toEqual(world.voters.map((member) => member.name).sort());
    expect(votes?.rollCall.find((entry) => entry.name === "Per Ersättare")?.vote).toBe("YES");

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "decision.roll_call", entityId: world.decisionId } });
    expect(event.caseId).toBe(world.caseId);
    expect(event.data).toMatchObject({ yesFor: "förvaltningens förslag", yes, no: 1 });
  });

  it("lets the ordförande's vote decide on equal votes", async () => {
    const world = await decidedWithAttendance({ absent: [], serving: [] });
    const chairMember = world.voters.find((member) => member.role === "CHAIR")!;
    const others = world.voters.filter((member) => member.id !== chairMember.id);
    // The chair and half of the rest for nej, the other half for ja: equal only if the rest is odd, so abstain one when needed.
    const votes: [string, string][] = [[chairMember.id, "NO"]];
    others.forEach((member, index) => votes.push([member.id, index === others.length - 1 && others.length % 2 === 0 ? "ABSTAIN" : index % 2 === 0 ? "YES" : "NO"]));
    const yes = votes.filter(([, vote]) => vote === "YES").length;
    const no = votes.filter(([, vote]) => vote === "NO").length;
    expect(yes).toBe(no);
    await recordRollCall({ actor: secretary, input: rollCall(world.decisionId, votes) });
    const content = await contentOf(world.meetingId);
    expect(content?.paragraphs[0]?.votes).toMatchObject({ outcome: "NO", casting: true });
  });

  it("refuses a roll call that leaves out a tjänstgörande or names someone who does not serve", async () => {
    const world = await decidedWithAttendance({ absent: ["Leila Haddad"], serving: [] });
    const rest = world.voters.slice(1);
    await expectAppError(recordRollCall({ actor: secretary, input: rollCall(world.decisionId, rest.map((member) => [member.id, "YES"])) }), "VALIDATION", /varje tjänstgörande/);
    const leila = world.members.find((member) => member.name === "Leila Haddad")!;
    await expectAppError(
      recordRollCall({ actor: secretary, input: rollCall(world.decisionId, [...world.voters.map((member): [string, string] => [member.id, "YES"]), [leila.id, "NO"]]) }),
      "VALIDATION",
      /varje tjänstgörande/,
    );
    expect(await db.decision.findUniqueOrThrow({ where: { id: world.decisionId }, select: { votes: true } })).toEqual({ votes: null });
    expect(await db.auditEvent.count({ where: { action: "decision.roll_call", entityId: world.decisionId } })).toBe(0);
  });

  it("refuses the roll call to a case officer and to another committee's secretary", async () => {
    const world = await decidedWithAttendance();
    const input = rollCall(world.decisionId, world.voters.map((member) => [member.id, "YES"]));
    await expectAppError(recordRollCall({ actor: officer, input }), "FORBIDDEN");
    await expectAppError(recordRollCall({ actor: otherSecretary, input }), "NOT_FOUND");
  });
});

describe("övriga närvarande and justering", () => {
  const details = (meetingId: string, fields: Record<string, unknown> = {}) =>
    parseInput(ZMeetingRecordDetailsSchema, {
      meetingId,
      otherAttendees: [
        { name: "Lee Orberson", role: "stadsdelsdirektör" },
        { name: "Clas Cederlid", role: "utredare" },
      ],
      justeringDate: "2099-01-01",
      justeringTime: "15.00",
      justeringPlace: "Stadsdelsförvaltningen, Svandammsvägen 18",
      ...fields,
    });

  it("records them on the meeting, audited, and prints them in the protokoll", async () => {
    const world = await decidedWithAttendance();
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: world.meetingId } });
    const justeringDate = new Date(meeting.startsAt.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
    await setMeetingRecordDetails({ actor: secretary, input: details(world.meetingId, { justeringDate }) });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "meeting.record_details", entityId: world.meetingId } });
    expect(event.data).toMatchObject({ otherAttendees: 2, justering: `${justeringDate} kl. 15.00`, justeringPlace: "Stadsdelsförvaltningen, Svandammsvägen 18" });

    const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: checker.id } });
    const minutes = await getMinutesForExport({ actor: secretary, minutesId });
    expect(minutes.otherAttendees).toEqual([
      { name: "Lee Orberson", role: "stadsdelsdirektör" },
      { name: "Clas Cederlid", role: "utredare" },
    ]);
    const text = pdfText(await renderPdf(minutesToDocument({ minutes, verificationUrl: (code) => `https://yttra.example/verifiera/${code}` })), { layout: false }).replace(/\s+/g, " ");
    expect(text).toContain("Övriga närvarande Lee Orberson, stadsdelsdirektör Clas Cederlid, utredare");
    expect(text).toMatch(new RegExp(`Tid och plats för justering: \\S+ ${justeringDate} kl\\. 15\\.00, Stadsdelsförvaltningen, Svandammsvägen 18`));
  });

  it("refuses a justering before the meeting, half a time, and another committee's secretary", async () => {
    const world = await decidedWithAttendance();
    await expectAppError(setMeetingRecordDetails({ actor: secretary, input: details(world.meetingId, { justeringDate: "2001-01-01" }) }), "VALIDATION", /före sammanträdet/);
    expect(() => details(world.meetingId, { justeringTime: "" })).toThrow();
    await expectAppError(setMeetingRecordDetails({ actor: otherSecretary, input: details(world.meetingId) }), "NOT_FOUND");
    await expectAppError(setMeetingRecordDetails({ actor: officer, input: details(world.meetingId) }), "FORBIDDEN");
    expect(await db.auditEvent.count({ where: { action: "meeting.record_details", entityId: world.meetingId } })).toBe(0);
  });
});
