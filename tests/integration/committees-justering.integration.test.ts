// A committee created from scratch through the services (no demo data) reaches justerade
// minutes: members with terms, one linked to the ordförande's user and one to the
// justerare's; and only members in office on the meeting's day are offered and accepted for
// attendance, votes, kallelse and the choice of ordförande and justerare. Created in the
// administration, the committee has the standard opening items: its meetings start with them.
import { beforeAll, describe, expect, it } from "vitest";
import { getMeetingDetail, getMinutesView } from "@/features/meetings/server/meeting-page-queries";
import { addOtherAgendaItem } from "@/features/meetings/server/agenda-service";
import { recordDecision } from "@/features/meetings/server/decision-service";
import { setAttendance } from "@/features/meetings/server/meeting-service";
import { approveMinutes, saveMinutes, sendMinutesForApproval } from "@/features/meetings/server/minutes-service";
import { ZAddOtherAgendaItemSchema, ZAttendanceSchema, ZRecordDecisionSchema } from "@/features/meetings/schemas";
import type { Actor } from "@/server/auth/actor";
import { parseInput } from "@/server/validation";
import { createTestDatabase } from "../support/database";
import { actorFor, daysAhead, expectAppError, planMeeting, sendKallelse } from "./meetings-fixtures";
import { addMember, createCommitteeAs, createMunicipalityWithAdmin, createUserWithRole } from "./committee-fixtures";

const { db } = await createTestDatabase();

let secretary: Actor;
let chair: Actor;
let checker: Actor;
let formerChair: Actor;
const members: Record<"chair" | "checker" | "member" | "former" | "future" | "formerChair", string> = { chair: "", checker: "", member: "", former: "", future: "", formerChair: "" };
let committeeId = "";
let meetingId = "";
let itemId = "";

beforeAll(async () => {
  const admin = await createMunicipalityWithAdmin(db, "frisk", "Friskby kommun");
  const kf = await createCommitteeAs(admin, { name: "Kommunfullmäktige", shortName: "KF", kind: "KOMMUNFULLMAKTIGE", preparedBy: "OWN_KANSLI" });
  committeeId = kf.id;
  const unit = `COMMITTEE:${kf.id}`;
  await createUserWithRole(admin, "frisk.sekreterare", "Siri Sekreterare", "COMMITTEE_SECRETARY", unit);
  const chairUser = await createUserWithRole(admin, "frisk.ordforande", "Orvar Ordförande", "CHAIR", unit);
  const checkerUser = await createUserWithRole(admin, "frisk.justerare", "Jenny Justerare", "MINUTES_CHECKER", unit);
  const formerChairUser = await createUserWithRole(admin, "frisk.fd.ordforande", "Frida Förra", "CHAIR", unit);
  members.chair = (await addMember(admin, { committeeId, name: "Orvar Ordförande", party: "S", role: "CHAIR", termStart: "2023-01-01", email: "orvar@frisk.example", username: chairUser.username })).id;
  members.checker = (await addMember(admin, { committeeId, name: "Jenny Justerare", party: "M", role: "MEMBER", termStart: "2023-01-01", username: checkerUser.username })).id;
  members.member = (await addMember(admin, { committeeId, name: "Lars Ledamot", party: "V", role: "MEMBER", termStart: "2023-01-01", email: "lars@frisk.example" })).id;
  members.former = (await addMember(admin, { committeeId, name: "Greta Gången", party: "L", role: "MEMBER", termStart: "2023-01-01", termEnd: "2024-12-31", email: "greta@frisk.example" })).id;
  members.future = (await addMember(admin, { committeeId, name: "Nils Nästa", party: "C", role: "MEMBER", termStart: daysAhead(30), email: "nils@frisk.example" })).id;
  members.formerChair = (await addMember(admin, { committeeId, name: "Frida Förra", party: "S", role: "CHAIR", termStart: "2019-01-01", termEnd: "2022-12-31", username: formerChairUser.username })).id;
  secretary = await actorFor(db, "frisk.sekreterare");
  chair = await actorFor(db, "frisk.ordforande");
  checker = await actorFor(db, "frisk.justerare");
  formerChair = await actorFor(db, "frisk.fd.ordforande");

  meetingId = await planMeeting(db, secretary, { committeeId, date: daysAhead(-2), place: "Stadshuset, Fullmäktigesalen" });
  itemId = (
    await addOtherAgendaItem({
      actor: secretary,
      input: parseInput(ZAddOtherAgendaItemSchema, { meetingId, kind: "INFORMATION", title: "Information om budgetuppföljningen", proposal: ["lägga informationen till handlingarna"] }),
    })
  ).id;
  await sendKallelse(db, secretary, meetingId);
});

const entry = (memberId: string) => ({ memberId, present: true, serving: false });

describe("members in office on the meeting's day", () => {
  it("sends the kallelse to the members in office only", async () => {
    const addresses = (await db.mailMessage.findMany({ select: { toAddress: true } })).map((mail) => mail.toAddress);
    expect(addresses).toEqual(expect.arrayContaining(["orvar@frisk.example", "lars@frisk.example"]));
    expect(addresses).not.toContain("greta@frisk.example");
    expect(addresses).not.toContain("nils@frisk.example");
  });

  it("offers only them for attendance", async () => {
    const detail = await getMeetingDetail({ actor: secretary, meetingId });
    expect(detail.members.map((member) => member.name).sort()).toEqual(["Jenny Justerare", "Lars Ledamot", "Orvar Ordförande"]);
  });

  it("refuses attendance of a member whose term ended before the meeting or starts after it, and saves nothing", async () => {
    for (const outside of [members.former, members.future]) {
      const error = await expectAppError(
        () => setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId, entries: [entry(members.chair), entry(outside)] }) }),
        "VALIDATION",
      );
      expect(error.userMessage).toMatch(/^(Greta Gången|Nils Nästa) är inte ledamot eller ersättare i nämnden den \d{4}-\d{2}-\d{2} \(mandatperioden /);
    }
    expect(await db.meetingAttendance.count({ where: { meetingId } })).toBe(0);
  });

  it("refuses a roll call that names a member out of office", async () => {
    await expectAppError(
      () =>
        recordDecision({
          actor: secretary,
          input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: itemId, kind: "AS_PROPOSED", votes: { mode: "ROLL_CALL", entries: [{ memberId: members.chair, vote: "YES" }, { memberId: members.former, vote: "NO" }] } }),
        }),
      "VALIDATION",
      /Omröstningen innehåller någon som inte är ledamot i nämnden den/,
    );
    expect(await db.decision.count({ where: { agendaItemId: itemId } })).toBe(0);
  });

  it("offers as ordförande and justerare only users linked to members in office, and refuses the others", async () => {
    const view = await getMinutesView({ actor: secretary, meetingId });
    expect(view.chairs.map((user) => user.name)).toEqual(["Orvar Ordförande"]);
    expect(view.checkers.map((user) => user.name)).toEqual(["Jenny Justerare"]);
    await expectAppError(() => saveMinutes({ actor: secretary, input: { meetingId, chairId: formerChair.id, checkerId: checker.id } }), "VALIDATION", /inte ledamot i nämnden den/);
    expect(await db.minutes.count({ where: { meetingId } })).toBe(0);
  });
});

describe("a committee created from scratch", () => {
  it("starts its meetings with the standard opening items, then the items the secretary added", async () => {
    const items = await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" }, select: { position: true, kind: true, openingItem: true, title: true } });
    expect(items).toEqual([
      { position: 1, kind: "OPENING", openingItem: "ROLL_CALL", title: "Upprop" },
      { position: 2, kind: "OPENING", openingItem: "CHECKER_ELECTION", title: "Val av justerare och tid för justering" },
      { position: 3, kind: "OPENING", openingItem: "AGENDA_APPROVAL", title: "Godkännande av dagordningen" },
      { position: 4, kind: "INFORMATION", openingItem: null, title: "Information om budgetuppföljningen" },
    ]);
  });

  it("records attendance, the opening §§ with their written decisions, a roll-call decision and minutes, and both justerare justera them", async () => {
    await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId, entries: [entry(members.chair), entry(members.checker), entry(members.member)] }) });
    const opening = await db.agendaItem.findMany({ where: { meetingId, kind: "OPENING" }, orderBy: { position: "asc" } });
    const decideOpening = (agendaItemId: string) => recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId, kind: "AS_PROPOSED" }) });
    // Val av justerare needs the justerare named for the minutes; refused, nothing recorded, until then.
    await expectAppError(() => decideOpening(opening[1]!.id), "VALIDATION", /Justeraren är inte utsedd/);
    expect(await db.decision.count({ where: { agendaItem: { meetingId } } })).toBe(0);
    const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId, chairId: chair.id, checkerId: checker.id } });
    for (const item of opening) await decideOpening(item.id);
    const decided = await db.decision.findMany({ where: { agendaItem: { meetingId } }, orderBy: { paragraph: "asc" }, select: { paragraph: true, decisionPoints: true } });
    expect(decided).toEqual([
      { paragraph: 1, decisionPoints: ["Upprop förrättades. Närvarande ledamöter och ersättare framgår av närvarolistan."] },
      { paragraph: 2, decisionPoints: ["att utse Jenny Justerare (M) att jämte ordföranden justera protokollet"] },
      { paragraph: 3, decisionPoints: ["att godkänna dagordningen"] },
    ]);
    // Every item needs its decision before the minutes go for justering.
    const { version: draftVersion } = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
    await expectAppError(() => sendMinutesForApproval({ actor: secretary, input: { minutesId, version: draftVersion } }), "INVALID_STATE", /Beslut saknas för punkt 4 /);
    await recordDecision({
      actor: secretary,
      input: parseInput(ZRecordDecisionSchema, {
        meetingId,
        agendaItemId: itemId,
        kind: "AS_PROPOSED",
        votes: { mode: "ROLL_CALL", entries: [{ memberId: members.chair, vote: "YES" }, { memberId: members.checker, vote: "YES" }, { memberId: members.member, vote: "NO" }] },
      }),
    });
    const { version } = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
    const { contentHash } = await sendMinutesForApproval({ actor: secretary, input: { minutesId, version } });
    expect(await approveMinutes({ actor: chair, input: { minutesId, contentHash } })).toEqual({ completed: false });
    expect((await approveMinutes({ actor: checker, input: { minutesId, contentHash } })).completed).toBe(true);
    expect(await db.minutes.findUniqueOrThrow({ where: { id: minutesId }, select: { status: true } })).toEqual({ status: "APPROVED" });
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { status: true } })).toEqual({ status: "APPROVED" });
  });
});
