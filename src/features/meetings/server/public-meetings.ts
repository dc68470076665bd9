// The committees' public meeting documents (no login): per committee its meetings whose
// föredragningslista has been published and whose protokoll has been justerat, newest
// first. Only what is out for anyone is listed — an unpublished agenda and minutes not yet
// justerade are not even named; the files themselves come from the public variant of the
// exports, which mask every confidential item (getAgendaForExport / getMinutesForExport
// with the "public" viewer).
import "server-only";
import { db } from "@/server/db";
import { meetingDateTime } from "../dates";

export type PublicMeeting = {
  id: string;
  /** "2024-04-25 kl. 18.00" */
  when: string;
  place: string;
  /** The published kallelse with föredragningslista. */
  agendaPublished: boolean;
  /** The justerade protokoll, when there is one. */
  approvedMinutesId: string | null;
};

export type PublicCommitteeMeetings = { id: string; name: string; meetings: PublicMeeting[] };

/** The municipality's committees with at least one public meeting document, by name. */
export const listPublicMeetingDocuments = async (municipalityId: string): Promise<PublicCommitteeMeetings[]> => {
  const committees = await db.committee.findMany({
    where: { municipalityId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      meetings: {
        where: { OR: [{ agendaPublishedAt: { not: null } }, { minutes: { status: "APPROVED" } }] },
        orderBy: [{ startsAt: "desc" }, { id: "asc" }],
        select: { id: true, startsAt: true, place: true, agendaPublishedAt: true, minutes: { select: { id: true, status: true } } },
      },
    },
  });
  return committees.flatMap((committee) =>
    committee.meetings.length === 0
      ? []
      : [
          {
            id: committee.id,
            name: committee.name,
            meetings: committee.meetings.map((meeting) => ({
              id: meeting.id,
              when: meetingDateTime(meeting.startsAt),
              place: meeting.place,
              agendaPublished: meeting.agendaPublishedAt !== null,
              approvedMinutesId: meeting.minutes?.status === "APPROVED" ? meeting.minutes.id : null,
            })),
          },
        ],
  );
};
