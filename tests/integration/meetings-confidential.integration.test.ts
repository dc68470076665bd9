// A confidential case (OSL) on a committee's agenda and in its justerade minutes. Everyone
// who reads the committee's meetings may open the meeting, but only those who may read the
// case — its handläggare, the nämndsekreterare, registrator, chefer — and the committee's
// ordförande and justerare see the item in full, on the pages and in the three exports
// alike. A handläggare of another department of the same förvaltning sees the dnr, the
// title "Sekretessmarkerat ärende" and one line "Sekretess enligt …", and gets no extract.
// The minutes' snapshot and the hash of the justering stay the full content.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { addCaseToAgenda, addOtherAgendaItem } from "@/features/meetings/server/agenda-service";
import { addStatementOfOpinion, recordDecision } from "@/features/meetings/server/decision-service";
import { setAttendance } from "@/features/meetings/server/meeting-service";
import { COMMENT_WITHHELD, getExtractView, getMeetingDetail, getMinutesView } from "@/features/meetings/server/meeting-page-queries";
import { hashMinutesContent, ZMinutesContentSchema } from "@/features/meetings/server/minutes-content";
import { approveMinutes, saveMinutes, sendMinutesForApproval } from "@/features/meetings/server/minutes-service";
import { getAttestationState } from "@/features/attestation/server/attestation-state";
import { getMinutesRecordFile, storePendingRecords } from "@/features/exports/server/records";
import { createTestDatabase } from "../support/database";
import { pdfText } from "../fixtures/exports/inspect";
import { downloader, flatText, type MeetingExportKind } from "../fixtures/exports/meeting-downloads";
import { actorFor, createCase, expectAppError, planMeeting, PROPOSAL, sendKallelse, setupMeetingsWorld } from "./meetings-fixtures";
import { CURRENT_HASH_SCHEME } from "@/lib/canonical-json";
import { ZAddCaseToAgendaSchema, ZAddOpinionSchema, ZAddOtherAgendaItemSchema, ZAttendanceSchema, ZRecordDecisionSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth", () => ({ getActor: async () => session.actor }));

const { db } = await createTestDatabase();

const SECRECY = "26 kap. 1 § OSL";
const NOTICE = `Sekretess enligt ${SECRECY}.`;
const TITLE = "Placering av barn i familjehem, Västberga";
const DECISION = "Nämnden godkänner placeringen av barnet i familjehemmet i Västberga.";
const MOTION = "Bifall till placeringen i Västberga.";
const OPINION = "Vi anser att placeringen i Västberga borde ha föregåtts av en utredning.";

let secretary: Actor;
let officer: Actor;
let chair: Actor;
let checker: Actor;
/** A handläggare of another department (IFO) of the same förvaltning: reads the meetings, not the case. */
let outsider: Actor;
let world: { meetingId: string; minutesId: string; decisionId: string; otherDecisionId: string; caseNumber: string; contentHash: string };

beforeAll(async () => {
  await setupMeetingsWorld(db);
  await db.user.create({ data: { username: "ifo.handlaggare", name: "Ida Ifo", memberships: { create: { role: "CASE_OFFICER", departmentId: "has-ifo" } } } });
  secretary = await actorFor(db, "sekreterare");
  officer = await actorFor(db, "clas.cederlid");
  chair = await actorFor(db, "ordforande");
  checker = await actorFor(db, "justerare");
  outsider = await actorFor(db, "ifo.handlaggare");

  const meetingId = await planMeeting(db, secretary);
  const theCase = await createCase(db, { title: TITLE });
  // Marked confidential once its statement is attested (as a registrator may do at any time).
  await db.case.update({ where: { id: theCase.id }, data: { secrecyReference: SECRECY } });
  const { id: itemId } = await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: theCase.id }) });
  const { id: otherItemId } = await addOtherAgendaItem({ actor: secretary, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId, kind: "INFORMATION", title: "Stadsdelsdirektörens information", proposal: ["Informationen noteras."] }) });
  await sendKallelse(db, secretary, meetingId);
  const { id: decisionId } = await recordDecision({
    actor: secretary,
    input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: itemId, kind: "AMENDED", decisionPoints: [DECISION], motions: [{ party: "S", member: "Maria Lindqvist", text: MOTION }] }),
  });
  await addStatementOfOpinion({ actor: secretary, input: parseInput(ZAddOpinionSchema, { decisionId, kind: "SPECIAL_STATEMENT", party: "M", members: "Erik Sandberg", text: OPINION }) });
  const { id: otherDecisionId } = await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: otherItemId, kind: "AS_PROPOSED" }) });
  const members = await db.committeeMember.findMany({ where: { committeeId: "has" } });
  await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId, entries: members.map((member) => ({ memberId: member.id, present: true, serving: false })) }) });
  const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId, chairId: chair.id, checkerId: checker.id } });
  const { contentHash } = await sendMinutesForApproval({ actor: secretary, input: { minutesId, version: (await db.minutes.findUniqueOrThrow({ where: { id: minutesId } })).version } });
  await approveMinutes({ actor: chair, input: { minutesId, contentHash } });
  await approveMinutes({ actor: checker, input: { minutesId, contentHash } });
  world = { meetingId, minutesId, decisionId, otherDecisionId, caseNumber: theCase.caseNumber, contentHash };
});

afterEach(() => {
  session.actor = null;
});

const download = downloader(session);

/** The text of a downloaded PDF, every run of whitespace one space (phrases match across line wraps). */
const pdfOf = async (kind: MeetingExportKind, id: string, actor: Actor): Promise<string> => {
  const { response, bytes } = await download(kind, id, actor);
  expect(response.status, bytes.toString("utf8").slice(0, 200)).toBe(200);
  return flatText(pdfText(bytes));
};

const expectMasked = (text: string) => {
  expect(text).toContain("Sekretessmarkerat ärende");
  expect(text).toContain(`Dnr ${world.caseNumber}`);
  expect(text).toContain(NOTICE);
  for (const secret of [TITLE, DECISION, MOTION, OPINION, "Clas Cederlid", "08-508", PROPOSAL.slice(0, 60)]) expect(text).not.toContain(secret);
};

describe("the föredragningslista and the protokoll of a meeting with a confidential case", () => {
  it("show a handläggare of another department the dnr and the secrecy line, not the title, handläggare, förslag or beslut", async () => {
    const agenda = await pdfOf("agenda", world.meetingId, outsider);
    expectMasked(agenda);
    // The other items are untouched.
    expect(agenda).toContain("Stadsdelsdirektörens information");

    const minutes = await pdfOf("minutes", world.minutesId, outsider);
    expectMasked(minutes);
    expect(minutes).toContain("Informationen noteras.");
    // Still the justerade protokoll: the justering verifies against the full content.
    expect(minutes).toContain("Protokollet har justerats digitalt av följande personer:");
  });

  it("refuse that reader the extract of the confidential § (404, no document), not of the others", async () => {
    const { response, bytes } = await download("extract", world.decisionId, outsider);
    expect(response.status).toBe(404);
    expect(bytes.subarray(0, 4).toString("latin1")).not.toBe("%PDF");
    expect(await pdfOf("extract", world.otherDecisionId, outsider)).toContain("Informationen noteras.");
  });

  it("show the case's own handläggare, the secretary, the ordförande and the justerare everything", async () => {
    for (const actor of [officer, secretary, chair, checker]) {
      const agenda = await pdfOf("agenda", world.meetingId, actor);
      expect(agenda, actor.username).toContain(TITLE);
      expect(agenda).toContain("Handläggare: Clas Cederlid");
      expect(agenda).toContain(PROPOSAL.slice(0, 60));
      expect(agenda).not.toContain("Sekretess enligt");

      const minutes = await pdfOf("minutes", world.minutesId, actor);
      for (const text of [TITLE, DECISION, MOTION, OPINION]) expect(minutes, actor.username).toContain(text);
      expect(minutes).not.toContain("Sekretessmarkerat ärende");

      const extract = await pdfOf("extract", world.decisionId, actor);
      expect(extract, actor.username).toContain(DECISION);
    }
  });
});

describe("the meeting pages", () => {
  it("mask the item on the meeting page for a reader without access, and only for them", async () => {
    const masked = (await getMeetingDetail({ actor: outsider, meetingId: world.meetingId })).items.find((item) => item.kind === "CASE")!;
    expect(masked).toMatchObject({ title: "Sekretessmarkerat ärende", secrecyReference: SECRECY, proposal: [NOTICE], unionConsultations: [] });
    expect(masked.case).toMatchObject({ caseNumber: world.caseNumber, caseOfficer: null });
    expect(masked.decision).toMatchObject({ decisionPoints: [NOTICE], motions: [], opinions: [], votes: null });
    expect(JSON.stringify(masked)).not.toMatch(/Västberga|Clas Cederlid/);

    for (const actor of [officer, chair]) {
      const full = (await getMeetingDetail({ actor, meetingId: world.meetingId })).items.find((item) => item.kind === "CASE")!;
      expect(full).toMatchObject({ title: TITLE, secrecyReference: null, proposal: [PROPOSAL] });
      expect(full.decision?.decisionPoints).toEqual([DECISION]);
    }
  });

  it("mask the § on the minutes page but keep the hash of the full content, and refuse its extract page", async () => {
    const view = await getMinutesView({ actor: outsider, meetingId: world.meetingId });
    const paragraph = view.content!.paragraphs.find((candidate) => candidate.decisionId === world.decisionId)!;
    expect(paragraph).toMatchObject({ title: "Sekretessmarkerat ärende", caseNumber: world.caseNumber, decisionPoints: [NOTICE], motions: [], opinions: [], votes: null });
    expect(view.maskedDecisionIds).toEqual([world.decisionId]);
    expect(view.contentHash).toBe(world.contentHash);
    await expectAppError(getExtractView({ actor: outsider, decisionId: world.decisionId }), "NOT_FOUND");

    const full = await getMinutesView({ actor: checker, meetingId: world.meetingId });
    expect(full.maskedDecisionIds).toEqual([]);
    expect(hashMinutesContent(full.content!, CURRENT_HASH_SCHEME)).toBe(world.contentHash);
    expect((await getExtractView({ actor: officer, decisionId: world.decisionId })).extract.paragraph.title).toBe(TITLE);
  });

  it("keep the justerat protokoll whole as the meeting's file, given only to readers who see every § in full", async () => {
    await storePendingRecords();
    const kept = flatText(pdfText(Buffer.from((await getMinutesRecordFile({ actor: checker, minutesId: world.minutesId })).bytes)));
    expect(kept).toContain(TITLE);
    expect(kept).toContain(DECISION);
    // The outsider reads the protokoll masked through the export, never the kept original.
    await expectAppError(getMinutesRecordFile({ actor: outsider, minutesId: world.minutesId }), "NOT_FOUND");
    expect((await getMinutesView({ actor: outsider, meetingId: world.meetingId })).minutes?.recordStored).toBe(true);
  });

  it("show a justerare's comment, which may cite the secret §, only to readers who see every § in full", async () => {
    const comment = `§ 1 ska ange ${TITLE}`;
    // A comment as returnMinutes stores it on the justerare's step (set here on the finished round, then removed).
    const where = { request: { subjectId: world.minutesId }, assigneeId: checker.id };
    await db.attestationStep.updateMany({ where, data: { comment } });
    try {
      const masked = await getMinutesView({ actor: outsider, meetingId: world.meetingId });
      expect(JSON.stringify(masked)).not.toContain(TITLE);
      expect(masked.request!.steps.map((step) => step.comment)).toContain(COMMENT_WITHHELD);
      const full = await getMinutesView({ actor: secretary, meetingId: world.meetingId });
      expect(full.request!.steps.map((step) => step.comment)).toContain(comment);
    } finally {
      await db.attestationStep.updateMany({ where, data: { comment: null } });
    }
  });

  it("leave the stored snapshot and the justering untouched", async () => {
    const minutes = await db.minutes.findUniqueOrThrow({ where: { id: world.minutesId } });
    const stored = ZMinutesContentSchema.parse(minutes.content);
    expect(stored.paragraphs.find((paragraph) => paragraph.decisionId === world.decisionId)).toMatchObject({ title: TITLE, decisionPoints: [DECISION] });
    expect(hashMinutesContent(stored, CURRENT_HASH_SCHEME)).toBe(world.contentHash);
    expect((await getAttestationState({ subjectType: "MINUTES", subjectId: world.minutesId })).attested).toBe(true);
  });
});
