// The committee's standard opening items (upprop, val av justerare och tid för justering,
// godkännande av dagordningen): a new meeting's föredragningslista starts with them, and
// their decision text is written from the meeting's own data (the justerare named for the
// minutes, the time and place of justering), for the secretary to register with one click.
import "server-only";
import type { OpeningItem } from "@/generated/prisma/enums";
import type { db, Tx } from "@/server/db";
import { inOfficeOn, OPENING_ITEM_LABELS } from "@/features/admin/committees";
import { justeringDetails, meetingDay } from "../dates";
import { withParty } from "../labels";

/** The ordförande proposes the procedural decisions: "Bifall till ordförandens förslag". */
const OPENING_PROPOSER_GENITIVE = "ordförandens";

/** Puts the committee's opening items first on a new meeting's agenda (positions 1..n), in the committee's order. */
export const addOpeningItems = async (tx: Tx, { meetingId, committeeId }: { meetingId: string; committeeId: string }): Promise<OpeningItem[]> => {
  const { openingItems } = await tx.committee.findUniqueOrThrow({ where: { id: committeeId }, select: { openingItems: true } });
  await tx.agendaItem.createMany({
    data: openingItems.map((openingItem, index) => ({
      meetingId,
      position: index + 1,
      kind: "OPENING" as const,
      openingItem,
      title: OPENING_ITEM_LABELS[openingItem],
      proposerGenitive: OPENING_PROPOSER_GENITIVE,
    })),
  });
  return openingItems;
};

export const ROLL_CALL_DECISION = "Upprop förrättades. Närvarande ledamöter och ersättare framgår av närvarolistan.";
export const AGENDA_APPROVAL_DECISION = "att godkänna dagordningen";

export type OpeningMeeting = { id: string; committeeId: string; startsAt: Date; justeringAt: Date | null; justeringPlace: string | null };

/**
 * The decision of an opening item as the protokoll states it, from the meeting as it stands;
 * null when the meeting lacks what it needs (no justerare named yet for the minutes).
 */
export const openingDecisionPoints = async (client: Tx | typeof db, openingItem: OpeningItem, meeting: OpeningMeeting): Promise<string[] | null> => {
  switch (openingItem) {
    case "ROLL_CALL":
      return [ROLL_CALL_DECISION];
    case "AGENDA_APPROVAL":
      return [AGENDA_APPROVAL_DECISION];
    case "CHECKER_ELECTION": {
      const minutes = await client.minutes.findUnique({ where: { meetingId: meeting.id }, select: { checker: { select: { id: true, name: true } } } });
      if (!minutes) return null;
      // The justerare as the protokoll names members: with their party when they are one in office.
      const member = await client.committeeMember.findFirst({
        where: { committeeId: meeting.committeeId, userId: minutes.checker.id, ...inOfficeOn(meetingDay(meeting.startsAt)) },
        orderBy: [{ termStart: "desc" }, { id: "asc" }],
        select: { party: true },
      });
      const checker = withParty(minutes.checker.name, member?.party);
      const justering = justeringDetails(meeting.justeringAt, meeting.justeringPlace);
      return [
        `att utse ${checker} att jämte ordföranden justera protokollet`,
        ...(justering ? [`att justeringen sker ${justering.date} kl. ${justering.time}${justering.place ? ` på ${justering.place}` : ""}`] : []),
      ];
    }
  }
};
