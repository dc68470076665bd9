// The municipality's digital anslagstavla (Kommunallagen 8 kap. 9 §), public and without
// login: the justerade protokoll with the date of anslag, the last day to appeal (13 kap.:
// three weeks from the anslag) and where the protokoll is kept, and the kungörelser of the
// coming meetings of committees whose meetings are public (kommunfullmäktige's always are,
// 5 kap. 38 §). A protokoll leaves the board when its appeal period has run out and a
// kungörelse when its meeting day has passed; both then stay in the public archive.
// Titles of confidential cases are masked as the public diarium masks them (hiddenCases
// with the "public" viewer), and the files are the public copies of the exports.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { CONFIDENTIAL_CASE_TITLE } from "@/features/cases/secrecy";
import { formatDate, formatDateOnly, isoDateToDb, stockholmToday } from "@/lib/dates";
import { CASE_SCOPE_SELECT } from "@/server/authz";
import { db } from "@/server/db";
import { decisionDate, meetingDateTime, stockholmDateTimeToInstant } from "../dates";
import { hiddenCases } from "./confidential-items";
import { ZMinutesContentSchema } from "./minutes-content";

/** A line of a posted protokoll or kungörelse: the § (protokoll only), the dnr and the title, masked when confidential. */
export type NoticeBoardLine = { paragraph: string | null; caseNumber: string | null; title: string };

export type PostedMinutes = {
  minutesId: string;
  committee: string;
  meetingDate: string;
  /** Dag för anslag: the day the justering was announced. */
  postedDate: string;
  /** Sista dag för överklagande. */
  appealEndsOn: string;
  /** Förvaringsplats. */
  keptAt: string;
  /** Empty in the archive. */
  lines: NoticeBoardLine[];
};

export type MeetingNotice = {
  meetingId: string;
  committee: string;
  meetingDate: string;
  /** "2024-04-25 kl. 18.00" */
  when: string;
  place: string;
  /** The day the kallelse was published. */
  postedDate: string;
  /** Empty in the archive. */
  lines: NoticeBoardLine[];
};

export type NoticeBoard = { minutes: PostedMinutes[]; notices: MeetingNotice[] };

/**
 * Committees whose meetings are public: kommunfullmäktige always (Kommunallagen 5 kap.
 * 38 §), any other committee that has decided so (6 kap. 25 §, Committee.publicMeetings).
 */
const PUBLIC_MEETINGS_WHERE = { OR: [{ kind: "KOMMUNFULLMAKTIGE" }, { publicMeetings: true }] } satisfies Prisma.CommitteeWhereInput;

/**
 * Förvaringsplats: the committee's own setting, else the förvaltning or kansli that prepares
 * its cases (and keeps its protokoll), else the municipality.
 */
const minutesKeptAt = (committee: { minutesKeptAt: string | null; administrations: readonly { name: string }[] }, municipalityName: string): string =>
  committee.minutesKeptAt ?? committee.administrations[0]?.name ?? municipalityName;

const COMMITTEE_SELECT = { name: true, minutesKeptAt: true, administrations: { select: { name: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 1 } } satisfies Prisma.CommitteeSelect;

/** Which posted minutes and notices to read: on the board at `now`, or archived by then. */
const windows = (municipalityId: string, now: Date, archived: boolean) => {
  const today = stockholmToday(now);
  const startOfToday = stockholmDateTimeToInstant(formatDate(now), "00:00");
  const ownMinutes = { status: "APPROVED", postedDate: { not: null }, appealEndsOn: archived ? { lt: today } : { gte: today } } satisfies Prisma.MinutesWhereInput;
  return {
    ownMinutes,
    minutes: { ...ownMinutes, meeting: { committee: { municipalityId } } },
    notices: {
      historical: false,
      agendaPublishedAt: { not: null },
      startsAt: archived ? { lt: startOfToday } : { gte: startOfToday },
      committee: { municipalityId, ...PUBLIC_MEETINGS_WHERE },
    },
  } satisfies { ownMinutes: Prisma.MinutesWhereInput; minutes: Prisma.MinutesWhereInput; notices: Prisma.MeetingWhereInput };
};

const byPostedThenCommittee = <T extends { postedDate: string; committee: string }>(a: T, b: T): number =>
  b.postedDate.localeCompare(a.postedDate) || a.committee.localeCompare(b.committee, "sv");

/**
 * The anslagstavla at `now` (the caller's clock): the protokoll whose appeal period has not
 * run out, newest anslag first, each with its §§; the kungörelser of meetings from today on,
 * soonest first, each with its ärenden. Two queries: the posted minutes and the notices,
 * with the cases of their lines joined to mask the confidential ones.
 */
export const loadNoticeBoard = async (municipalityId: string, municipalityName: string, now: Date): Promise<NoticeBoard> => {
  const where = windows(municipalityId, now, false);
  const [minutesRows, noticeRows] = await Promise.all([
    db.minutes.findMany({
      where: where.minutes,
      select: {
        id: true,
        postedDate: true,
        appealEndsOn: true,
        content: true,
        meeting: {
          select: {
            startsAt: true,
            committee: { select: COMMITTEE_SELECT },
            agendaItems: { select: { case: { select: { id: true, ...CASE_SCOPE_SELECT } } } },
          },
        },
      },
    }),
    db.meeting.findMany({
      where: where.notices,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        startsAt: true,
        place: true,
        agendaPublishedAt: true,
        committee: { select: { name: true } },
        agendaItems: { orderBy: { position: "asc" }, select: { title: true, case: { select: { id: true, caseNumber: true, ...CASE_SCOPE_SELECT } } } },
      },
    }),
  ]);
  const cases = [...minutesRows.flatMap((row) => row.meeting.agendaItems), ...noticeRows.flatMap((row) => row.agendaItems)].flatMap((item) => (item.case ? [item.case] : []));
  const hidden = hiddenCases("public", cases);
  const line = (paragraph: string | null, caseId: string | null, caseNumber: string | null, title: string): NoticeBoardLine => ({
    paragraph,
    caseNumber,
    title: caseId !== null && hidden.has(caseId) ? CONFIDENTIAL_CASE_TITLE : title,
  });
  return {
    minutes: minutesRows
      .map((row) => ({
        ...postedMinutes(row, municipalityName),
        // The §§ as justerade (the stored content), in order.
        lines: ZMinutesContentSchema.parse(row.content).paragraphs.map((paragraph) => line(`§ ${paragraph.paragraph}`, paragraph.caseId, paragraph.caseNumber, paragraph.title)),
      }))
      .sort(byPostedThenCommittee),
    notices: noticeRows.map((row) => ({ ...meetingNotice(row), lines: row.agendaItems.map((item) => line(null, item.case?.id ?? null, item.case?.caseNumber ?? null, item.title)) })),
  };
};

export type NoticeBoardArchive = NoticeBoard & {
  /** The calendar year shown. */
  year: number;
  /** The years the archive can show, newest first: from the first archived anslag through this year. */
  years: number[];
};

const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/**
 * The archive at `now`, one calendar year at a time (this year unless another of its years
 * is asked for): the protokoll posted that year whose appeal period has run out and the
 * kungörelser of the year's meetings whose day has passed, newest first. The public page
 * reads a bounded year, never the whole history; one small query finds the first year.
 */
export const loadNoticeBoardArchive = async (municipalityId: string, municipalityName: string, now: Date, requestedYear?: number): Promise<NoticeBoardArchive> => {
  const where = windows(municipalityId, now, true);
  const thisYear = yearOf(formatDate(now));
  // The first meeting with an archived kungörelse or protokoll: its day precedes every anslag of it.
  const first = await db.meeting.findFirst({
    where: { OR: [where.notices, { committee: { municipalityId }, minutes: { is: where.ownMinutes } }] },
    orderBy: { startsAt: "asc" },
    select: { startsAt: true },
  });
  const firstYear = Math.min(thisYear, first ? yearOf(decisionDate(first.startsAt)) : thisYear);
  const years = Array.from({ length: thisYear - firstYear + 1 }, (_, index) => thisYear - index);
  const year = requestedYear !== undefined && years.includes(requestedYear) ? requestedYear : thisYear;
  const [minutesRows, noticeRows] = await Promise.all([
    db.minutes.findMany({
      where: { AND: [where.minutes, { postedDate: { gte: isoDateToDb(`${year}-01-01`), lt: isoDateToDb(`${year + 1}-01-01`) } }] },
      orderBy: [{ postedDate: "desc" }, { meeting: { committee: { name: "asc" } } }, { id: "asc" }],
      select: { id: true, postedDate: true, appealEndsOn: true, meeting: { select: { startsAt: true, committee: { select: COMMITTEE_SELECT } } } },
    }),
    db.meeting.findMany({
      where: { AND: [where.notices, { startsAt: { gte: stockholmDateTimeToInstant(`${year}-01-01`, "00:00"), lt: stockholmDateTimeToInstant(`${year + 1}-01-01`, "00:00") } }] },
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      select: { id: true, startsAt: true, place: true, agendaPublishedAt: true, committee: { select: { name: true } } },
    }),
  ]);
  return {
    year,
    years,
    minutes: minutesRows.map((row) => ({ ...postedMinutes(row, municipalityName), lines: [] })),
    notices: noticeRows.map((row) => ({ ...meetingNotice(row), lines: [] })),
  };
};

type PostedMinutesRow = {
  id: string;
  postedDate: Date | null;
  appealEndsOn: Date | null;
  meeting: { startsAt: Date; committee: Prisma.CommitteeGetPayload<{ select: typeof COMMITTEE_SELECT }> };
};

const postedMinutes = (row: PostedMinutesRow, municipalityName: string): Omit<PostedMinutes, "lines"> => ({
  minutesId: row.id,
  committee: row.meeting.committee.name,
  meetingDate: decisionDate(row.meeting.startsAt),
  postedDate: formatDateOnly(row.postedDate),
  appealEndsOn: formatDateOnly(row.appealEndsOn),
  keptAt: minutesKeptAt(row.meeting.committee, municipalityName),
});

type NoticeRow = { id: string; startsAt: Date; place: string; agendaPublishedAt: Date | null; committee: { name: string } };

const meetingNotice = (row: NoticeRow): Omit<MeetingNotice, "lines"> => ({
  meetingId: row.id,
  committee: row.committee.name,
  meetingDate: decisionDate(row.startsAt),
  when: meetingDateTime(row.startsAt),
  place: row.place,
  postedDate: formatDate(row.agendaPublishedAt),
});
