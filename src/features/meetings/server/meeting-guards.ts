// Shared loading and state rules of the meeting services. Every mutating service starts
// with `lockMeetingForEdit`: it takes the meeting row lock (so agenda renumbering,
// decisions and justering of one meeting happen one at a time), authorizes the actor as
// the committee's secretary and refuses any change once the minutes are out for
// justering or justerade.
import "server-only";
import type { Actor } from "@/server/auth";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { authorize, loadCommitteeScope, unknownResource, type CommitteeScope, type RefusalMessages } from "@/server/authz";
import { isUuid } from "@/lib/ids";

/** Readers who are not the committee's secretary are told who edits. */
export const MEETING_EDIT_REFUSED: RefusalMessages = {
  forbidden: "Endast nämndsekreteraren för nämnden kan ändra sammanträden, föredragningslistor och protokoll.",
};

export const LOCKED_MESSAGE = "Protokollet är justerat och kan inte ändras.";
export const IN_APPROVAL_MESSAGE = "Protokollet är skickat för justering. Återkalla justeringen innan du ändrar något.";

export const assertMinutesOpen = (minutes: { status: string } | null, meetingStatus: string): void => {
  if (meetingStatus === "APPROVED" || minutes?.status === "APPROVED") {
    throw new AppError("INVALID_STATE", "Minutes are approved and locked", { userMessage: LOCKED_MESSAGE });
  }
  if (minutes?.status === "IN_APPROVAL") {
    throw new AppError("INVALID_STATE", "Minutes are out for approval", { userMessage: IN_APPROVAL_MESSAGE });
  }
};

const lockMeetingRow = async (tx: Tx, meetingId: string): Promise<void> => {
  await tx.$queryRaw`SELECT id FROM meeting WHERE id = ${meetingId}::uuid FOR UPDATE`;
};

export const loadMeetingRow = async (tx: Tx, meetingId: string) => {
  if (!isUuid(meetingId)) return null;
  return tx.meeting.findUnique({
    where: { id: meetingId },
    include: { committee: { select: { id: true, name: true, shortName: true } }, minutes: { select: { id: true, status: true, version: true } } },
  });
};

export type LockedMeeting = NonNullable<Awaited<ReturnType<typeof loadMeetingRow>>> & { scope: CommitteeScope };

/** For writes by the secretary while the minutes are still open. */
export const lockMeetingForEdit = async (tx: Tx, actor: Actor, meetingId: string, { allowLockedMinutes = false } = {}): Promise<LockedMeeting> => {
  if (!isUuid(meetingId)) throw unknownResource("meeting.edit");
  await lockMeetingRow(tx, meetingId);
  const meeting = await loadMeetingRow(tx, meetingId);
  const scope = authorize(actor, "meeting.edit", meeting ? await loadCommitteeScope(tx, meeting.committeeId) : null, MEETING_EDIT_REFUSED);
  if (!meeting) throw unknownResource("meeting.edit");
  if (!allowLockedMinutes) assertMinutesOpen(meeting.minutes, meeting.status);
  return { ...meeting, scope };
};

/** For the approvers: the row lock and read access, without the secretary check. */
export const lockMeetingForRead = async (tx: Tx, actor: Actor, meetingId: string): Promise<LockedMeeting> => {
  await lockMeetingRow(tx, meetingId);
  const meeting = await loadMeetingRow(tx, meetingId);
  const scope = authorize(actor, "meeting.read", meeting ? await loadCommitteeScope(tx, meeting.committeeId) : null);
  if (!meeting) throw unknownResource("meeting.read");
  return { ...meeting, scope };
};

/** Bumps the meeting's version after a change of its agenda or status (optimistic readers see it). */
export const touchMeeting = async (tx: Tx, meetingId: string): Promise<void> => {
  await tx.meeting.update({ where: { id: meetingId }, data: { version: { increment: 1 } } });
};
