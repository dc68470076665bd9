// Who works a case and what is left to do on it, as the work lists read it: the responsible
// handläggare and the medhandläggare both count as the case's handläggare, and a motion
// registered without motionär or att-sats is marked "Komplettera" until it is completed.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { CaseStatus } from "@/generated/prisma/enums";
import { motionIncomplete } from "@/features/cases/schemas";
import type { CaseScope } from "@/server/authz";
import type { Actor } from "@/server/auth/actor";

/** Cases where the user is responsible handläggare or medhandläggare. */
export const caseOfficerOrCoOfficerWhere = (userId: string): Prisma.CaseWhereInput => ({ OR: [{ caseOfficerId: userId }, { coOfficerIds: { has: userId } }] });

export const isCaseOfficer = (actor: Actor, scope: CaseScope): boolean => scope.caseOfficerId === actor.id || scope.coOfficerIds.includes(actor.id);

/** Select as `motion` with the case. */
export const MOTION_COMPLETENESS_SELECT = { _count: { select: { authors: true, proposals: true } } } satisfies Prisma.MotionSelect;

export const motionToComplete = (row: { status: CaseStatus; motion: { _count: { authors: number; proposals: number } } | null }): boolean =>
  row.status === "OPEN" && row.motion !== null && motionIncomplete(row.motion._count);
