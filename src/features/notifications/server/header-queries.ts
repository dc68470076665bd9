// What the app header shows on every signed-in page, read in ONE query from the user's row:
// the unread count and newest notifications, and the navigation counts of "Att attestera"
// (statement steps waiting for the actor in turn, on cases the actor may read) and "Att justera"
// (minutes steps waiting for the actor, in committees the actor may read). The counts agree
// with the start page's lists (listAttestInbox, listJusteringInbox); start-page.integration.test.ts
// compares them.
import "server-only";
import { stepInTurn } from "@/lib/attestation-turn";
import { hasRole, type Actor } from "@/server/auth/actor";
import { readableCasesWhere, readableCommitteesWhere } from "@/server/authz";
import { db } from "@/server/db";

export const HEADER_NOTIFICATIONS = 10;

export type HeaderNotification = { id: string; title: string; link: string | null; readAt: Date | null; createdAt: Date };

export type HeaderData = {
  unread: number;
  notifications: HeaderNotification[];
  /** Null when the actor has no "Att attestera" (no avdelningschef or förvaltningschef role). */
  attestCount: number | null;
  /** Null when the actor has no "Att justera" (no ordförande or justerare role). */
  justeringCount: number | null;
};

export const loadHeader = async (actor: Actor): Promise<HeaderData> => {
  const attester = hasRole(actor, "DEPARTMENT_HEAD", "DIRECTOR");
  const justerare = hasRole(actor, "CHAIR", "MINUTES_CHECKER");
  // Minutes out for justering in committees the actor may read; a step of a minutes request is
  // assigned to that minutes' ordförande or justerare, who cannot change while it is out (meeting-guards.ts).
  const readableMinutes = { where: { status: "IN_APPROVAL" as const, meeting: { committee: readableCommitteesWhere(actor) } }, select: { id: true } };
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      notifications: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: HEADER_NOTIFICATIONS,
        select: { id: true, title: true, link: true, readAt: true, createdAt: true },
      },
      _count: { select: { notifications: { where: { readAt: null } } } },
      attestationSteps: {
        where: {
          status: "WAITING",
          request: {
            status: "PENDING",
            OR: [...(attester ? [{ subjectType: "STATEMENT" as const, case: readableCasesWhere(actor) }] : []), ...(justerare ? [{ subjectType: "MINUTES" as const }] : [])],
          },
        },
        select: { position: true, request: { select: { subjectType: true, subjectId: true, order: true, steps: { select: { position: true, status: true } } } } },
      },
      minutesAsChair: justerare ? readableMinutes : false,
      minutesAsChecker: justerare ? readableMinutes : false,
    },
  });
  const minutesIds = new Set([...(user.minutesAsChair ?? []), ...(user.minutesAsChecker ?? [])].map((minutes) => minutes.id));
  const statementSteps = user.attestationSteps.filter((step) => step.request.subjectType === "STATEMENT");
  const minutesSteps = user.attestationSteps.filter((step) => step.request.subjectType === "MINUTES");
  return {
    unread: user._count.notifications,
    notifications: user.notifications,
    attestCount: attester ? statementSteps.filter((step) => stepInTurn(step.request, step.position)).length : null,
    justeringCount: justerare ? minutesSteps.filter((step) => minutesIds.has(step.request.subjectId)).length : null,
  };
};
