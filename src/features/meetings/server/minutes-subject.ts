// Protokoll as an attestation subject (justering): what is bound is the content snapshot
// stored when the minutes were sent; the locked state is the minutes' status (DRAFT →
// IN_APPROVAL → APPROVED, back to DRAFT without the snapshot on return or withdrawal).
// Completion posts the minutes (anslag) on the day of the justering, the appeal period
// ending three weeks later, tells each case's history that its paragraph is justerad, and
// registers the justerat protokollsutdrag of its § in each open case as an upprättad
// handling whose file is the extract as exported (a generated record, bound to the
// justering's hash: features/exports/server/records.ts); the protokoll as a whole is
// requested the same way as the meeting's own file.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { SubjectAdapter } from "@/features/attestation/server";
import { createCaseDocumentInTx } from "@/features/cases/server";
import { isoDateToDb } from "@/lib/dates";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { postingDates } from "../dates";
import { extractDescription } from "../format";
import { buildMinutesContent, readMinutesContent, ZMinutesContentSchema, type MinutesContent } from "./minutes-content";

const SUBJECT_SELECT = {
  id: true,
  meetingId: true,
  status: true,
  version: true,
  content: true,
  chairId: true,
  checkerId: true,
  meeting: { select: { committee: { select: { municipalityId: true } } } },
} as const;

export type MinutesSubject = Awaited<ReturnType<typeof lockMinutes>>;

const lockMinutes = async (tx: Tx, minutesId: string) => {
  await tx.$queryRaw`SELECT id FROM "minutes" WHERE id = ${minutesId}::uuid FOR UPDATE`;
  return tx.minutes.findUniqueOrThrow({ where: { id: minutesId }, select: SUBJECT_SELECT });
};

const minutesLink = (subject: MinutesSubject): string => `/sammantraden/${subject.meetingId}/protokoll`;

/**
 * The justerat protokollsutdrag of every § of an open case, registered in the case (a closed
 * case takes no new handlingar: its decision was expedierad before it was closed).
 */
const registerExtracts = async (tx: Tx, content: MinutesContent, options: { actorId: string; postedDate: string; contentHash: string }): Promise<string[]> => {
  const caseIds = content.paragraphs.flatMap((paragraph) => (paragraph.caseId ? [paragraph.caseId] : []));
  const open = new Map(
    (await tx.case.findMany({ where: { id: { in: caseIds }, status: "OPEN" }, select: { id: true, secrecyReference: true, secrecyReason: true } })).map((row) => [row.id, row]),
  );
  const recordIds: string[] = [];
  for (const paragraph of content.paragraphs) {
    const found = paragraph.caseId ? open.get(paragraph.caseId) : undefined;
    if (!found) continue;
    const document = await createCaseDocumentInTx(tx, {
      actorId: options.actorId,
      caseId: found.id,
      direction: "DRAWN_UP",
      documentDate: isoDateToDb(options.postedDate),
      description: extractDescription({ shortName: content.committee.shortName, paragraph: paragraph.paragraph, year: paragraph.year, meetingDate: content.meeting.date, title: paragraph.title, includeStatement: false }),
      secrecyReference: found.secrecyReference,
      secrecyReason: found.secrecyReason,
      generated: [{ kind: "EXTRACT", subjectId: paragraph.decisionId, contentHash: options.contentHash }],
    });
    recordIds.push(...document.recordIds);
  }
  return recordIds;
};

export const minutesSubject: SubjectAdapter<MinutesSubject, { postedDate: string; appealEndsOn: string; recordIds: string[] }> = {
  type: "MINUTES",
  lock: lockMinutes,
  caseIdOf: () => null,
  // Fail closed: without the stored snapshot there is nothing a justering could bind.
  storedContent: async (_tx, subject) => subject.content,
  // The justering in the attestation engine's audit format, naming its minutes.
  attestAuditData: (subject) => ({ subjectType: "MINUTES", minutesId: subject.id }),
  markSent: async (tx, subject, { versionNumber, content, contentHash }) =>
    (
      await tx.minutes.updateMany({
        where: { id: subject.id, status: "DRAFT", version: versionNumber - 1 },
        data: { status: "IN_APPROVAL", contentHash, content: content as Prisma.InputJsonValue, version: versionNumber },
      })
    ).count === 1,
  complete: async (tx, subject, { actor, request, now }) => {
    const { postedDate, appealEndsOn } = postingDates(now);
    const locked = await tx.minutes.updateMany({
      where: { id: subject.id, status: "IN_APPROVAL", version: request.versionNumber },
      // No version bump: the approved version is the one the request bound (versionNumber).
      data: { status: "APPROVED", approvedAt: now, postedDate: isoDateToDb(postedDate), appealEndsOn: isoDateToDb(appealEndsOn) },
    });
    if (locked.count !== 1) return null;
    const meeting = await tx.meeting.updateMany({ where: { id: subject.meetingId, status: { not: "APPROVED" } }, data: { status: "APPROVED", version: { increment: 1 } } });
    const content = await readMinutesContent(tx, subject.meetingId);
    if (meeting.count !== 1 || !content) return null;
    const audits = [
      { actorId: actor.id, action: "minutes.approved" as const, entityType: "Minutes", entityId: subject.id, data: { contentHash: request.contentHash, postedDate, appealEndsOn } },
      // The case's history ("Händelser") tells that its paragraph is now justerad.
      ...content.paragraphs.flatMap((paragraph) =>
        paragraph.caseId
          ? [
              {
                actorId: actor.id,
                action: "minutes.paragraph_approved" as const,
                entityType: "Decision",
                entityId: paragraph.decisionId,
                caseId: paragraph.caseId,
                data: { paragraph: `§ ${paragraph.paragraph}/${paragraph.year}`, meetingDate: content.meeting.date, postedDate, appealEndsOn },
              },
            ]
          : [],
      ),
    ];
    const recordIds = await registerExtracts(tx, content, { actorId: actor.id, postedDate, contentHash: request.contentHash });
    const minutesRecord = await tx.generatedRecord.create({
      data: { meetingId: subject.meetingId, kind: "MINUTES", subjectId: subject.id, contentHash: request.contentHash, requestedById: actor.id },
      select: { id: true },
    });
    recordIds.push(minutesRecord.id);
    return { result: { postedDate, appealEndsOn, recordIds }, audits, notice: null };
  },
  reopen: async (tx, subject) =>
    (await tx.minutes.updateMany({ where: { id: subject.id, status: "IN_APPROVAL" }, data: { status: "DRAFT", contentHash: null, content: Prisma.DbNull, version: { increment: 1 } } })).count === 1,
  audit: (subject, event, { actor, request }) => {
    const base = { actorId: actor.id, entityType: "Minutes", entityId: subject.id };
    switch (event.kind) {
      case "sent":
        return {
          ...base,
          action: "minutes.send_for_approval",
          data: { requestId: request.id, contentHash: event.contentHash, hashScheme: request.hashScheme, paragraphs: (event.content as MinutesContent).paragraphs.map((paragraph) => paragraph.paragraph) },
        };
      case "returned":
        return { ...base, action: "minutes.return", data: { requestId: request.id, comment: event.comment } };
      case "withdrawn":
        return { ...base, action: "minutes.withdraw", data: { requestId: request.id, reason: event.reason } };
    }
  },
  notice: (subject, notice, { actor, request }) => {
    const base = { municipalityId: subject.meeting.committee.municipalityId, link: minutesLink(subject) };
    switch (notice.kind) {
      case "requested": {
        const { committee, meeting } = notice.content as MinutesContent;
        return { ...base, userIds: notice.userIds, kind: "minutes.approval_requested", title: `Protokoll att justera: ${committee.name} ${meeting.date}`, body: `Protokollet från ${committee.name}s sammanträde ${meeting.date} väntar på din justering.` };
      }
      case "returned":
        // The comment is free text about §§ that may be secret, and this notice also goes out
        // by e-mail: it is read on the minutes page, which masks for each reader.
        return {
          ...base,
          userIds: [request.requestedById],
          kind: "minutes.returned",
          title: "Protokollet har skickats tillbaka",
          body: `${actor.name} har skickat tillbaka protokollet med en kommentar. Läs den på protokollets sida i Yttra.`,
        };
      // Justering is parallel (no turns), and a withdrawal by the secretary tells the approvers nothing today.
      case "nextInTurn":
      case "withdrawn":
        return null;
    }
  },
  messages: { contentChanged: "Protokollet har ändrats sedan du öppnade det. Läs in sidan på nytt och granska det igen." },
};

/**
 * The content a justering binds: the minutes as they stand, signed "Vid protokollet" by
 * `secretary` (the sender). Validated before it is stored: the snapshot is read back with
 * the same schema, so a mismatch must refuse the sending now, not make justerade minutes
 * unreadable later.
 */
export const minutesSnapshot = async (tx: Tx, meetingId: string, secretary: { id: string; name: string }): Promise<MinutesContent> => {
  const built = await buildMinutesContent(tx, meetingId, { secretary: { id: secretary.id, name: secretary.name } });
  if (!built) throw new Error(`Minutes content missing for the minutes of ${meetingId}`);
  const parsed = ZMinutesContentSchema.safeParse(built);
  if (!parsed.success) {
    throw new AppError("INVALID_STATE", `Minutes content of ${meetingId} does not match its schema: ${parsed.error.message}`, {
      userMessage: "Protokollets innehåll kan inte sparas för justering (till exempel en för lång text). Rätta protokollet och försök igen.",
    });
  }
  return parsed.data;
};
