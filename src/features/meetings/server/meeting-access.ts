// Who may do what with a committee's meetings — decided from the meeting's committee,
// never from ids the client sends:
// - the nämndsekreterare of the committee edits meetings, agenda, decisions and minutes;
// - the ordförande and justerare named on the minutes approve (justera) them, and only
//   while they still hold that role in the committee;
// - everyone with a case-reading role in the committee, its förvaltning or a department
//   of it reads meetings (a membership in a unit covers the units below it); an item whose
//   case is confidential is masked for readers who may not read that case (confidential-items.ts).
import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth";
import type { Tx } from "@/server/db";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export type CommitteeScope = {
  committeeId: string;
  municipalityId: string;
  administrationIds: string[];
  departmentIds: string[];
};

const READERS: Role[] = ["CASE_OFFICER", "REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR", "COMMITTEE_SECRETARY", "CHAIR", "MINUTES_CHECKER"];

const holdsRoleInCommitteeTree = (actor: Actor, roles: readonly Role[], scope: CommitteeScope): boolean =>
  actor.memberships.some((membership) => {
    if (!roles.includes(membership.role)) return false;
    switch (membership.unitType) {
      case "MUNICIPALITY":
        return membership.unitId === scope.municipalityId;
      case "COMMITTEE":
        return membership.unitId === scope.committeeId;
      case "ADMINISTRATION":
        return scope.administrationIds.includes(membership.unitId);
      case "DEPARTMENT":
        return scope.departmentIds.includes(membership.unitId);
    }
  });

/** Roles that only make sense for the committee itself (not its förvaltning): secretary, chair, checker. */
const holdsCommitteeRole = (actor: Actor, role: Role, scope: CommitteeScope): boolean =>
  actor.memberships.some(
    (membership) =>
      membership.role === role &&
      ((membership.unitType === "COMMITTEE" && membership.unitId === scope.committeeId) ||
        (membership.unitType === "MUNICIPALITY" && membership.unitId === scope.municipalityId)),
  );

export const canReadMeetings = (actor: Actor, scope: CommitteeScope): boolean => holdsRoleInCommitteeTree(actor, READERS, scope);

export const canEditMeetings = (actor: Actor, scope: CommitteeScope): boolean => holdsCommitteeRole(actor, "COMMITTEE_SECRETARY", scope);

/**
 * Ordförande and justerare of the committee read every item in full, confidential cases too:
 * they must read what they justera, and the elected members have tystnadsplikt.
 */
export const holdsJusteringRole = (actor: Actor, scope: CommitteeScope): boolean =>
  holdsCommitteeRole(actor, "CHAIR", scope) || holdsCommitteeRole(actor, "MINUTES_CHECKER", scope);

/** The named approver must still hold the role the minutes name them in. */
export const canApproveMinutesAs = (actor: Actor, role: "CHAIR" | "MINUTES_CHECKER", scope: CommitteeScope): boolean =>
  holdsCommitteeRole(actor, role, scope);

export const loadCommitteeScope = async (client: Tx | typeof db, committeeId: string): Promise<CommitteeScope | null> => {
  const committee = await client.committee.findUnique({
    where: { id: committeeId },
    select: { id: true, municipalityId: true, administrations: { select: { id: true, departments: { select: { id: true } } } } },
  });
  if (!committee) return null;
  return {
    committeeId: committee.id,
    municipalityId: committee.municipalityId,
    administrationIds: committee.administrations.map((administration) => administration.id),
    departmentIds: committee.administrations.flatMap((administration) => administration.departments.map((department) => department.id)),
  };
};

const NOT_FOUND_MESSAGE = "Sammanträdet finns inte, eller så saknar du behörighet att se det.";

/** Unknown and unreadable look the same (no leak of which meetings exist). */
export const assertCanRead = (actor: Actor, scope: CommitteeScope | null): CommitteeScope => {
  if (!scope || !canReadMeetings(actor, scope)) throw new AppError("NOT_FOUND", "Meeting not found or not readable", { userMessage: NOT_FOUND_MESSAGE });
  return scope;
};

/** Readers who are not the committee's secretary get FORBIDDEN; others NOT_FOUND. */
export const assertCanEdit = (actor: Actor, scope: CommitteeScope | null): CommitteeScope => {
  const readable = assertCanRead(actor, scope);
  if (!canEditMeetings(actor, readable)) {
    throw new AppError("FORBIDDEN", "Only the committee's secretary edits meetings", {
      userMessage: "Endast nämndsekreteraren för nämnden kan ändra sammanträden, föredragningslistor och protokoll.",
    });
  }
  return readable;
};

/** Committees whose meetings the actor may read (for the meeting plan's committee picker). */
export const readableCommitteeIds = async (actor: Actor): Promise<string[]> => {
  const committees = await db.committee.findMany({
    select: { id: true, municipalityId: true, administrations: { select: { id: true, departments: { select: { id: true } } } } },
    orderBy: { name: "asc" },
  });
  return committees
    .filter((committee) =>
      canReadMeetings(actor, {
        committeeId: committee.id,
        municipalityId: committee.municipalityId,
        administrationIds: committee.administrations.map((administration) => administration.id),
        departmentIds: committee.administrations.flatMap((administration) => administration.departments.map((department) => department.id)),
      }),
    )
    .map((committee) => committee.id);
};
