// The anslagstavla's posted protokoll and kungörelser (the public page and its archive). The
// files are the public copies: every item of a confidential case masked.
import { Link, LINK_CLASS } from "@/components/link";
import type { ReactNode } from "react";
import type { MeetingNotice, NoticeBoard, NoticeBoardLine, PostedMinutes } from "../server";


const Lines = ({ lines, label }: { lines: NoticeBoardLine[]; label: string }) =>
  lines.length === 0 ? null : (
    <ul aria-label={label} className="mt-2 list-disc space-y-1 pl-6 text-slate-700">
      {lines.map((line, index) => (
        <li key={index}>
          {[line.paragraph, line.caseNumber ? `Dnr ${line.caseNumber}` : null].filter(Boolean).join(", ")}
          {line.paragraph || line.caseNumber ? ": " : ""}
          {line.title}
        </li>
      ))}
    </ul>
  );

type EntryProps = {
  testId: string;
  heading: string;
  facts: [string, string][];
  lines: NoticeBoardLine[];
  linesLabel: string;
  file: { href: string; text: string };
};

/** One anslag: its heading, dates and place, its §§ or ärenden, and the public copy. */
const Entry = ({ testId, heading, facts, lines, linesLabel, file }: EntryProps) => (
  <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
    <h3 className="text-lg font-semibold">{heading}</h3>
    <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {facts.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
    <Lines lines={lines} label={`${linesLabel}, ${heading}`} />
    <p className="mt-2">
      <a href={file.href} className={LINK_CLASS} aria-label={`${heading}: ${file.text}`}>
        {file.text}
      </a>
    </p>
  </li>
);

const PostedMinutesEntry = ({ minutes, archived }: { minutes: PostedMinutes; archived: boolean }) => (
  <Entry
    testId="posted-minutes"
    heading={`Protokoll, ${minutes.committee}, sammanträde ${minutes.meetingDate}`}
    facts={[
      ["Datum för anslag", minutes.postedDate],
      [archived ? "Överklagandetiden gick ut" : "Sista dag att överklaga", minutes.appealEndsOn],
      ["Förvaringsplats för protokollet", minutes.keptAt],
    ]}
    lines={minutes.lines}
    linesLabel="Paragrafer"
    file={{ href: `/api/offentligt/protokoll/${minutes.minutesId}?format=pdf`, text: "Protokollet (PDF)" }}
  />
);

const NoticeEntry = ({ notice }: { notice: MeetingNotice }) => (
  <Entry
    testId="meeting-notice"
    heading={`${notice.committee} sammanträder ${notice.when}`}
    facts={[
      ["Plats", notice.place],
      ["Datum för anslag", notice.postedDate],
    ]}
    lines={notice.lines}
    linesLabel="Ärenden"
    file={{ href: `/api/offentligt/kallelse/${notice.meetingId}?format=pdf`, text: "Kallelse och föredragningslista (PDF)" }}
  />
);

const BoardSection = ({ id, heading, empty, children }: { id: string; heading: string; empty: string; children: ReactNode[] }) => (
  <section aria-labelledby={id} className="space-y-3">
    <h2 id={id} className="text-2xl font-semibold">
      {heading}
    </h2>
    {children.length === 0 ? <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{empty}</p> : <ul className="space-y-3">{children}</ul>}
  </section>
);

/** The board now (`archived` false) or the archive: protokoll first, then kungörelser. */
export const NoticeBoardSections = ({ board, archived }: { board: NoticeBoard; archived: boolean }) => (
  <>
    <BoardSection
      id="posted-minutes-heading"
      heading={archived ? "Protokoll som har tagits ned" : "Justerade protokoll"}
      empty={archived ? "Inga protokoll har tagits ned från anslagstavlan ännu." : "Inga justerade protokoll är anslagna just nu."}
    >
      {board.minutes.map((minutes) => (
        <PostedMinutesEntry key={minutes.minutesId} minutes={minutes} archived={archived} />
      ))}
    </BoardSection>
    <BoardSection
      id="meeting-notices-heading"
      heading={archived ? "Kungörelser av hållna sammanträden" : "Kungörelser av sammanträden"}
      empty={archived ? "Inga kungörelser har tagits ned ännu." : "Inga sammanträden är kungjorda just nu."}
    >
      {board.notices.map((notice) => (
        <NoticeEntry key={notice.meetingId} notice={notice} />
      ))}
    </BoardSection>
  </>
);

/** The archive's years, newest first, the shown one marked. */
export const NoticeBoardYears = ({ basePath, years, year }: { basePath: string; years: readonly number[]; year: number }) => (
  <nav aria-label="Arkivets år">
    <ul className="flex flex-wrap gap-x-4 gap-y-1">
      {years.map((each) => (
        <li key={each}>
          {each === year ? (
            <span aria-current="page" className="font-bold">
              {each}
            </span>
          ) : (
            <Link href={`${basePath}?ar=${each}`} className={LINK_CLASS}>
              {String(each)}
            </Link>
          )}
        </li>
      ))}
    </ul>
  </nav>
);

/** From the board to its archive and back. */
export const NoticeBoardLink = ({ href, children }: { href: string; children: string }) => (
  <p>
    <Link href={href} className={LINK_CLASS}>
      {children}
    </Link>
  </p>
);
