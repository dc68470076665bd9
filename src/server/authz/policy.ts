// Who may do what, in one place: `can(actor, action, resource)`, where the action names the
// resource kind ("case.read", "meeting.edit", "admin.manage" …) and the resource is the scope
// its loader read from the resource itself (scopes.ts). Every rule goes through the one
// unit-coverage rule (units.ts). The list filters next to `can` (readableCasesWhere,
// readableCommitteesWhere, administeredMunicipalityIds) are the same rules as database
// filters, so a list and a single-resource check cannot disagree
// (tests/integration/authz-agreement.integration.test.ts).
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import type { Tx } from "@/server/db";
import { loadUserAdminScope, type CaseScope, type CommitteeScope, type DocumentScope, type MunicipalityScope, type UserAdminScope } from "./scopes";
import { casesCoveredSql, casesCoveredWhere, chainScope, committeesCoveredWhere, holdsRoleCovering, type UnitChain, type UnitScope } from "./units";

/** Everyone who works with a unit's cases and meetings (not ADMIN: organisation is not content). */
const READERS: readonly Role[] = ["CASE_OFFICER", "REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR", "COMMITTEE_SECRETARY", "CHAIR", "MINUTES_CHECKER"];

/** Confidential content: those who work the case, not every committee member. */
const CONFIDENTIAL_READERS: readonly Role[] = ["REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR", "COMMITTEE_SECRETARY"];

/** A registrator of the committee, or a handläggare/avdelningschef of the chosen department. */
export const REGISTERING_ROLES: readonly Role[] = ["REGISTRAR", "CASE_OFFICER", "DEPARTMENT_HEAD"];

export type CaseAction =
  | "case.read"
  | "case.readConfidential"
  | "case.edit"
  | "case.addDocument"
  | "case.reassign"
  | "case.close"
  | "case.misregister"
  | "statement.edit"
  | "statement.send"
  | "referral.manage";

/** Roles (within the case's units) that may perform an action; the case's own handläggare is handled separately. */
const CASE_ROLES: Record<CaseAction, readonly Role[]> = {
  "case.read": READERS,
  "case.readConfidential": CONFIDENTIAL_READERS,
  "case.edit": ["REGISTRAR", "DEPARTMENT_HEAD"],
  "case.addDocument": ["REGISTRAR", "DEPARTMENT_HEAD", "COMMITTEE_SECRETARY"],
  "case.reassign": ["REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR"],
  "case.close": ["REGISTRAR", "DEPARTMENT_HEAD", "COMMITTEE_SECRETARY"],
  "case.misregister": ["REGISTRAR"],
  // Only the handläggare and the medhandläggare write the statement.
  "statement.edit": [],
  // Only the responsible handläggare sends it for attestation (and withdraws it).
  "statement.send": [],
  // Sending on remiss and following up the instances (answers, remisstid): the registrator and
  // avdelningschef of the sending case, and its own handläggare.
  "referral.manage": ["REGISTRAR", "DEPARTMENT_HEAD"],
};

/** The assigned (responsible) handläggare may do these on their own case. */
const CASE_OFFICER_ACTIONS: ReadonlySet<CaseAction> = new Set(["case.read", "case.readConfidential", "case.edit", "case.addDocument", "case.close", "statement.edit", "statement.send", "referral.manage"]);

/** A medhandläggare works on the case and writes the statement; the rest stays with the responsible one. */
const CO_OFFICER_ACTIONS: ReadonlySet<CaseAction> = new Set(["case.read", "case.readConfidential", "case.addDocument", "statement.edit"]);

export type CommitteeAction = "meeting.read" | "meeting.edit" | "minutes.readInFull" | "minutes.justera";

/** A department to register a case in: its chain up to the municipality. */
export type RegistrationScope = Required<UnitChain>;

/** What each action is checked against. */
export type Resources = { [A in CaseAction]: CaseScope } & { [A in Exclude<CommitteeAction, "minutes.justera">]: CommitteeScope } & {
  /** The named justerare must still hold the role the minutes name them in. */
  "minutes.justera": CommitteeScope & { as: "CHAIR" | "MINUTES_CHECKER" };
  "case.register": RegistrationScope;
  /** Entering a befintligt diarienummer (migrated records) is the registrator's. */
  "case.registerExistingNumber": RegistrationScope;
  /** "Inkomna remisser" of a committee: accepting a remiss into a new case, or sending it back. */
  "referral.receive": CommitteeScope;
  /** The content of a handling (its case readable; its own secrecy marking respected). */
  "document.read": DocumentScope;
  "admin.manage": MunicipalityScope;
  "user.manage": UserAdminScope;
  /** Creating municipalities: the installation itself, no resource. */
  "installation.manage": null;
  /** A municipality's settings (name, logo, public URL). */
  "municipality.configure": MunicipalityScope;
};

export type Action = keyof Resources;

const caseUnits = (scope: CaseScope): UnitScope => chainScope(scope);

/** The committee and everything under it: its förvaltningar's staff read its meetings. */
const committeeTree = (scope: CommitteeScope): UnitScope => ({
  municipalityId: scope.municipalityId,
  committeeIds: [scope.committeeId],
  administrationIds: scope.administrationIds,
  departmentIds: scope.departmentIds,
});

/** Roles that only make sense for the committee itself (secretary, chair, justerare): not its förvaltning. */
const committeeItself = (scope: CommitteeScope): UnitScope => chainScope({ municipalityId: scope.municipalityId, committeeId: scope.committeeId });

const canOnCase = (actor: Actor, action: CaseAction, scope: CaseScope): boolean => {
  if (scope.caseOfficerId === actor.id && CASE_OFFICER_ACTIONS.has(action)) return true;
  if (scope.coOfficerIds.includes(actor.id) && CO_OFFICER_ACTIONS.has(action)) return true;
  const units = caseUnits(scope);
  // Reading a confidential case at all requires the confidential-reader roles.
  const readers = scope.confidential ? CONFIDENTIAL_READERS : READERS;
  return holdsRoleCovering(actor, readers, units) && holdsRoleCovering(actor, CASE_ROLES[action], units);
};

const caseRule = (action: CaseAction) => (actor: Actor, scope: CaseScope) => canOnCase(actor, action, scope);

const RULES: { [A in Action]: (actor: Actor, resource: Resources[A]) => boolean } = {
  "case.read": caseRule("case.read"),
  "case.readConfidential": caseRule("case.readConfidential"),
  "case.edit": caseRule("case.edit"),
  "case.addDocument": caseRule("case.addDocument"),
  "case.reassign": caseRule("case.reassign"),
  "case.close": caseRule("case.close"),
  "case.misregister": caseRule("case.misregister"),
  "statement.edit": caseRule("statement.edit"),
  "statement.send": caseRule("statement.send"),
  "referral.manage": caseRule("referral.manage"),
  // The registrators who register the committee's cases (at the committee or its förvaltning).
  "referral.receive": (actor, scope) => holdsRoleCovering(actor, ["REGISTRAR"], committeeTree(scope)),
  "case.register": (actor, scope) => holdsRoleCovering(actor, REGISTERING_ROLES, chainScope(scope)),
  "case.registerExistingNumber": (actor, scope) => holdsRoleCovering(actor, ["REGISTRAR"], chainScope(scope)),
  "document.read": (actor, document) => canOnCase(actor, "case.read", document.case) && (!document.confidential || canOnCase(actor, "case.readConfidential", document.case)),
  "meeting.read": (actor, scope) => holdsRoleCovering(actor, READERS, committeeTree(scope)),
  "meeting.edit": (actor, scope) => holdsRoleCovering(actor, ["COMMITTEE_SECRETARY"], committeeItself(scope)),
  // They must read what they justera, and the elected members have tystnadsplikt.
  "minutes.readInFull": (actor, scope) => holdsRoleCovering(actor, ["CHAIR", "MINUTES_CHECKER"], committeeItself(scope)),
  "minutes.justera": (actor, scope) => holdsRoleCovering(actor, [scope.as], committeeItself(scope)),
  "admin.manage": (actor, { municipalityId }) => holdsRoleCovering(actor, ["ADMIN"], chainScope({ municipalityId })),
  "installation.manage": (actor) => actor.installationAdmin === true,
  // Its own administrators, and the installation administrator who set it up.
  "municipality.configure": (actor, scope) => can(actor, "installation.manage", null) || can(actor, "admin.manage", scope),
  // Changing a user affects all their roles: the actor must administer every municipality of them.
  "user.manage": (actor, { municipalityIds }) => municipalityIds.length > 0 && municipalityIds.every((municipalityId) => can(actor, "admin.manage", { municipalityId })),
};

export const can = <A extends Action>(actor: Actor, action: A, resource: Resources[A]): boolean => RULES[action](actor, resource);

// ─── The same rules as list filters ─────────────────────────────────────────

/** Whether "a medhandläggare of the case" can match for the actor: not when the actor read says they are medhandläggare of no case. */
const mayBeCoOfficer = (actor: Actor): boolean => actor.coOfficer !== false;

/** The alternatives of `can(actor, "case.read", …)`, with `coOfficer` the form of "a medhandläggare of the case" the caller asks. */
const readableCaseAlternatives = (actor: Actor, coOfficer: Prisma.CaseWhereInput): Prisma.CaseWhereInput[] => {
  const confidentialCaseReaders = casesCoveredWhere(actor, CONFIDENTIAL_READERS);
  // As readableCaseBranchesSql: a unit's public cases are left out where the actor reads all of
  // its cases (an avdelningschef, a förvaltningsdirektör), not asked a second, slower way.
  const readsAll = new Set(confidentialCaseReaders.map((covered) => JSON.stringify(covered)));
  const publicOnly = casesCoveredWhere(actor, READERS).filter((covered) => !readsAll.has(JSON.stringify(covered)));
  return [{ caseOfficerId: actor.id }, ...(mayBeCoOfficer(actor) ? [coOfficer] : []), ...publicOnly.map((covered) => ({ secrecyReference: null, ...covered })), ...confidentialCaseReaders];
};

/**
 * The alternatives of `readableCasesWhere`, each on its own: "has a readable case" is
 * fastest asked once per alternative (`OR: branches.map((branch) => ({ cases: { some: branch } }))`),
 * as each is then one index probe where the whole disjunction scans every case. A
 * medhandläggare's cases are probed from case_co_officer (by user), joined to the case.
 */
export const readableCaseBranches = (actor: Actor): Prisma.CaseWhereInput[] => readableCaseAlternatives(actor, { coOfficers: { some: { userId: actor.id } } });

/**
 * `can(actor, "case.read", …)` as a database filter for lists. A medhandläggare's
 * cases by the case row's co_officer_ids (GIN): each alternative is then an index a bitmap can
 * OR, where a relation filter is an EXISTS asked of every case a list walks in its order.
 */
export const readableCasesWhere = (actor: Actor): Prisma.CaseWhereInput => ({ OR: readableCaseAlternatives(actor, { coOfficerIds: { has: actor.id } }) });

/**
 * `readableCasesWhere` within some committees. A committee whose every case the actor reads (a
 * confidential reader of the committee itself, or above it) is asked by its id alone: the
 * planner takes a committee asked twice (here and in the actor's alternatives) for two
 * independent conditions, expects a seventh of the rows and walks all of them.
 */
export const readableCasesInCommitteesWhere = (actor: Actor, committees: readonly CommitteeScope[]): Prisma.CaseWhereInput => {
  const whole: string[] = [];
  const partly: string[] = [];
  for (const committee of committees) (holdsRoleCovering(actor, CONFIDENTIAL_READERS, committeeItself(committee)) ? whole : partly).push(committee.committeeId);
  return {
    OR: [...(whole.length > 0 ? [{ committeeId: { in: whole } }] : []), ...(partly.length > 0 ? [{ AND: [{ committeeId: { in: partly } }, readableCasesWhere(actor)] }] : [])],
  };
};

const anyOf = (conditions: Prisma.Sql[]): Prisma.Sql => (conditions.length > 0 ? Prisma.sql`(${Prisma.join(conditions, " OR ")})` : Prisma.sql`FALSE`);

const caseOfficerSql = (userId: string, c: Prisma.Sql): Prisma.Sql => Prisma.sql`${c}.case_officer_id = ${userId}::uuid`;
// From case_co_officer by user: a search asks each branch through its own index, and the
// GIN index on co_officer_ids is estimated at hundreds of cases where a user has a few.
const coOfficerSql = (userId: string, c: Prisma.Sql): Prisma.Sql => Prisma.sql`EXISTS (SELECT 1 FROM case_co_officer co WHERE co.case_id = ${c}.id AND co.user_id = ${userId}::uuid)`;

/** The user is the case's handläggare or a medhandläggare, in SQL on the case row `c` (`isCaseOfficer`, `caseOfficerOrCoOfficerWhere`). */
export const worksOnCaseSql = (userId: string, c: Prisma.Sql): Prisma.Sql => anyOf([caseOfficerSql(userId, c), coOfficerSql(userId, c)]);

/** `worksOnCaseSql` for the actor, as alternatives: without the medhandläggare one when the actor is medhandläggare of no case. */
const actorWorksOnCaseSql = (actor: Actor, c: Prisma.Sql): Prisma.Sql[] => [caseOfficerSql(actor.id, c), ...(mayBeCoOfficer(actor) ? [coOfficerSql(actor.id, c)] : [])];

/**
 * The alternatives of `readableCasesSql`, each on its own and none implied by another (a
 * unit's public cases are left out where the actor reads all of that unit's cases): a query
 * that wants the newest readable rows asks each alternative through its own index (the case's
 * committee, department or handläggare with `created_at, id`) and merges them, where the
 * disjunction walks every case and drops those it may not read (search).
 */
export const readableCaseBranchesSql = (actor: Actor, c: Prisma.Sql): Prisma.Sql[] => {
  const confidential = casesCoveredSql(actor, CONFIDENTIAL_READERS, c);
  const key = (condition: Prisma.Sql) => JSON.stringify([condition.sql, condition.values]);
  const readsAll = new Set(confidential.map(key));
  const publicOnly = casesCoveredSql(actor, READERS, c).filter((condition) => !readsAll.has(key(condition)));
  return [...actorWorksOnCaseSql(actor, c), ...publicOnly.map((condition) => Prisma.sql`(${c}.secrecy_reference IS NULL AND ${condition})`), ...confidential];
};

/** `readableCasesWhere` as an SQL condition on the case row `c`, for raw queries (search). */
export const readableCasesSql = (actor: Actor, c: Prisma.Sql): Prisma.Sql => anyOf(readableCaseBranchesSql(actor, c));

/** `can(actor, "case.readConfidential", …)` as an SQL condition on the case row `c`: who may read its confidential handlingar. */
export const confidentialReadableCasesSql = (actor: Actor, c: Prisma.Sql): Prisma.Sql => anyOf([...actorWorksOnCaseSql(actor, c), ...casesCoveredSql(actor, CONFIDENTIAL_READERS, c)]);

/** `can(actor, "meeting.read", …)` as a database filter on committees (an empty OR matches nothing). */
export const readableCommitteesWhere = (actor: Actor): Prisma.CommitteeWhereInput => ({ OR: committeesCoveredWhere(actor, READERS) });

/** The municipalities where `can(actor, "admin.manage", …)`, in membership order. */
export const administeredMunicipalityIds = (actor: Actor): string[] =>
  [...new Set(actor.memberships.map((membership) => membership.unitId))].filter((municipalityId) => can(actor, "admin.manage", { municipalityId }));

/** Membership rows in a municipality's units: the users an admin of that municipality lists. */
export const membershipInMunicipalityWhere = (municipalityId: string): Prisma.MembershipWhereInput => ({
  OR: [{ municipalityId }, { committee: { municipalityId } }, { administration: { municipalityId } }, { department: { administration: { municipalityId } } }],
});

// ─── Refusals ───────────────────────────────────────────────────────────────

type GatedAction = CaseAction | CommitteeAction;

type ReadGate = "case.read" | "meeting.read";

/** What an actor must be able to do before a refusal may say that the resource exists. */
const READ_GATE: Record<GatedAction, ReadGate> = {
  "case.read": "case.read",
  "case.readConfidential": "case.read",
  "case.edit": "case.read",
  "case.addDocument": "case.read",
  "case.reassign": "case.read",
  "case.close": "case.read",
  "case.misregister": "case.read",
  "statement.edit": "case.read",
  "statement.send": "case.read",
  "referral.manage": "case.read",
  "meeting.read": "meeting.read",
  "meeting.edit": "meeting.read",
  "minutes.readInFull": "meeting.read",
  "minutes.justera": "meeting.read",
};

const NOT_FOUND_MESSAGES: Record<ReadGate, string> = {
  "case.read": "Ärendet finns inte, eller så saknar du behörighet att se det.",
  "meeting.read": "Sammanträdet finns inte, eller så saknar du behörighet att se det.",
};

export type RefusalMessages = { notFound?: string; forbidden?: string };

/** The refusal for an unknown resource, the same as for one the actor may not read. */
export const unknownResource = (action: GatedAction, messages: RefusalMessages = {}): AppError => {
  const gate = READ_GATE[action];
  return new AppError("NOT_FOUND", `${gate} refused: unknown or unreadable`, { userMessage: messages.notFound ?? NOT_FOUND_MESSAGES[gate] });
};

/**
 * Throws unless `can(actor, action, resource)`. Unknown (null) and unreadable resources look
 * the same (NOT_FOUND: no leak of what exists); a reader who may not do more gets FORBIDDEN.
 */
export const authorize = <A extends GatedAction>(actor: Actor, action: A, resource: Resources[A] | null, messages: RefusalMessages = {}): Resources[A] => {
  // The gate takes the same resource as the action (a case scope, or a committee scope).
  if (!resource || !can<ReadGate>(actor, READ_GATE[action], resource as Resources[ReadGate])) throw unknownResource(action, messages);
  if (!can(actor, action, resource)) throw new AppError("FORBIDDEN", `${action} refused for actor ${actor.id}`, { userMessage: messages.forbidden });
  return resource;
};

/** Throws FORBIDDEN unless the actor administers the municipality. */
export const assertAdminOf = (actor: Actor, municipalityId: string): void => {
  if (!can(actor, "admin.manage", { municipalityId })) throw new AppError("FORBIDDEN", `Actor ${actor.id} is not ADMIN of municipality ${municipalityId}`);
};

/**
 * The municipality the admin pages work on: the one the actor administers (users belong to
 * one municipality). FORBIDDEN for everyone else; never a silent pick among several.
 */
export const adminMunicipalityOf = (actor: Actor): string => {
  const [municipalityId, ...others] = administeredMunicipalityIds(actor);
  if (!municipalityId) throw new AppError("FORBIDDEN", `Actor ${actor.id} administers no municipality`);
  if (others.length > 0) {
    throw new AppError("INVALID_STATE", `Actor ${actor.id} administers several municipalities`, {
      userMessage: "Ditt konto är administratör i flera kommuner. Ett konto hör till en kommun: be installationens administratör rätta det.",
    });
  }
  return municipalityId;
};

/**
 * A user is managed by the admins of the municipalities they hold roles in; a user with no
 * role at all belongs to nobody and is NOT_FOUND here.
 */
export const assertManagesUser = async (tx: Tx, actor: Actor, userId: string): Promise<void> => {
  const scope = await loadUserAdminScope(tx, userId);
  if (!scope) throw new AppError("NOT_FOUND", `User ${userId} not found`);
  if (scope.municipalityIds.length === 0) throw new AppError("NOT_FOUND", `User ${userId} holds no role in any municipality`);
  if (!can(actor, "user.manage", scope)) throw new AppError("FORBIDDEN", `Actor ${actor.id} does not administer every municipality of user ${userId}`);
};
