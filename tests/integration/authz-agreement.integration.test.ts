// The policy's list filters and its single-resource checks must never disagree: for every
// actor × resource, `can(…)` is true exactly when the resource is in the list the matching
// where-builder gives from the real database. Actors cover every level of the organisation,
// two municipalities, public and confidential cases.
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import {
  can,
  CASE_SCOPE_SELECT,
  chainScope,
  holdsRoleCovering,
  loadCommitteeScope,
  loadUserAdminScope,
  membershipInMunicipalityWhere,
  confidentialReadableCasesSql,
  readableCasesSql,
  readableCasesInCommitteesWhere,
  readableCasesWhere,
  readableCommitteesWhere,
  toCaseScope,
  usersCoveringWhere,
} from "@/server/authz";
import { createTestDatabase } from "../support/database";
import { setUpDiariumFixture } from "./diarium-fixtures";

const { db } = await createTestDatabase();
const fixture = await setUpDiariumFixture(db);

const ROLES: Role[] = ["CASE_OFFICER", "REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR", "COMMITTEE_SECRETARY", "CHAIR", "ADMIN"];
const UNITS = [
  { municipalityId: "stockholm" },
  { municipalityId: "goteborg" },
  { committeeId: "has" },
  { committeeId: "ks" },
  { committeeId: "gbg-kn" },
  { administrationId: "has-sdf" },
  { administrationId: "slk" },
  { departmentId: "has-ifo" },
  { departmentId: "sos-sos" },
  { departmentId: "gbg-avd" },
];

let actors: Actor[] = [];

beforeAll(async () => {
  // A second municipality with a committee, förvaltning, avdelning and a case of its own.
  await db.municipality.create({ data: { id: "goteborg", name: "Göteborgs stad", slug: "goteborg" } });
  await db.committee.create({ data: { id: "gbg-kn", municipalityId: "goteborg", name: "Kulturnämnden", shortName: "KN" } });
  await db.administration.create({ data: { id: "gbg-kf", municipalityId: "goteborg", committeeId: "gbg-kn", name: "Kulturförvaltningen" } });
  await db.department.create({ data: { id: "gbg-avd", administrationId: "gbg-kf", name: "Avdelningen för kultur" } });
  await db.registrySeries.create({ data: { id: "series-gbg-kn", committeeId: "gbg-kn", name: "Kulturnämnden", format: "{prefix} {year}/{seq}", prefix: "KN" } });

  let n = 0;
  for (const role of ROLES) {
    for (const unit of UNITS) {
      n += 1;
      await db.user.create({ data: { username: `authz.${n}`, name: `Matris ${n}`, memberships: { create: [{ role, ...unit }] } } });
    }
  }
  // Someone with two roles in two places, and someone whose roles span both municipalities.
  await db.user.create({ data: { username: "authz.mixed", name: "Blandad", memberships: { create: [{ role: "CHAIR", committeeId: "has" }, { role: "REGISTRAR", committeeId: "sos" }] } } });
  await db.user.create({ data: { username: "authz.twotowns", name: "Två städer", memberships: { create: [{ role: "REGISTRAR", municipalityId: "goteborg" }, { role: "CASE_OFFICER", departmentId: "has-sos" }] } } });

  const cases = [
    { committeeId: "has", departmentId: "has-sos" },
    { committeeId: "has", departmentId: "has-ifo", caseOfficer: "ifo.handlaggare" },
    { committeeId: "has", departmentId: "has-sos", secrecyReference: "26 kap. 1 § OSL" },
    { committeeId: "has", departmentId: "has-ifo", caseOfficer: "ifo.handlaggare", secrecyReference: "26 kap. 1 § OSL" },
    { committeeId: "sos", caseOfficer: "sos.handlaggare" },
    { committeeId: "sos", caseOfficer: "sos.handlaggare", secrecyReference: "26 kap. 1 § OSL" },
    { committeeId: "ks" },
  ];
  for (const options of cases) await fixture.createCase(options);
  // A medhandläggare from another stadsdel reads a confidential case only through being named on it.
  const coOfficer = await db.user.create({ data: { username: "authz.coofficer", name: "Medhandläggare", memberships: { create: [{ role: "CASE_OFFICER", departmentId: "sos-sos" }] } } });
  const confidentialHas = await db.case.findFirstOrThrow({ where: { departmentId: "has-sos", secrecyReference: { not: null } } });
  await db.caseCoOfficer.create({ data: { caseId: confidentialHas.id, userId: coOfficer.id, addedById: coOfficer.id } });
  const twoTowns = await db.user.findUniqueOrThrow({ where: { username: "authz.twotowns" } });
  for (const secrecyReference of [null, "21 kap. 1 § OSL"]) {
    await db.case.create({
      data: {
        caseNumber: `KN 2026/${secrecyReference ? 2 : 1}`,
        seriesId: "series-gbg-kn",
        year: 2026,
        sequence: secrecyReference ? 2 : 1,
        title: "Göteborgsärende",
        kind: "OTHER",
        committeeId: "gbg-kn",
        departmentId: "gbg-avd",
        caseOfficerId: twoTowns.id,
        receivedDate: new Date("2026-01-01T00:00:00Z"),
        secrecyReference,
        createdById: twoTowns.id,
      },
    });
  }
  const users = await db.user.findMany({ select: { username: true }, orderBy: { username: "asc" } });
  actors = await Promise.all(users.map((user) => fixture.actor(user.username)));
});

describe("the policy's list filters agree with can()", () => {
  it("lists exactly the cases can(actor, 'case.read') allows, for every actor × case", async () => {
    const cases = await db.case.findMany({ select: { id: true, caseNumber: true, ...CASE_SCOPE_SELECT } });
    const disagreements: string[] = [];
    let readable = 0;
    let hiddenConfidential = 0;
    for (const actor of actors) {
      const listed = new Set((await db.case.findMany({ where: readableCasesWhere(actor), select: { id: true } })).map((row) => row.id));
      for (const row of cases) {
        const allowed = can(actor, "case.read", toCaseScope(row));
        if (allowed !== listed.has(row.id)) disagreements.push(`${actor.username} × ${row.caseNumber}: can=${allowed}, listed=${listed.has(row.id)}`);
        if (allowed) readable += 1;
        if (!allowed && row.secrecyReference && can(actor, "case.read", { ...toCaseScope(row), confidential: false })) hiddenConfidential += 1;
      }
    }
    expect(disagreements).toEqual([]);
    // Not vacuous: some pairs are readable, some not, and secrecy hides some cases from their readers.
    expect(readable).toBeGreaterThan(0);
    expect(readable).toBeLessThan(actors.length * cases.length);
    expect(hiddenConfidential).toBeGreaterThan(0);
    const coOfficer = actors.find((actor) => actor.username === "authz.coofficer")!;
    expect(await db.case.count({ where: { AND: [readableCasesWhere(coOfficer), { committeeId: "has" }] } })).toBe(1);
  });

  it("within some committees, lists exactly the cases of those committees can(actor, 'case.read') allows", async () => {
    const cases = await db.case.findMany({ select: { id: true, caseNumber: true, ...CASE_SCOPE_SELECT } });
    const committees = await Promise.all((await db.committee.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(async ({ id }) => (await loadCommitteeScope(db, id))!));
    const choices = [[], ...committees.map((committee) => [committee]), committees];
    const disagreements: string[] = [];
    // Not vacuous: committees asked by id alone, and committees asked with the actor's alternatives.
    const asked = { whole: 0, partly: 0 };
    for (const actor of actors) {
      for (const chosen of choices) {
        const where = readableCasesInCommitteesWhere(actor, chosen);
        for (const branch of where.OR ?? []) asked["AND" in branch ? "partly" : "whole"] += 1;
        const listed = new Set((await db.case.findMany({ where, select: { id: true } })).map((row) => row.id));
        for (const row of cases) {
          const allowed = chosen.some((committee) => committee.committeeId === row.committeeId) && can(actor, "case.read", toCaseScope(row));
          if (allowed !== listed.has(row.id)) disagreements.push(`${actor.username} × ${row.caseNumber} in ${chosen.map((committee) => committee.committeeId).join("+")}: can=${allowed}, listed=${listed.has(row.id)}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(asked.whole).toBeGreaterThan(0);
    expect(asked.partly).toBeGreaterThan(0);
  });

  it("the SQL forms for raw queries (search) select exactly what can(actor, 'case.read' / 'case.readConfidential') allows", async () => {
    const cases = await db.case.findMany({ select: { id: true, caseNumber: true, ...CASE_SCOPE_SELECT } });
    const disagreements: string[] = [];
    const allowedCounts = { read: 0, confidential: 0 };
    for (const actor of actors) {
      const rows = await db.$queryRaw<{ id: string; read: boolean; confidential: boolean }[]>`
        SELECT c.id::text AS id, ${readableCasesSql(actor, Prisma.sql`c`)} AS read, ${confidentialReadableCasesSql(actor, Prisma.sql`c`)} AS confidential FROM "case" c`;
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const row of cases) {
        const scope = toCaseScope(row);
        const read = can(actor, "case.read", scope);
        const confidential = can(actor, "case.readConfidential", scope);
        const sql = byId.get(row.id)!;
        if (read !== sql.read || confidential !== sql.confidential) {
          disagreements.push(`${actor.username} × ${row.caseNumber}: can=${read}/${confidential}, sql=${sql.read}/${sql.confidential}`);
        }
        if (read) allowedCounts.read += 1;
        if (confidential) allowedCounts.confidential += 1;
      }
    }
    expect(disagreements).toEqual([]);
    expect(allowedCounts.confidential).toBeGreaterThan(0);
    expect(allowedCounts.confidential).toBeLessThan(allowedCounts.read);
  });

  it("lists exactly the committees can(actor, 'meeting.read') allows, for every actor × committee", async () => {
    const committees = await db.committee.findMany({ select: { id: true } });
    const disagreements: string[] = [];
    let readable = 0;
    for (const actor of actors) {
      const listed = new Set((await db.committee.findMany({ where: readableCommitteesWhere(actor), select: { id: true } })).map((row) => row.id));
      for (const committee of committees) {
        const allowed = can(actor, "meeting.read", (await loadCommitteeScope(db, committee.id))!);
        if (allowed !== listed.has(committee.id)) disagreements.push(`${actor.username} × ${committee.id}: can=${allowed}, listed=${listed.has(committee.id)}`);
        if (allowed) readable += 1;
      }
    }
    expect(disagreements).toEqual([]);
    expect(readable).toBeGreaterThan(0);
    expect(readable).toBeLessThan(actors.length * committees.length);
  });

  it("finds exactly the users whose membership covers a case's units with a role (handläggare, attesters)", async () => {
    const cases = await db.case.findMany({ select: CASE_SCOPE_SELECT });
    const disagreements: string[] = [];
    for (const row of cases) {
      const units = chainScope(toCaseScope(row));
      for (const role of ROLES) {
        const found = new Set((await db.user.findMany({ where: usersCoveringWhere([role], units), select: { id: true } })).map((user) => user.id));
        const expected = new Set(actors.filter((actor) => holdsRoleCovering(actor, [role], units)).map((actor) => actor.id));
        if ([...found].sort().join() !== [...expected].sort().join()) disagreements.push(`${role} over ${row.departmentId}: ${found.size} found, ${expected.size} expected`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("lists for an admin's municipality exactly the users whose admin scope includes it", async () => {
    for (const municipalityId of ["stockholm", "goteborg"]) {
      const listed = new Set((await db.user.findMany({ where: { memberships: { some: membershipInMunicipalityWhere(municipalityId) } }, select: { id: true } })).map((user) => user.id));
      const expected = new Set<string>();
      for (const actor of actors) if ((await loadUserAdminScope(db, actor.id))?.municipalityIds.includes(municipalityId)) expected.add(actor.id);
      expect([...listed].sort()).toEqual([...expected].sort());
      expect(listed.size).toBeGreaterThan(0);
    }
  });
});
