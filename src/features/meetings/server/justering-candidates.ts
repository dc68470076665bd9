// Who may be named ordförande or justerare of a meeting's minutes: a user who holds the
// committee role (CHAIR, MINUTES_CHECKER: the right to sign in and justera) and is linked to
// a member of the committee in office on the meeting's day. The same filter lists the
// candidates on the minutes page and checks the choice in the service.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { inOfficeOn } from "@/features/admin/committees";
import { meetingDay } from "../dates";

export type JusteringRole = "CHAIR" | "MINUTES_CHECKER";

export const justeringCandidatesWhere = (role: JusteringRole, { committeeId, startsAt }: { committeeId: string; startsAt: Date }): Prisma.UserWhereInput => ({
  disabledAt: null,
  memberships: { some: { role, committeeId } },
  committeeMemberships: { some: { committeeId, ...inOfficeOn(meetingDay(startsAt)) } },
});
