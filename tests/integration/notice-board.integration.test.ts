// The municipality's digital anslagstavla (/<kommun>/anslagstavla and its archive), read
// without login: a justerat protokoll is posted on the day of the justering, with the last
// day to appeal three weeks later and the förvaringsplats; it leaves the board the day after
// that last day and stays in the archive. A kungörelse of a public meeting (kommunfullmäktige,
// or a committee that has decided so) is posted from the published kallelse through the
// meeting day. Confidential case titles are masked as in the public diarium, and each
// municipality's board shows only its own. The clock is injected.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { loadNoticeBoardPage } from "@/app/[kommun]/anslagstavla/anslagstavla-page";
import { ZUpdateCommitteeSchema } from "@/features/admin/schemas";
import { updateCommittee } from "@/features/admin/server/organisation-service";
import { stockholmDateTimeToInstant } from "@/features/meetings/dates";
import { addCaseToAgenda } from "@/features/meetings/server/agenda-service";
import { recordDecision } from "@/features/meetings/server/decision-service";
import { setAttendance } from "@/features/meetings/server/meeting-service";
import { approveMinutes, saveMinutes, sendMinutesForApproval } from "@/features/meetings/server/minutes-service";
import { ZAddCaseToAgendaSchema, ZAttendanceSchema, ZRecordDecisionSchema } from "@/features/meetings/schemas";
import { loadNoticeBoard, loadNoticeBoardArchive, type NoticeBoard } from "@/features/meetings/server/notice-board";
import { todayInStockholm } from "@/lib/dates";
import { statutoryLastDay } from "@/lib/swedish-holidays";
import { env } from "@/server/env";
import { parseInput } from "@/server/validation";
import { createTestDatabase } from "../support/database";
import { pdfText } from "../fixtures/exports/inspect";
import { flatText } from "../fixtures/exports/meeting-downloads";
import { actorFor, createCase, createFutureMeeting, daysAhead, planMeeting, sendKallelse, setupMeetingsWorldWithActors } from "./meetings-fixtures";
import { addCanaryContent, buildSecondTenant, type CanaryContent } from "./tenant-fixtures";

const { db } = await createTestDatabase();

const SECRECY = "26 kap. 1 § OSL";
const CANARY = "KANARIEANSLAG5W2";
const TESTBY_CANARY = "KANARIETESTBY8R1";

/** "YYYY-MM-DD" plus whole days, by the calendar (UTC dates have no daylight saving). */
const plusDays = (iso: string, days: number): string => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
/** A moment on a Stockholm calendar day. */
const at = (iso: string, time: string): Date => stockholmDateTimeToInstant(iso, time);
/** The last day to appeal minutes posted on `postedOn`: three weeks later, on a working day. */
const lastDayToAppeal = (postedOn: string): string => statutoryLastDay(plusDays(postedOn, 21));

let admin: Actor;
let world: {
  posted: { minutesId: string; caseNumber: string; postedOn: string };
  secretCase: { caseNumber: string };
  future: { meetingId: string; date: string };
  testby: { municipalityId: string; committeeId: string; canary: CanaryContent };
};

const minutesEntry = (board: NoticeBoard, minutesId: string) => board.minutes.find((entry) => entry.minutesId === minutesId);
const noticeEntry = (board: NoticeBoard, meetingId: string) => board.notices.find((entry) => entry.meetingId === meetingId);

const setCommittee = async (id: string, changes: { publicMeetings?: boolean; minutesKeptAt?: string; kind?: string }) => {
  const committee = await db.committee.findUniqueOrThrow({ where: { id } });
  await updateCommittee({
    actor: admin,
    input: parseInput(ZUpdateCommitteeSchema, {
      id,
      updatedAt: committee.updatedAt.toISOString(),
      name: committee.name,
      shortName: committee.shortName,
      kind: changes.kind ?? committee.kind,
      publicMeetings: changes.publicMeetings ?? committee.publicMeetings,
      minutesKeptAt: changes.minutesKeptAt ?? committee.minutesKeptAt ?? undefined,
    }),
  });
};

beforeAll(async () => {
  const { secretary, chair, checker } = await setupMeetingsWorldWithActors(db);
  admin = await actorFor(db, "admin");

  // Justerad today: the § of a confidential case (marked after its statement was attested).
  const postedCase = await createCase(db, { title: `Yttrande om stödboende ${CANARY}` });
  await db.case.update({ where: { id: postedCase.id }, data: { secrecyReference: SECRECY } });
  const heldMeetingId = await planMeeting(db, secretary);
  const { id: heldItemId } = await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId: heldMeetingId, caseId: postedCase.id }) });
  await sendKallelse(db, secretary, heldMeetingId);
  await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: heldMeetingId, agendaItemId: heldItemId, kind: "AS_PROPOSED" }) });
  const members = await db.committeeMember.findMany({ where: { committeeId: "has" } });
  await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId: heldMeetingId, entries: members.map((member) => ({ memberId: member.id, present: true, serving: false })) }) });
  const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId: heldMeetingId, chairId: chair.id, checkerId: checker.id } });
  const { version } = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
  const { contentHash } = await sendMinutesForApproval({ actor: secretary, input: { minutesId, version } });
  await approveMinutes({ actor: chair, input: { minutesId, contentHash } });
  await approveMinutes({ actor: checker, input: { minutesId, contentHash } });

  // A coming meeting, called, with a public case and a confidential one on its agenda.
  const futureDate = daysAhead(10);
  const futureMeetingId = await planMeeting(db, secretary, { date: futureDate });
  const publicCase = await createCase(db);
  const secretCase = await createCase(db, { title: `Placering i familjehem ${CANARY}` });
  await db.case.update({ where: { id: secretCase.id }, data: { secrecyReference: SECRECY } });
  for (const caseId of [publicCase.id, secretCase.id]) await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId: futureMeetingId, caseId }) });
  await sendKallelse(db, secretary, futureMeetingId);

  const testby = await buildSecondTenant(db);
  const canary = await addCanaryContent(db, testby, TESTBY_CANARY);
  await db.committee.update({ where: { id: testby.committeeId }, data: { publicMeetings: true } });

  world = {
    posted: { minutesId, caseNumber: postedCase.caseNumber, postedOn: todayInStockholm() },
    secretCase: { caseNumber: secretCase.caseNumber },
    future: { meetingId: futureMeetingId, date: futureDate },
    testby: { municipalityId: testby.municipalityId, committeeId: testby.committeeId, canary },
  };
});

describe("justerade protokoll on the anslagstavla", () => {
  it("are posted on the day of the justering with the last day to appeal three weeks later and the förvaringsplats", async () => {
    const { municipality, board } = await loadNoticeBoardPage("stockholm");
    expect(municipality.slug).toBe("stockholm");
    const entry = minutesEntry(board, world.posted.minutesId);
    expect(entry).toMatchObject({
      committee: "Hägersten-Älvsjö stadsdelsnämnd",
      meetingDate: daysAhead(-2),
      postedDate: world.posted.postedOn,
      appealEndsOn: lastDayToAppeal(world.posted.postedOn),
      // Default: the förvaltning that prepares the committee's cases keeps its protokoll.
      keptAt: "Hägersten-Älvsjö stadsdelsförvaltning",
    });
    // The secretary sees the same anslag on the minutes.
    const minutes = await db.minutes.findUniqueOrThrow({ where: { id: world.posted.minutesId } });
    expect(minutes.postedDate?.toISOString().slice(0, 10)).toBe(entry?.postedDate);
  });

  it("state the förvaringsplats the municipality's administrator set for the committee", async () => {
    await setCommittee("has", { minutesKeptAt: "Stadsdelsförvaltningens registratur, Svandammsvägen 18" });
    const { board } = await loadNoticeBoardPage("stockholm");
    expect(minutesEntry(board, world.posted.minutesId)?.keptAt).toBe("Stadsdelsförvaltningens registratur, Svandammsvägen 18");
    const audit = await db.auditEvent.findFirst({ where: { action: "committee.update", entityId: "has" }, orderBy: { id: "desc" } });
    expect(JSON.stringify(audit?.data)).toContain("Stadsdelsförvaltningens registratur");
  });

  it("stay on the board through the last day to appeal and then only in the archive", async () => {
    const lastDay = lastDayToAppeal(world.posted.postedOn);
    const onLastEvening = await loadNoticeBoard("stockholm", "Stockholms stad", at(lastDay, "23:59"));
    expect(minutesEntry(onLastEvening, world.posted.minutesId)).toBeDefined();
    const postedYear = Number(world.posted.postedOn.slice(0, 4));
    expect(minutesEntry(await loadNoticeBoardArchive("stockholm", "Stockholms stad", at(lastDay, "23:59"), postedYear), world.posted.minutesId)).toBeUndefined();

    const nextMorning = at(plusDays(lastDay, 1), "00:01");
    expect(minutesEntry(await loadNoticeBoard("stockholm", "Stockholms stad", nextMorning), world.posted.minutesId)).toBeUndefined();
    const archived = minutesEntry(await loadNoticeBoardArchive("stockholm", "Stockholms stad", nextMorning, postedYear), world.posted.minutesId);
    expect(archived).toMatchObject({ postedDate: world.posted.postedOn, appealEndsOn: lastDay, lines: [] });
  });

  it("are archived one calendar year at a time, with the archive's years from the first anslag through this year", async () => {
    const postedYear = Number(world.posted.postedOn.slice(0, 4));
    const later = at(`${postedYear + 2}-03-01`, "12:00");
    const inTheirYear = await loadNoticeBoardArchive("stockholm", "Stockholms stad", later, postedYear);
    expect(inTheirYear.year).toBe(postedYear);
    expect(minutesEntry(inTheirYear, world.posted.minutesId)).toBeDefined();
    expect(inTheirYear.minutes.every((entry) => entry.postedDate.startsWith(`${postedYear}-`))).toBe(true);
    // The year after: not there. Without a year, or with one outside the archive: this year's.
    expect(minutesEntry(await loadNoticeBoardArchive("stockholm", "Stockholms stad", later, postedYear + 1), world.posted.minutesId)).toBeUndefined();
    for (const year of [undefined, postedYear + 5, 1900]) {
      const shown = await loadNoticeBoardArchive("stockholm", "Stockholms stad", later, year);
      expect(shown.year).toBe(postedYear + 2);
      expect(minutesEntry(shown, world.posted.minutesId)).toBeUndefined();
    }
    expect(inTheirYear.years.slice(0, 3)).toEqual([postedYear + 2, postedYear + 1, postedYear]);
    expect(inTheirYear.years.at(-1)).toBeLessThanOrEqual(postedYear);
  });

  it("list the §§ with the confidential case's title masked as in the public diarium, and link the public copy", async () => {
    const { board } = await loadNoticeBoardPage("stockholm");
    const entry = minutesEntry(board, world.posted.minutesId);
    expect(entry?.lines).toEqual([{ paragraph: expect.stringMatching(/^§ \d+$/), caseNumber: world.posted.caseNumber, title: "Sekretessmarkerat ärende" }]);
    expect(JSON.stringify(board)).not.toContain(CANARY);

    // The public copy, its verification link and QR code at the app's configured public address.
    const configured = env.APP_BASE_URL;
    env.APP_BASE_URL = "https://diarium.kommun.example";
    try {
      const { GET } = await import("@/app/api/offentligt/protokoll/[minutesId]/route");
      const response = await GET(new Request(`http://localhost/api/offentligt/protokoll/${world.posted.minutesId}?format=pdf`), { params: Promise.resolve({ minutesId: world.posted.minutesId }) });
      expect(response.status).toBe(200);
      const text = flatText(pdfText(Buffer.from(await response.arrayBuffer())));
      expect(text).toContain(`Dnr ${world.posted.caseNumber}`);
      expect(text).not.toContain(CANARY);
      // The link may wrap in its column (where depends on the random code): compared without whitespace.
      expect(text.replace(/\s+/g, "")).toMatch(/https:\/\/diarium\.kommun\.example\/verifiera\/[A-Z0-9-]+/);
    } finally {
      env.APP_BASE_URL = configured;
    }
  });
});

describe("kungörelser on the anslagstavla", () => {
  it("are posted only for committees whose meetings are public, and kommunfullmäktige's always are", async () => {
    await setCommittee("has", { publicMeetings: false });
    expect(noticeEntry((await loadNoticeBoardPage("stockholm")).board, world.future.meetingId)).toBeUndefined();

    await setCommittee("has", { publicMeetings: true });
    const entry = noticeEntry((await loadNoticeBoardPage("stockholm")).board, world.future.meetingId);
    expect(entry).toMatchObject({ committee: "Hägersten-Älvsjö stadsdelsnämnd", meetingDate: world.future.date, when: `${world.future.date} kl. 18.00`, place: "Sammanträdesrummet, Svandammsvägen 18" });
    // The kallelse was published a month before the meeting.
    expect(entry?.postedDate).toBe(plusDays(world.future.date, -30));

    await setCommittee("has", { publicMeetings: false, kind: "KOMMUNFULLMAKTIGE" });
    expect(noticeEntry((await loadNoticeBoardPage("stockholm")).board, world.future.meetingId)).toBeDefined();
    await setCommittee("has", { kind: "STADSDELSNAMND" });
  });

  it("list the ärenden with confidential titles masked", async () => {
    await setCommittee("has", { publicMeetings: true });
    const board = (await loadNoticeBoardPage("stockholm")).board;
    const lines = noticeEntry(board, world.future.meetingId)?.lines ?? [];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ paragraph: null, caseNumber: expect.any(String) });
    expect(lines[0]?.title).not.toBe("Sekretessmarkerat ärende");
    expect(lines[1]).toEqual({ paragraph: null, caseNumber: world.secretCase.caseNumber, title: "Sekretessmarkerat ärende" });
    expect(JSON.stringify(board)).not.toContain(CANARY);
  });

  it("stay through the meeting day and then only in the archive", async () => {
    await setCommittee("has", { publicMeetings: true });
    const meetingDay = world.future.date;
    expect(noticeEntry(await loadNoticeBoard("stockholm", "Stockholms stad", at(meetingDay, "23:00")), world.future.meetingId)).toBeDefined();
    const dayAfter = at(plusDays(meetingDay, 1), "00:01");
    expect(noticeEntry(await loadNoticeBoard("stockholm", "Stockholms stad", dayAfter), world.future.meetingId)).toBeUndefined();
    expect(noticeEntry(await loadNoticeBoardArchive("stockholm", "Stockholms stad", dayAfter, Number(meetingDay.slice(0, 4))), world.future.meetingId)).toMatchObject({ meetingDate: meetingDay, lines: [] });
    // Not before its kallelse was published: an uncalled meeting is not announced.
    const uncalled = await createFutureMeeting(db, await actorFor(db, "sekreterare"), { date: daysAhead(12) });
    expect(noticeEntry(await loadNoticeBoard("stockholm", "Stockholms stad", new Date()), uncalled)).toBeUndefined();
  });
});

describe("each municipality's anslagstavla", () => {
  it("shows only its own notices", async () => {
    await setCommittee("has", { publicMeetings: true });
    const now = at("2026-12-05", "12:00");
    const testby = await loadNoticeBoard(world.testby.municipalityId, "Testby kommun", now);
    expect(noticeEntry(testby, world.testby.canary.meetingId)).toMatchObject({ committee: "Socialnämnden i Testby kommun" });
    expect(testby.minutes).toEqual([]);
    expect(noticeEntry(testby, world.future.meetingId)).toBeUndefined();

    const stockholm = await loadNoticeBoard("stockholm", "Stockholms stad", now);
    expect(noticeEntry(stockholm, world.testby.canary.meetingId)).toBeUndefined();
    expect(JSON.stringify(stockholm)).not.toContain(TESTBY_CANARY);
    for (const year of [2026, 2027]) expect(JSON.stringify(await loadNoticeBoardArchive("stockholm", "Stockholms stad", at("2027-06-01", "12:00"), year))).not.toContain(TESTBY_CANARY);
  });
});
