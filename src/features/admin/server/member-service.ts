// Ledamöter and ersättare of a committee, one row per term of office. Members are added,
// changed and their term ended (never deleted: attendance and votes of past meetings refer to
// them); a whole new term is imported from CSV, all rows or none.
import "server-only";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { adminMunicipalityOf, assertAdminOf, membershipInMunicipalityWhere } from "@/server/authz";
import { formatDateOnly, isoDateToDb } from "@/lib/dates";
import { formatTerm } from "../committees";
import { parseMemberCsv, type MemberCsvRow } from "../member-csv";
import type { TCreateMember, TEndMemberTerm, TImportMembers, TMemberRow, TUpdateMember } from "../schemas";
import type { AdminWriteOptions } from "./organisation-service";
import { fieldError, staleWrite } from "./write-helpers";

const COMMITTEE_NOT_FOUND = "Nämnden finns inte.";

/** The committee, checked to lie in a municipality the actor administers. */
const loadCommittee = async (client: Tx | typeof db, actor: Actor, committeeId: string) => {
  adminMunicipalityOf(actor);
  const committee = await client.committee.findUnique({ where: { id: committeeId }, select: { id: true, name: true, municipalityId: true } });
  if (!committee) throw new AppError("NOT_FOUND", `Committee ${committeeId} not found`, { userMessage: COMMITTEE_NOT_FOUND });
  assertAdminOf(actor, committee.municipalityId);
  return committee;
};

type Term = { termStart: Date; termEnd: Date | null };

const toTerm = (row: { termStart: string; termEnd?: string | undefined }): Term => ({ termStart: isoDateToDb(row.termStart), termEnd: row.termEnd ? isoDateToDb(row.termEnd) : null });

const overlaps = (a: Term, b: Term): boolean => (a.termEnd === null || a.termEnd >= b.termStart) && (b.termEnd === null || b.termEnd >= a.termStart);

/** The same person (by name) already holds a seat in the committee for part of the term. */
const overlapProblem = async (tx: Tx, committeeId: string, name: string, term: Term, exceptId?: string): Promise<string | null> => {
  const rows = await tx.committeeMember.findMany({ where: { committeeId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  const clash = rows.find((row) => overlaps(row, term));
  return clash ? `${name} finns redan i nämnden under en del av perioden (${formatTerm(clash)}).` : null;
};

const unknownUsername = (username: string) => `Användarnamnet "${username}" finns inte i kommunen.`;

/** The account a member's username names, which must belong to the committee's municipality; null without a username. */
const linkedUserId = async (tx: Tx, username: string | undefined, municipalityId: string): Promise<string | null> => {
  if (!username) return null;
  const found = await tx.user.findFirst({ where: { username: username.toLowerCase(), memberships: { some: membershipInMunicipalityWhere(municipalityId) } }, select: { id: true } });
  if (!found) throw fieldError("VALIDATION", "username", unknownUsername(username));
  return found.id;
};

const memberData = (input: Omit<TCreateMember, "committeeId" | "username">, userId: string | null) => ({
  name: input.name,
  party: input.party ?? null,
  role: input.role,
  email: input.email ?? null,
  phone: input.phone ?? null,
  userId,
  ...toTerm(input),
});

export const createMember = async ({ actor, input }: AdminWriteOptions<TCreateMember>) =>
  db.$transaction(async (tx) => {
    const committee = await loadCommittee(tx, actor, input.committeeId);
    const data = memberData(input, await linkedUserId(tx, input.username, committee.municipalityId));
    const overlap = await overlapProblem(tx, committee.id, input.name, data);
    if (overlap) throw fieldError("CONFLICT", "name", overlap);
    const member = await tx.committeeMember.create({ data: { committeeId: committee.id, ...data } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "committee_member.create",
      entityType: "CommitteeMember",
      entityId: member.id,
      data: { name: member.name, committee: committee.name, role: member.role, term: formatTerm(member), linkedUser: member.userId !== null },
    });
    return { id: member.id };
  });

const loadMemberForWrite = async (tx: Tx, actor: Actor, id: string) => {
  const member = await tx.committeeMember.findUnique({ where: { id } });
  if (!member) throw new AppError("NOT_FOUND", `Member ${id} not found`, { userMessage: "Ledamoten finns inte." });
  const committee = await loadCommittee(tx, actor, member.committeeId);
  return { member, committee };
};

const auditView = (row: { name: string; party: string | null; role: string; termStart: Date; termEnd: Date | null; email: string | null; phone: string | null; userId: string | null }) => ({
  name: row.name,
  party: row.party,
  role: row.role,
  term: formatTerm(row),
  email: row.email,
  phone: row.phone,
  userId: row.userId,
});

export const updateMember = async ({ actor, input }: AdminWriteOptions<TUpdateMember>) =>
  db.$transaction(async (tx) => {
    const { member: before, committee } = await loadMemberForWrite(tx, actor, input.id);
    const data = memberData(input, await linkedUserId(tx, input.username, committee.municipalityId));
    const overlap = await overlapProblem(tx, committee.id, input.name, data, before.id);
    if (overlap) throw fieldError("CONFLICT", "name", overlap);
    const { count } = await tx.committeeMember.updateMany({ where: { id: before.id, updatedAt: input.updatedAt }, data });
    if (count === 0) throw staleWrite("CommitteeMember", before.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "committee_member.update",
      entityType: "CommitteeMember",
      entityId: before.id,
      data: { before: auditView(before), after: auditView({ ...data, name: input.name }) },
    });
  });

/** Ends a term on its last day (resignation, a new term): the member stays in earlier meetings' minutes. */
export const endMemberTerm = async ({ actor, input }: AdminWriteOptions<TEndMemberTerm>) =>
  db.$transaction(async (tx) => {
    const { member } = await loadMemberForWrite(tx, actor, input.id);
    const termEnd = isoDateToDb(input.termEnd);
    if (termEnd < member.termStart) throw fieldError("VALIDATION", "termEnd", `Uppdraget kan inte sluta före det började (${formatDateOnly(member.termStart)}).`);
    const { count } = await tx.committeeMember.updateMany({ where: { id: member.id, updatedAt: input.updatedAt }, data: { termEnd } });
    if (count === 0) throw staleWrite("CommitteeMember", member.id);
    await recordAudit(tx, { actorId: actor.id, action: "committee_member.end_term", entityType: "CommitteeMember", entityId: member.id, data: { name: member.name, termEnd: input.termEnd } });
  });

export type MemberImportPreview = {
  fileErrors: string[];
  rows: { line: number; name: string; party: string | null; role: TMemberRow["role"] | null; term: string; linkedUser: string | null; errors: string[] }[];
  valid: boolean;
};

type CheckedRow = MemberCsvRow & { userId: string | null; linkedUser: string | null };

/** Parses the file and checks each row against the database: linked usernames and overlapping terms. */
const checkImport = async (tx: Tx, committee: { id: string; municipalityId: string }, csv: string) => {
  const { fileErrors, rows } = parseMemberCsv(csv);
  const usernames = [...new Set(rows.flatMap((row) => (row.member?.username ? [row.member.username.toLowerCase()] : [])))];
  const users = await tx.user.findMany({
    where: { username: { in: usernames }, memberships: { some: membershipInMunicipalityWhere(committee.municipalityId) } },
    select: { id: true, username: true, name: true },
  });
  const byUsername = new Map(users.map((user) => [user.username, user]));
  const seen: { name: string; term: Term; line: number }[] = [];
  const checked: CheckedRow[] = [];
  for (const row of rows) {
    const errors = [...row.errors];
    let userId: string | null = null;
    let linkedUser: string | null = null;
    if (row.member) {
      const username = row.member.username?.toLowerCase();
      const user = username ? byUsername.get(username) : undefined;
      if (username && !user) errors.push(unknownUsername(row.member.username!));
      userId = user?.id ?? null;
      linkedUser = user ? `${user.name} (${user.username})` : null;
      const term = toTerm(row.member);
      const twin = seen.find((other) => other.name.toLocaleLowerCase("sv-SE") === row.member!.name.toLocaleLowerCase("sv-SE") && overlaps(other.term, term));
      if (twin) errors.push(`${row.member.name} står redan på rad ${twin.line} för samma period.`);
      const overlap = await overlapProblem(tx, committee.id, row.member.name, term);
      if (overlap) errors.push(overlap);
      seen.push({ name: row.member.name, term, line: row.line });
    }
    checked.push({ ...row, errors, userId, linkedUser });
  }
  return { fileErrors, rows: checked, valid: fileErrors.length === 0 && checked.every((row) => row.errors.length === 0) };
};

const toPreview = ({ fileErrors, rows, valid }: Awaited<ReturnType<typeof checkImport>>): MemberImportPreview => ({
  fileErrors,
  valid,
  rows: rows.map((row) => ({
    line: row.line,
    name: row.name,
    party: row.member?.party ?? null,
    role: row.member?.role ?? null,
    term: row.member ? formatTerm(toTerm(row.member)) : "",
    linkedUser: row.linkedUser,
    errors: row.errors,
  })),
});

/** What an import would save, with every row's problems; writes nothing. */
export const previewMemberImport = async ({ actor, input }: AdminWriteOptions<TImportMembers>): Promise<MemberImportPreview> =>
  db.$transaction(async (tx) => toPreview(await checkImport(tx, await loadCommittee(tx, actor, input.committeeId), input.csv)));

/** Saves every row of the file in one transaction, or nothing when any row is wrong. */
export const importMembers = async ({ actor, input }: AdminWriteOptions<TImportMembers>): Promise<{ count: number }> =>
  db.$transaction(async (tx) => {
    const committee = await loadCommittee(tx, actor, input.committeeId);
    // Two imports of the same file at once must not both pass the overlap check.
    await tx.$executeRaw`SELECT id FROM committee WHERE id = ${committee.id} FOR UPDATE`;
    const checked = await checkImport(tx, committee, input.csv);
    if (!checked.valid) {
      const problems = [...checked.fileErrors, ...checked.rows.flatMap((row) => row.errors.map((error) => `Rad ${row.line}: ${error}`))];
      throw new AppError("VALIDATION", "Member import has invalid rows", {
        userMessage: `Ingenting importerades. Rätta filen och försök igen: ${problems.slice(0, 5).join(" ")}${problems.length > 5 ? ` (och ${problems.length - 5} fel till)` : ""}`,
        fieldErrors: { csv: problems.slice(0, 20) },
      });
    }
    const data = checked.rows.map((row) => {
      const member = row.member!;
      return { committeeId: committee.id, ...memberData(member, row.userId) };
    });
    await tx.committeeMember.createMany({ data });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "committee_member.import",
      entityType: "Committee",
      entityId: committee.id,
      data: { committee: committee.name, count: data.length, members: data.map((row) => ({ name: row.name, role: row.role, term: formatTerm(row) })) },
    });
    return { count: data.length };
  });
