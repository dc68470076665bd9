import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { addOtherAgendaItem } from "@/features/meetings/server/agenda-service";
import { addStatementOfOpinion, recordDecision, updateDecision } from "@/features/meetings/server/decision-service";
import { createTestDatabase } from "../support/database";
import { actorFor, calledMeetingWithCase, expectAppError, planMeeting, PROPOSAL, sendKallelse, setupMeetingsWorld } from "./meetings-fixtures";
import { ZAddOpinionSchema, ZAddOtherAgendaItemSchema, ZRecordDecisionSchema, ZUpdateDecisionSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();

let secretary: Actor;
let otherSecretary: Actor;
let officer: Actor;

beforeAll(async () => {
  await setupMeetingsWorld(db);
  secretary = await actorFor(db, "sekreterare");
  otherSecretary = await actorFor(db, "sos.sekreterare");
  officer = await actorFor(db, "clas.cederlid");
});

// Years of their own (the demo data and the other tests number §§ in recent years).
const pastYear = 2010;

/** A called meeting of the past with `count` information items, ready for decisions. */
const meetingWithItems = async (actor: Actor, date: string, count: number, committeeId = "has") => {
  const meetingId = await planMeeting(db, actor, { committeeId, date });
  const itemIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    itemIds.push((await addOtherAgendaItem({ actor, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId, kind: "INFORMATION", title: `Information ${index + 1}` }) })).id);
  }
  await sendKallelse(db, actor, meetingId);
  return { meetingId, itemIds };
};

describe("paragraph numbers", () => {
  it("hands out § 1..50 without gaps or duplicates to 50 concurrent decisions across two meetings of one committee", async () => {
    const first = await meetingWithItems(secretary, `${pastYear}-02-10`, 25);
    const second = await meetingWithItems(secretary, `${pastYear}-03-10`, 25);
    const jobs = [
      ...first.itemIds.map((agendaItemId) => ({ meetingId: first.meetingId, agendaItemId })),
      ...second.itemIds.map((agendaItemId) => ({ meetingId: second.meetingId, agendaItemId })),
    ];
    const results = await Promise.all(jobs.map((job) => recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { ...job, kind: "AS_PROPOSED" }) })));
    expect(results.map((result) => result.paragraph).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    const decisions = await db.decision.findMany({ where: { committeeId: "has", year: pastYear } });
    expect(new Set(decisions.map((decision) => decision.paragraph)).size).toBe(50);
    const counter = await db.paragraphCounter.findUniqueOrThrow({ where: { committeeId_year: { committeeId: "has", year: pastYear } } });
    expect(counter.lastValue).toBe(50);
  }, 60_000);

  it("gives a refused decision's number back (the next decision gets it)", async () => {
    const year = pastYear + 1;
    const { meetingId, itemIds } = await meetingWithItems(secretary, `${year}-02-10`, 2);
    await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: itemIds[0]!, kind: "AS_PROPOSED" }) });
    await expectAppError(() => recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: itemIds[0]!, kind: "AS_PROPOSED" }) }), "CONFLICT");
    const next = await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: itemIds[1]!, kind: "AS_PROPOSED" }) });
    expect(next.paragraph).toBe(2);
  });

  it("numbers each committee separately", async () => {
    const year = pastYear + 3;
    const has = await meetingWithItems(secretary, `${year}-02-10`, 1);
    const sos = await meetingWithItems(otherSecretary, `${year}-02-11`, 1, "sos");
    expect((await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: has.meetingId, agendaItemId: has.itemIds[0]!, kind: "AS_PROPOSED" }) })).paragraph).toBe(1);
    expect((await recordDecision({ actor: otherSecretary, input: parseInput(ZRecordDecisionSchema, { meetingId: sos.meetingId, agendaItemId: sos.itemIds[0]!, kind: "AS_PROPOSED" }) })).paragraph).toBe(1);
  });
});

describe("decisions", () => {
  it("records bifall with the förvaltning's decision points, yrkanden and votes, and writes the case's history", async () => {
    const { meetingId, itemId, caseId } = await calledMeetingWithCase(db, secretary);
    const member = await db.committeeMember.findFirstOrThrow({ where: { committeeId: "has", name: "Leila Haddad" } });
    const { id } = await recordDecision({
      actor: secretary,
      input: parseInput(ZRecordDecisionSchema, {
        meetingId,
        agendaItemId: itemId,
        kind: "AS_PROPOSED",
        motions: [
          { party: "S", member: "Maria Lindqvist", text: "Bifall till förvaltningens förslag." },
          { party: "V", member: "Leila Haddad", text: "Avslag." },
        ],
        votes: { mode: "ROLL_CALL", entries: [{ memberId: member.id, vote: "NO" }] },
      }),
    });
    const decision = await db.decision.findUniqueOrThrow({ where: { id } });
    expect(decision.decisionPoints).toEqual([PROPOSAL]);
    expect(decision.motions).toHaveLength(2);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("HELD");
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId, action: "decision.record" } });
    expect(event.data).toMatchObject({ kind: "AS_PROPOSED", label: "Bifall till förvaltningens förslag" });
  });

  it("requires decision points for an amended decision", async () => {
    const { meetingId, itemId } = await calledMeetingWithCase(db, secretary);
    await expectAppError(() => recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: itemId, kind: "AMENDED" }) }), "VALIDATION");
    const { id } = await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: itemId, kind: "AMENDED", decisionPoints: ["Nämnden godkänner tjänsteutlåtandet med tillägget att …"] }) });
    expect((await db.decision.findUniqueOrThrow({ where: { id } })).decisionPoints).toEqual(["Nämnden godkänner tjänsteutlåtandet med tillägget att …"]);
  });

  it("uses the standard wording for återremiss and bordläggning", async () => {
    const tabled = await calledMeetingWithCase(db, secretary);
    const { id } = await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: tabled.meetingId, agendaItemId: tabled.itemId, kind: "TABLED" }) });
    expect((await db.decision.findUniqueOrThrow({ where: { id } })).decisionPoints).toEqual(["Ärendet bordläggs."]);
  });

  it("refuses a decision on an item of another committee's meeting, with a clear message, and allocates no §", async () => {
    const has = await calledMeetingWithCase(db, secretary);
    const sos = await meetingWithItems(otherSecretary, `${pastYear + 4}-02-10`, 1, "sos");
    const countersBefore = await db.paragraphCounter.findMany({ orderBy: [{ committeeId: "asc" }, { year: "asc" }] });
    const error = await expectAppError(
      () => recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: has.meetingId, agendaItemId: sos.itemIds[0]!, kind: "AS_PROPOSED" }) }),
      "VALIDATION",
    );
    expect(error.userMessage).toMatch(/annan nämnds sammanträde/);
    // And through the other committee's meeting itself: the HÄS secretary cannot even see it.
    await expectAppError(() => recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: sos.meetingId, agendaItemId: sos.itemIds[0]!, kind: "AS_PROPOSED" }) }), "NOT_FOUND");
    expect(await db.decision.count({ where: { agendaItemId: sos.itemIds[0]! } })).toBe(0);
    expect(await db.paragraphCounter.findMany({ orderBy: [{ committeeId: "asc" }, { year: "asc" }] })).toEqual(countersBefore);
  });

  it("refuses decisions by a handläggare and by another committee's secretary", async () => {
    const { meetingId, itemId } = await calledMeetingWithCase(db, secretary);
    await expectAppError(() => recordDecision({ actor: officer, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: itemId, kind: "AS_PROPOSED" }) }), "FORBIDDEN");
    await expectAppError(() => recordDecision({ actor: otherSecretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: itemId, kind: "AS_PROPOSED" }) }), "NOT_FOUND");
    expect(await db.decision.count({ where: { agendaItemId: itemId } })).toBe(0);
  });

  it("refuses a decision before the kallelse is sent", async () => {
    const meetingId = await planMeeting(db, secretary, { date: `${pastYear}-05-05` });
    const item = await addOtherAgendaItem({ actor: secretary, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId, kind: "INFORMATION", title: "Info" }) });
    await expectAppError(() => recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: item.id, kind: "AS_PROPOSED" }) }), "INVALID_STATE", /Kallelsen/);
  });

  it("adds reservationer and särskilda uttalanden, and locks an immediately approved paragraph", async () => {
    const { meetingId, itemId, caseId } = await calledMeetingWithCase(db, secretary);
    const { id } = await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: itemId, kind: "AS_PROPOSED", immediateApproval: true }) });
    await addStatementOfOpinion({ actor: secretary, input: parseInput(ZAddOpinionSchema, { decisionId: id, kind: "RESERVATION", party: "V", members: "Leila Haddad (V)", text: "Vi reserverar oss mot beslutet." }) });
    await addStatementOfOpinion({ actor: secretary, input: parseInput(ZAddOpinionSchema, { decisionId: id, kind: "SPECIAL_STATEMENT", party: "SD", members: "Bo Ek (SD)", text: "Särskilt uttalande." }) });
    expect(await db.statementOfOpinion.count({ where: { decisionId: id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { caseId, action: "decision.reservation" } })).toBe(1);
    await expectAppError(() => updateDecision({ actor: secretary, input: parseInput(ZUpdateDecisionSchema, { decisionId: id, kind: "REJECTED" }) }), "INVALID_STATE", /omedelbart justerad/);
    await expectAppError(() => addStatementOfOpinion({ actor: officer, input: parseInput(ZAddOpinionSchema, { decisionId: id, kind: "RESERVATION", members: "X", text: "Y" }) }), "FORBIDDEN");
  });
});
