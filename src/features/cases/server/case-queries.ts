// Read models for the case pages. Authorization comes from the case itself.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { CaseKind, CaseStatus, DeadlineKind, MotionProposedAction } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { CASE_HISTORY_PAGE_SIZE, caseHistoryHref, describeAuditHistory, type AuditHistoryEntry } from "@/server/audit-actions";
import { AppError } from "@/server/errors";
import { authorize, can, chainScope, findCaseWithScope, membershipCovers, membershipRowUnit, toCaseScope, type CaseScope, type CaseScopeRow } from "@/server/authz";
import { caseOfficerWhere, coOfficerCandidatesWhere } from "./case-officers";
import { motionIncomplete } from "../schemas";
import { formatDateOnly, todayInStockholm } from "@/lib/dates";
import { MOTION_COMMITTEE_KINDS } from "@/features/admin/committees";

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "sv");

/** KLASSA codes in numeric order: 1.2 before 1.10. */
const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, "sv", { numeric: true });

export type RegistrationOptions = {
  committees: {
    id: string;
    name: string;
    shortName: string;
    hasSeries: boolean;
    /** Kommunfullmäktige and kommunstyrelsen register motions; other committees a remiss of one. */
    registersMotions: boolean;
    /** The series' format when the actor may enter a befintligt diarienummer (registrator), else null. */
    existingNumberFormat: string | null;
    departments: { id: string; name: string; caseOfficers: { id: string; name: string }[] }[];
  }[];
  classifications: { id: string; code: string; title: string }[];
  today: string;
};

/** What the registration form offers the actor: only committees and departments where they may register. */
export const getRegistrationOptions = async (actor: Actor): Promise<RegistrationOptions> => {
  const [committees, officerMemberships] = await Promise.all([
    db.committee.findMany({
      include: { registrySeries: { select: { id: true, format: true } }, administrations: { include: { departments: true } } },
      orderBy: { name: "asc" },
    }),
    db.membership.findMany({
      where: { role: "CASE_OFFICER", user: { disabledAt: null } },
      select: { municipalityId: true, committeeId: true, administrationId: true, departmentId: true, user: { select: { id: true, name: true } } },
    }),
  ]);
  const result: RegistrationOptions["committees"] = [];
  for (const committee of committees) {
    const registrable = committee.administrations
      .flatMap((administration) => administration.departments.map((department) => ({ department, administration })))
      .map(({ department, administration }) => ({
        department,
        scope: { municipalityId: committee.municipalityId, committeeId: committee.id, administrationId: administration.id, departmentId: department.id },
      }))
      .filter(({ scope }) => can(actor, "case.register", scope));
    const departments = registrable
      .map(({ department, scope }) => {
        const officers = new Map<string, { id: string; name: string }>();
        for (const membership of officerMemberships) {
          const unit = membershipRowUnit(membership);
          if (unit && membershipCovers(unit, chainScope(scope))) officers.set(membership.user.id, membership.user);
        }
        return { id: department.id, name: department.name, caseOfficers: [...officers.values()].sort(byName) };
      })
      .sort(byName);
    if (departments.length > 0) {
      const existingNumbers = registrable.some(({ scope }) => can(actor, "case.registerExistingNumber", scope));
      result.push({
        id: committee.id,
        name: committee.name,
        shortName: committee.shortName,
        hasSeries: Boolean(committee.registrySeries),
        registersMotions: MOTION_COMMITTEE_KINDS.includes(committee.kind),
        existingNumberFormat: existingNumbers ? (committee.registrySeries?.format ?? null) : null,
        departments,
      });
    }
  }
  const municipalityIds = [...new Set(committees.filter((committee) => result.some((item) => item.id === committee.id)).map((committee) => committee.municipalityId))];
  const classifications = await db.classification.findMany({
    where: { municipalityId: { in: municipalityIds }, active: true },
    select: { id: true, code: true, title: true },
  });
  return { committees: result, classifications: classifications.sort(byCode), today: todayInStockholm() };
};

export type CaseDetails = {
  id: string;
  caseNumber: string;
  title: string;
  kind: CaseKind;
  status: CaseStatus;
  version: number;
  committee: { name: string; shortName: string };
  department: { name: string };
  caseOfficer: { id: string; name: string; title: string | null; phone: string | null };
  coOfficers: { id: string; name: string }[];
  classification: { code: string; title: string } | null;
  referringBody: string | null;
  referringCaseNumber: string | null;
  receivedDate: string;
  dueDate: string | null;
  today: string;
  secrecy: { reference: string; reason: string | null; decidedBy: string | null; decidedAt: Date | null } | null;
  closedAt: Date | null;
  closedReason: string | null;
  motion: {
    number: string | null;
    title: string;
    raisedDate: string;
    authors: { name: string; party: string | null }[];
    proposals: string[];
    /** Open and lacking motionär or att-sats: "Komplettera". */
    toComplete: boolean;
    proposal: { action: MotionProposedAction; by: string | null; to: string | null; date: string | null } | null;
  } | null;
  openDeadlines: { id: string; kind: DeadlineKind; dueDate: string; description: string }[];
  /** The newest entries of the case's history (at most CASE_PAGE_EVENTS), oldest first. */
  events: AuditHistoryEntry[];
  /** All events of the case, and whether `events` tells them all. */
  eventCount: number;
  allEventsShown: boolean;
  /** The page of "Händelser" with the newest events. */
  historyHref: string;
  permissions: { reassign: boolean; close: boolean; misregister: boolean; editMotion: boolean };
  reassignCandidates: { id: string; name: string }[];
  coOfficerCandidates: { id: string; name: string }[];
};

const notFound = (caseId: string) => new AppError("NOT_FOUND", `Case ${caseId} not found or not readable`);

/** Entries of the history the case page shows; "Händelser" has them all. */
export const CASE_PAGE_EVENTS = 10;
/** At most this many events are read for them (a run of saves longer than that is cut, see latestHistory). */
const CASE_PAGE_EVENTS_READ = 1000;

/**
 * The newest entries of a case's history, oldest first, and whether they tell all of it. An
 * entry is an event, or a run of one person's saves of the statement (saved as it is written,
 * every few seconds): the events read are the CASE_PAGE_EVENTS newest that are not saves and
 * every save since the oldest of them, so each run shown is whole. Only a run longer than
 * CASE_PAGE_EVENTS_READ is cut, and its oldest part left out unless it is all there is to show.
 */
const latestHistory = async (caseId: string, total: number): Promise<Pick<CaseDetails, "events" | "eventCount" | "allEventsShown" | "historyHref">> => {
  const newestFirst = await db.$queryRaw<{ seq: bigint; action: string; data: Prisma.JsonValue; createdAt: Date; actorName: string | null }[]>`
    WITH latest AS (
      SELECT seq FROM audit_event WHERE case_id = ${caseId}::uuid AND action <> 'statement.save' ORDER BY seq DESC LIMIT ${CASE_PAGE_EVENTS}
    )
    SELECT e.seq, e.action, e.data, e.created_at AS "createdAt", u.name AS "actorName"
      FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
     WHERE e.case_id = ${caseId}::uuid
       AND e.seq >= CASE WHEN (SELECT count(*) FROM latest) < ${CASE_PAGE_EVENTS} THEN 0 ELSE (SELECT min(seq) FROM latest) END
     ORDER BY e.seq DESC
     LIMIT ${CASE_PAGE_EVENTS_READ}`;
  const entries = describeAuditHistory(newestFirst.toReversed());
  const cut = newestFirst.length === CASE_PAGE_EVENTS_READ && total > CASE_PAGE_EVENTS_READ;
  const complete = cut && entries.length > 1 ? entries.slice(1) : entries;
  return {
    events: complete.slice(-CASE_PAGE_EVENTS),
    eventCount: total,
    allEventsShown: total === newestFirst.length && complete.length <= CASE_PAGE_EVENTS,
    historyHref: caseHistoryHref(caseId, Math.ceil(total / CASE_HISTORY_PAGE_SIZE)),
  };
};

/** What the case page reads of a case, its motion, open deadlines and how many events it has: one query (relation joins). */
const CASE_DETAILS_SELECT = {
  id: true,
  caseNumber: true,
  title: true,
  kind: true,
  status: true,
  version: true,
  referringBody: true,
  referringCaseNumber: true,
  receivedDate: true,
  dueDate: true,
  secrecyReason: true,
  secrecyDecidedAt: true,
  closedAt: true,
  closedReason: true,
  committee: { select: { municipalityId: true, name: true, shortName: true } },
  department: { select: { administrationId: true, name: true } },
  caseOfficer: { select: { id: true, name: true, title: true, phone: true } },
  coOfficers: { orderBy: [{ createdAt: "asc" }, { userId: "asc" }], select: { userId: true, user: { select: { id: true, name: true } } } },
  classification: { select: { code: true, title: true } },
  secrecyDecidedBy: { select: { name: true } },
  motion: {
    select: {
      number: true,
      title: true,
      raisedDate: true,
      proposedAction: true,
      proposedBy: true,
      proposedTo: true,
      proposedDate: true,
      authors: { orderBy: { position: "asc" }, select: { name: true, party: true } },
      proposals: { orderBy: { position: "asc" }, select: { text: true } },
    },
  },
  deadlines: { where: { completedAt: null }, orderBy: { dueDate: "asc" }, select: { id: true, kind: true, dueDate: true, description: true } },
  // How many events; the newest are read after (latestHistory), as a samlingsärende or a statement saved as it is written has thousands.
  _count: { select: { auditEvents: true } },
} satisfies Prisma.CaseSelect;

export type CaseDetailsOptions<S extends Prisma.CaseSelect> = {
  actor: Actor;
  caseId: string;
  /** More of the case for a page that shows it with another feature's part, read in the same query. */
  alsoSelect?: S;
};

/**
 * The case page's case, with the readable scope and the row of `alsoSelect`, so the page
 * authorizes and renders the rest from it without reading the case again.
 * NOT_FOUND both for a missing case and one the actor may not read.
 */
export const loadCaseDetails = async <S extends Prisma.CaseSelect = Record<never, never>>({
  actor,
  caseId,
  alsoSelect,
}: CaseDetailsOptions<S>): Promise<{ details: CaseDetails; scope: CaseScope; row: CaseScopeRow & Prisma.CaseGetPayload<{ select: S }> }> => {
  const row = await findCaseWithScope(db, caseId, { ...alsoSelect, ...CASE_DETAILS_SELECT } as typeof CASE_DETAILS_SELECT);
  if (!row) throw notFound(caseId);
  const scope = authorize(actor, "case.read", toCaseScope(row));

  const open = row.status === "OPEN";
  const permissions = {
    reassign: open && can(actor, "case.reassign", scope),
    close: open && can(actor, "case.close", scope),
    misregister: open && can(actor, "case.misregister", scope),
    editMotion: open && row.motion !== null && can(actor, "case.edit", scope),
  };
  const [candidates, coOfficerCandidates, history] = await Promise.all([
    permissions.reassign
      ? db.user.findMany({ where: { ...caseOfficerWhere(scope), id: { not: row.caseOfficerId } }, select: { id: true, name: true } })
      : Promise.resolve([]),
    permissions.reassign ? db.user.findMany({ where: await coOfficerCandidatesWhere(db, scope), select: { id: true, name: true } }) : Promise.resolve([]),
    latestHistory(row.id, row._count.auditEvents),
  ]);

  const details: CaseDetails = {
    id: row.id,
    caseNumber: row.caseNumber,
    title: row.title,
    kind: row.kind,
    status: row.status,
    version: row.version,
    committee: { name: row.committee.name, shortName: row.committee.shortName },
    department: { name: row.department.name },
    caseOfficer: row.caseOfficer,
    coOfficers: row.coOfficers.map((coOfficer) => coOfficer.user),
    classification: row.classification,
    referringBody: row.referringBody,
    referringCaseNumber: row.referringCaseNumber,
    receivedDate: formatDateOnly(row.receivedDate),
    dueDate: row.dueDate ? formatDateOnly(row.dueDate) : null,
    today: todayInStockholm(),
    secrecy: row.secrecyReference
      ? { reference: row.secrecyReference, reason: row.secrecyReason, decidedBy: row.secrecyDecidedBy?.name ?? null, decidedAt: row.secrecyDecidedAt }
      : null,
    closedAt: row.closedAt,
    closedReason: row.closedReason,
    motion: row.motion
      ? {
          number: row.motion.number,
          title: row.motion.title,
          raisedDate: formatDateOnly(row.motion.raisedDate),
          authors: row.motion.authors,
          proposals: row.motion.proposals.map((proposal) => proposal.text),
          toComplete: open && motionIncomplete({ authors: row.motion.authors.length, proposals: row.motion.proposals.length }),
          proposal: row.motion.proposedAction
            ? { action: row.motion.proposedAction, by: row.motion.proposedBy, to: row.motion.proposedTo, date: row.motion.proposedDate ? formatDateOnly(row.motion.proposedDate) : null }
            : null,
        }
      : null,
    // A closed or misregistered case watches nothing, also when an imported deadline was never completed.
    openDeadlines: row.status === "OPEN" ? row.deadlines.map((deadline) => ({ ...deadline, dueDate: formatDateOnly(deadline.dueDate) })) : [],
    ...history,
    permissions,
    reassignCandidates: candidates.sort(byName),
    coOfficerCandidates: coOfficerCandidates.sort(byName),
  };
  return { details, scope, row: row as unknown as CaseScopeRow & Prisma.CaseGetPayload<{ select: S }> };
};

/** The case page's case alone. */
export const getCaseDetails = async ({ actor, caseId }: { actor: Actor; caseId: string }): Promise<CaseDetails> => (await loadCaseDetails({ actor, caseId })).details;
