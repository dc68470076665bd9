import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "../../scripts/seed/demo";
import { db as sharedDb } from "@/server/db";
import { REFERENCE_CASE_ID } from "../../scripts/seed/demo-cases";
import { DEMO_CASE_PARAGRAPH, DEMO_MEETING_2024_ID, DEMO_MEETING_PLANNED_ID, DEMO_MEETING_RECENT_ID, seedDemoMeetings } from "../../scripts/seed/demo-meetings";
import { buildMinutesContent, hashMinutesContent, ZMinutesContentSchema } from "@/features/meetings/server/minutes-content";
import { getAttestationState } from "@/features/attestation/server/attestation-state";
import { createTestDatabase } from "../support/database";
import { CURRENT_HASH_SCHEME } from "@/lib/canonical-json";
import { loadNoticeBoardArchivePage, loadNoticeBoardPage } from "@/app/[kommun]/anslagstavla/anslagstavla-page";
import { addDays, formatDate, todayInStockholm } from "@/lib/dates";
import { statutoryLastDay } from "@/lib/swedish-holidays";
import { stockholmDateTimeToInstant } from "@/features/meetings/dates";
import { loadNoticeBoard, type NoticeBoard } from "@/features/meetings/server/notice-board";

const { db } = await createTestDatabase();

const { default: NoticeBoardPage } = await import("@/app/[kommun]/anslagstavla/page");
const { default: NoticeBoardArchivePage } = await import("@/app/[kommun]/anslagstavla/arkiv/page");
// The public pages do not navigate; a router that never does stands in for Next's.
const router = { back: () => {}, forward: () => {}, refresh: () => {}, push: () => {}, replace: () => {}, prefetch: () => {} } as unknown as AppRouterInstance;

describe("demo meetings", () => {
  it("puts the reference case through the 2024-04-25 meeting, justering and dispatch, once", async () => {
    await seedDemoData({ nodeEnv: "test", force: false });
    expect(await sharedDb.$transaction((tx) => seedDemoMeetings(tx))).toEqual({ meetingsCreated: true });
    expect(await sharedDb.$transaction((tx) => seedDemoMeetings(tx))).toEqual({ meetingsCreated: false });

    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: DEMO_MEETING_2024_ID }, include: { minutes: true } });
    expect(meeting.status).toBe("APPROVED");
    expect(meeting.startsAt.toISOString()).toBe("2024-04-25T16:00:00.000Z");
    const content = await buildMinutesContent(db, meeting.id);
    expect(hashMinutesContent(content!, CURRENT_HASH_SCHEME)).toBe(meeting.minutes!.contentHash);
    // The stored snapshot is what the hash binds, the sending secretary ("Vid protokollet") included.
    const stored = ZMinutesContentSchema.parse(meeting.minutes!.content);
    expect(stored.secretary).toEqual({ id: "00000000-0000-7000-8000-000000000004", name: "Karin Sjöberg" });
    expect(hashMinutesContent(stored, CURRENT_HASH_SCHEME)).toBe(meeting.minutes!.contentHash);
    const state = await getAttestationState({ subjectType: "MINUTES", subjectId: meeting.minutes!.id });
    expect(state.problems).toEqual([]);
    const decision = await db.decision.findFirstOrThrow({ where: { agendaItem: { caseId: REFERENCE_CASE_ID } } });
    expect(decision).toMatchObject({ kind: "AS_PROPOSED", paragraph: DEMO_CASE_PARAGRAPH, year: 2024 });
    // The committee's opening items are § 1–3, decided with the text written from the meeting.
    expect(stored.paragraphs.slice(0, 4).map((paragraph) => [paragraph.paragraph, paragraph.title, paragraph.decisionPoints])).toEqual([
      [1, "Upprop", ["Upprop förrättades. Närvarande ledamöter och ersättare framgår av närvarolistan."]],
      [
        2,
        "Val av justerare och tid för justering",
        ["att utse Anders Berglund (M) att jämte ordföranden justera protokollet", "att justeringen sker 2024-04-29 kl. 15.00 på Hägersten-Älvsjö stadsdelsförvaltning, Svandammsvägen 18"],
      ],
      [3, "Godkännande av dagordningen", ["att godkänna dagordningen"]],
      [4, "Anmälan av delegationsbeslut", ["Anmälan av delegationsbeslut godkänns."]],
    ]);
    const theCase = await db.case.findUniqueOrThrow({ where: { id: REFERENCE_CASE_ID } });
    expect(theCase).toMatchObject({ status: "CLOSED", closedReason: "Besvarad" });
    expect(theCase.answeredDate?.toISOString().slice(0, 10)).toBe("2024-04-25");
    expect(await db.dispatch.count({ where: { caseId: REFERENCE_CASE_ID, recipient: "Kommunstyrelsen" } })).toBe(1);
    expect(await db.committeeMember.count({ where: { committeeId: "has" } })).toBe(11);
    // Ahead of whatever day the demo is installed on, so it stays a meeting to plan for.
    const plannedMeeting = await db.meeting.findUniqueOrThrow({ where: { id: DEMO_MEETING_PLANNED_ID } });
    expect(plannedMeeting.status).toBe("PLANNED");
    expect(plannedMeeting.startsAt).toEqual(stockholmDateTimeToInstant(formatDate(addDays(new Date(), 8)), "18:00"));
    const planned = await db.agendaItem.findMany({ where: { meetingId: DEMO_MEETING_PLANNED_ID }, orderBy: { position: "asc" }, select: { position: true, kind: true, openingItem: true } });
    expect(planned).toEqual([
      { position: 1, kind: "OPENING", openingItem: "ROLL_CALL" },
      { position: 2, kind: "OPENING", openingItem: "CHECKER_ELECTION" },
      { position: 3, kind: "OPENING", openingItem: "AGENDA_APPROVAL" },
    ]);
  });

  it("posts the justerade protokoll of 2024-04-25 on the anslagstavla for its appeal period, and then keeps it in the archive", async () => {
    const { id: minutesId } = await db.minutes.findUniqueOrThrow({ where: { meetingId: DEMO_MEETING_2024_ID } });
    const dates = { committee: "Hägersten-Älvsjö stadsdelsnämnd", meetingDate: "2024-04-25", postedDate: "2024-04-29", appealEndsOn: "2024-05-20", keptAt: "Hägersten-Älvsjö stadsdelsförvaltning" };
    const posted = (board: NoticeBoard) => board.minutes.find((entry) => entry.minutesId === minutesId);
    expect(posted(await loadNoticeBoard("stockholm", "Stockholms stad", stockholmDateTimeToInstant("2024-05-20", "12:00")))).toMatchObject(dates);
    expect(posted(await loadNoticeBoard("stockholm", "Stockholms stad", stockholmDateTimeToInstant("2024-05-21", "12:00")))).toBeUndefined();
    expect(posted((await loadNoticeBoardArchivePage("stockholm", { year: 2024 })).board)).toMatchObject(dates);
  });

  it("puts a meeting held a week before the installation on the anslagstavla, justerad three days later", async () => {
    const { id: minutesId } = await db.minutes.findUniqueOrThrow({ where: { meetingId: DEMO_MEETING_RECENT_ID } });
    const { board } = await loadNoticeBoardPage("stockholm");
    const day = (offset: number) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date(Date.now() + offset * 86_400_000));
    const entry = board.minutes.find((posted) => posted.minutesId === minutesId);
    expect(entry).toMatchObject({ committee: "Hägersten-Älvsjö stadsdelsnämnd", meetingDate: day(-7), postedDate: day(-4), appealEndsOn: statutoryLastDay(day(17)) });
    expect(entry?.lines.map((line) => line.title)).toEqual([
      "Upprop",
      "Val av justerare och tid för justering",
      "Godkännande av dagordningen",
      "Anmälan av delegationsbeslut",
      "Stadsdelsdirektörens information om budgetuppföljningen",
    ]);
    const state = await getAttestationState({ subjectType: "MINUTES", subjectId: minutesId });
    expect(state.problems).toEqual([]);
  });

  it("renders the anslagstavla and its archive for a visitor without login, with the demo meetings' dates", async () => {
    const html = async (page: () => Promise<ReactElement>) => renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, await page())).replace(/<!-- -->/g, "");
    const params = Promise.resolve({ kommun: "stockholm" });
    const board = await html(() => NoticeBoardPage({ params }));
    expect(board).toContain("<h1");
    expect(board).toMatch(/Anslagstavla<\/h1>/);
    const { id: recentId } = await db.minutes.findUniqueOrThrow({ where: { meetingId: DEMO_MEETING_RECENT_ID } });
    expect(board).toContain(`href="/api/offentligt/protokoll/${recentId}?format=pdf"`);
    expect(board).toContain("Sista dag att överklaga");
    expect(board).not.toContain("2024-04-29");

    // The archive shows one year at a time: this year's without the 2024 protokoll, which is a link away.
    const { id: demoId } = await db.minutes.findUniqueOrThrow({ where: { meetingId: DEMO_MEETING_2024_ID } });
    const thisYear = await html(() => NoticeBoardArchivePage({ params, searchParams: Promise.resolve({}) }));
    expect(thisYear).toContain(`Anslagstavlans arkiv ${todayInStockholm().slice(0, 4)}</h1>`);
    expect(thisYear).toContain('href="/stockholm/anslagstavla/arkiv?ar=2024"');
    expect(thisYear).not.toContain(`href="/api/offentligt/protokoll/${demoId}?format=pdf"`);
    const archive = await html(() => NoticeBoardArchivePage({ params, searchParams: Promise.resolve({ ar: "2024" }) }));
    expect(archive).toMatch(/<span aria-current="page"[^>]*>2024<\/span>/);
    expect(archive).toContain("Protokoll, Hägersten-Älvsjö stadsdelsnämnd, sammanträde 2024-04-25");
    expect(archive).toMatch(/Datum för anslag<\/dt><dd>2024-04-29<\/dd>/);
    expect(archive).toMatch(/Överklagandetiden gick ut<\/dt><dd>2024-05-20<\/dd>/);
    expect(archive).toContain(`href="/api/offentligt/protokoll/${demoId}?format=pdf"`);
    expect(archive).not.toContain(`href="/api/offentligt/protokoll/${recentId}?format=pdf"`);
  });
});
