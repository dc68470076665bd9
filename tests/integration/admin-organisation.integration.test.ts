import { beforeAll, describe, expect, it } from "vitest";
import { createClassification, updateClassification } from "@/features/admin/server/classification-service";
import {
  createAdministration,
  createCommittee,
  createDepartment,
  renameAdministration,
  renameDepartment,
  updateCommittee,
} from "@/features/admin/server/organisation-service";
import { createRegistrySeries, updateRegistrySeries } from "@/features/admin/server/registry-series-service";
import type { Actor } from "@/server/auth/actor";
import { seedDemoData } from "../../scripts/seed/demo";
import { createTestDatabase } from "../support/database";
import { actorFor, createSecondMunicipality, expectAppError } from "./admin-fixtures";
import { ZCreateAdministrationSchema, ZCreateClassificationSchema, ZCreateCommitteeSchema, ZCreateDepartmentSchema, ZCreateRegistrySeriesSchema, ZRenameUnitSchema, ZUpdateClassificationSchema, ZUpdateCommitteeSchema, ZUpdateRegistrySeriesSchema } from "@/features/admin/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();
await seedDemoData({ nodeEnv: "test", force: false });
const second = await createSecondMunicipality(db);

let admin: Actor;
let caseOfficer: Actor;
let registrar: Actor;
let otherAdmin: Actor;

beforeAll(async () => {
  admin = await actorFor(db, "admin");
  caseOfficer = await actorFor(db, "clas.cederlid");
  registrar = await actorFor(db, "registrator");
  otherAdmin = await actorFor(db, second.adminUsername);
});

const auditCount = () => db.auditEvent.count();

/** Runs a refused write and checks that neither the data nor the audit log changed. */
const expectRefusedWithoutChange = async (write: () => Promise<unknown>, code: "FORBIDDEN" | "VALIDATION" | "CONFLICT" | "NOT_FOUND", snapshot: () => Promise<unknown>) => {
  const before = { audit: await auditCount(), data: await snapshot() };
  const error = await expectAppError(write, code);
  expect({ audit: await auditCount(), data: await snapshot() }).toEqual(before);
  return error;
};

const newSeriesInput = (committeeId: string) => ({ committeeId, name: "Diarium", format: "{prefix} {year}/{seq}", prefix: "X", seqPadding: "0" });

describe("committees, administrations and departments", () => {
  it("lets the admin create and rename a committee, writing an audit event for each", async () => {
    const before = await auditCount();
    const committee = await createCommittee({ actor: admin, input: parseInput(ZCreateCommitteeSchema, { name: "Skärholmens stadsdelsnämnd", shortName: "SKH", kind: "STADSDELSNAMND", preparedBy: "ADMINISTRATION" }) });
    expect(committee).toMatchObject({ municipalityId: "stockholm", name: "Skärholmens stadsdelsnämnd", shortName: "SKH" });
    await updateCommittee({ actor: admin, input: parseInput(ZUpdateCommitteeSchema, { id: committee.id, updatedAt: committee.updatedAt.toISOString(), name: "Skärholmens sdn", shortName: "SKÄ", kind: "STADSDELSNAMND" }) });
    expect(await db.committee.findUniqueOrThrow({ where: { id: committee.id } })).toMatchObject({ name: "Skärholmens sdn", shortName: "SKÄ", kind: "STADSDELSNAMND" });
    expect(await db.auditEvent.findMany({ where: { seq: { gt: before } }, select: { action: true, entityId: true, actorId: true } })).toEqual([
      { action: "committee.create", entityId: committee.id, actorId: admin.id },
      { action: "committee.update", entityId: committee.id, actorId: admin.id },
    ]);
  });

  it("reports a conflict when the committee was changed after the form was loaded", async () => {
    const committee = await createCommittee({ actor: admin, input: parseInput(ZCreateCommitteeSchema, { name: "Skarpnäcks stadsdelsnämnd", shortName: "SKA", kind: "STADSDELSNAMND", preparedBy: "ADMINISTRATION" }) });
    const stale = committee.updatedAt.toISOString();
    await updateCommittee({ actor: admin, input: parseInput(ZUpdateCommitteeSchema, { id: committee.id, updatedAt: stale, name: "Skarpnäck", shortName: "SKA", kind: "STADSDELSNAMND" }) });
    const error = await expectRefusedWithoutChange(() => updateCommittee({ actor: admin, input: parseInput(ZUpdateCommitteeSchema, { id: committee.id, updatedAt: stale, name: "Skarpnäck igen", shortName: "SKA", kind: "STADSDELSNAMND" }) }),
      "CONFLICT",
      () => db.committee.findUniqueOrThrow({ where: { id: committee.id } }),
    );
    expect(error.userMessage).toMatch(/Någon annan har ändrat/);
  });

  it("refuses a short name already used by another committee with a field message", async () => {
    const error = await expectRefusedWithoutChange(() => createCommittee({ actor: admin, input: parseInput(ZCreateCommitteeSchema, { name: "Ny nämnd", shortName: "HÄS", kind: "NAMND", preparedBy: "ADMINISTRATION" }) }), "CONFLICT", () => db.committee.count());
    expect(error.fieldErrors?.shortName).toEqual(["Förkortningen används redan av en annan nämnd."]);
  });

  it("refuses a unit named as another of the same scope, whatever the case, with a field message, and changes nothing", async () => {
    const has = await db.committee.findUniqueOrThrow({ where: { id: "has" } });
    const units = async () => ({ committees: await db.committee.findMany({ orderBy: { id: "asc" } }), administrations: await db.administration.findMany({ orderBy: { id: "asc" } }), departments: await db.department.findMany({ orderBy: { id: "asc" } }) });
    const committeeError = await expectRefusedWithoutChange(
      () => createCommittee({ actor: admin, input: parseInput(ZCreateCommitteeSchema, { name: has.name.toUpperCase(), shortName: "DUP", kind: "NAMND", preparedBy: "OWN_KANSLI" }) }),
      "CONFLICT",
      units,
    );
    expect(committeeError.fieldErrors?.name).toEqual(["Det finns redan en nämnd med det namnet."]);
    const other = await createCommittee({ actor: admin, input: parseInput(ZCreateCommitteeSchema, { name: "Enskede-Årsta-Vantörs stadsdelsnämnd", shortName: "EÅV", kind: "STADSDELSNAMND", preparedBy: "ADMINISTRATION" }) });
    const renamed = await expectRefusedWithoutChange(
      () => updateCommittee({ actor: admin, input: parseInput(ZUpdateCommitteeSchema, { id: other.id, updatedAt: other.updatedAt.toISOString(), name: has.name, shortName: "EÅV", kind: "STADSDELSNAMND" }) }),
      "CONFLICT",
      units,
    );
    expect(renamed.fieldErrors?.name).toEqual(["Det finns redan en nämnd med det namnet."]);
    // "_" and "%" are letters of a name, not wildcards: "EÅ_" is not "EÅV".
    const wildcard = await createCommittee({ actor: admin, input: parseInput(ZCreateCommitteeSchema, { name: "Enskede-Årsta-Vantörs stadsdelsnämn_", shortName: "EÅ_", kind: "NAMND", preparedBy: "ADMINISTRATION" }) });
    await createCommittee({ actor: admin, input: parseInput(ZCreateCommitteeSchema, { name: "%", shortName: "PROC", kind: "NAMND", preparedBy: "ADMINISTRATION" }) });
    await expectRefusedWithoutChange(
      () => createCommittee({ actor: admin, input: parseInput(ZCreateCommitteeSchema, { name: wildcard.name.toUpperCase(), shortName: "EÅ2", kind: "NAMND", preparedBy: "ADMINISTRATION" }) }),
      "CONFLICT",
      units,
    );
    // Its own name, unchanged, is no conflict.
    await updateCommittee({ actor: admin, input: parseInput(ZUpdateCommitteeSchema, { id: other.id, updatedAt: other.updatedAt.toISOString(), name: other.name, shortName: "EÅV", kind: "STADSDELSNAMND" }) });

    const sdf = await db.administration.findUniqueOrThrow({ where: { id: "has-sdf" } });
    const administrationError = await expectRefusedWithoutChange(() => createAdministration({ actor: admin, input: parseInput(ZCreateAdministrationSchema, { name: sdf.name, committeeId: other.id }) }), "CONFLICT", units);
    expect(administrationError.fieldErrors?.name).toEqual(["Det finns redan en förvaltning med det namnet."]);
    const own = await createAdministration({ actor: admin, input: parseInput(ZCreateAdministrationSchema, { name: "Enskede-Årsta-Vantörs stadsdelsförvaltning", committeeId: other.id }) });
    await expectRefusedWithoutChange(() => renameAdministration({ actor: admin, input: parseInput(ZRenameUnitSchema, { id: own.id, updatedAt: own.updatedAt.toISOString(), name: sdf.name.toLowerCase() }) }), "CONFLICT", units);

    const sos = await db.department.findUniqueOrThrow({ where: { id: "has-sos" } });
    const departmentError = await expectRefusedWithoutChange(() => createDepartment({ actor: admin, input: parseInput(ZCreateDepartmentSchema, { name: sos.name, administrationId: sos.administrationId }) }), "CONFLICT", units);
    expect(departmentError.fieldErrors?.name).toEqual(["Förvaltningen har redan en avdelning med det namnet."]);
    // Another förvaltning may have an avdelning of the same name.
    const department = await createDepartment({ actor: admin, input: parseInput(ZCreateDepartmentSchema, { name: sos.name, administrationId: own.id }) });
    const second = await createDepartment({ actor: admin, input: parseInput(ZCreateDepartmentSchema, { name: "Avdelningen för stadsmiljö", administrationId: own.id }) });
    await expectRefusedWithoutChange(() => renameDepartment({ actor: admin, input: parseInput(ZRenameUnitSchema, { id: second.id, updatedAt: second.updatedAt.toISOString(), name: department.name }) }), "CONFLICT", units);
  });

  it("creates an administration for a committee and a department in it, and renames both", async () => {
    const administration = await createAdministration({ actor: admin, input: parseInput(ZCreateAdministrationSchema, { name: "Hägersten-Älvsjö äldreförvaltning", committeeId: "has" }) });
    expect(administration.municipalityId).toBe("stockholm");
    const department = await createDepartment({ actor: admin, input: parseInput(ZCreateDepartmentSchema, { name: "Avdelningen för äldreomsorg", administrationId: administration.id }) });
    await renameAdministration({ actor: admin, input: parseInput(ZRenameUnitSchema, { id: administration.id, updatedAt: administration.updatedAt.toISOString(), name: "HÄS äldreförvaltning" }) });
    await renameDepartment({ actor: admin, input: parseInput(ZRenameUnitSchema, { id: department.id, updatedAt: department.updatedAt.toISOString(), name: "Äldreomsorg" }) });
    expect((await db.administration.findUniqueOrThrow({ where: { id: administration.id } })).name).toBe("HÄS äldreförvaltning");
    expect((await db.department.findUniqueOrThrow({ where: { id: department.id } })).name).toBe("Äldreomsorg");
    expect(await db.auditEvent.count({ where: { entityId: { in: [administration.id, department.id] } } })).toBe(4);
  });

  it.each([
    ["a 10 kB name", { name: "x".repeat(10_240), shortName: "LNG", kind: "NAMND", preparedBy: "ADMINISTRATION" }],
    ["an empty name", { name: "  ", shortName: "TOM", kind: "NAMND", preparedBy: "ADMINISTRATION" }],
    ["a smuggled municipalityId", { name: "Smugglad nämnd", shortName: "SMU", kind: "NAMND", preparedBy: "ADMINISTRATION", municipalityId: "goteborg" }],
    ["a smuggled id", { name: "Smugglad nämnd", shortName: "SMU", kind: "NAMND", preparedBy: "ADMINISTRATION", id: "egen-id" }],
  ])("refuses a committee with %s and stores nothing", async (_name, input) => {
    await expectRefusedWithoutChange(() => createCommittee({ actor: admin, input: parseInput(ZCreateCommitteeSchema, input) }), "VALIDATION", () => db.committee.count());
  });

  it("refuses an administration for an unknown committee with a Swedish field message", async () => {
    const error = await expectRefusedWithoutChange(() => createAdministration({ actor: admin, input: parseInput(ZCreateAdministrationSchema, { name: "Spökförvaltning", committeeId: "finns-inte" }) }), "VALIDATION", () =>
      db.administration.count(),
    );
    expect(error.fieldErrors?.committeeId?.[0]).toMatch(/Nämnden finns inte/);
  });

  it.each([
    ["a handläggare", () => caseOfficer],
    ["a registrator", () => registrar],
  ])("refuses %s every organisation change and changes nothing", async (_name, actor) => {
    const snapshot = async () => ({ committees: await db.committee.findMany({ orderBy: { id: "asc" } }), administrations: await db.administration.count(), departments: await db.department.count() });
    const has = await db.committee.findUniqueOrThrow({ where: { id: "has" } });
    const sdf = await db.administration.findUniqueOrThrow({ where: { id: "has-sdf" } });
    const dep = await db.department.findUniqueOrThrow({ where: { id: "has-sos" } });
    await expectRefusedWithoutChange(() => createCommittee({ actor: actor(), input: parseInput(ZCreateCommitteeSchema, { name: "Obehörig", shortName: "OB", kind: "NAMND", preparedBy: "OWN_KANSLI" }) }), "FORBIDDEN", snapshot);
    await expectRefusedWithoutChange(() => updateCommittee({ actor: actor(), input: parseInput(ZUpdateCommitteeSchema, { id: "has", updatedAt: has.updatedAt.toISOString(), name: "Kapad", shortName: "HÄS", kind: "NAMND" }) }), "FORBIDDEN", snapshot);
    await expectRefusedWithoutChange(() => createAdministration({ actor: actor(), input: parseInput(ZCreateAdministrationSchema, { name: "Obehörig", committeeId: "has" }) }), "FORBIDDEN", snapshot);
    await expectRefusedWithoutChange(() => renameAdministration({ actor: actor(), input: parseInput(ZRenameUnitSchema, { id: "has-sdf", updatedAt: sdf.updatedAt.toISOString(), name: "Kapad" }) }), "FORBIDDEN", snapshot);
    await expectRefusedWithoutChange(() => createDepartment({ actor: actor(), input: parseInput(ZCreateDepartmentSchema, { name: "Obehörig", administrationId: "has-sdf" }) }), "FORBIDDEN", snapshot);
    await expectRefusedWithoutChange(() => renameDepartment({ actor: actor(), input: parseInput(ZRenameUnitSchema, { id: "has-sos", updatedAt: dep.updatedAt.toISOString(), name: "Kapad" }) }), "FORBIDDEN", snapshot);
  });

  it("refuses an admin of another municipality to touch Stockholm's units", async () => {
    const snapshot = async () => ({ committees: await db.committee.findMany({ orderBy: { id: "asc" } }), administrations: await db.administration.findMany({ orderBy: { id: "asc" } }), departments: await db.department.findMany({ orderBy: { id: "asc" } }) });
    const has = await db.committee.findUniqueOrThrow({ where: { id: "has" } });
    const sdf = await db.administration.findUniqueOrThrow({ where: { id: "has-sdf" } });
    const dep = await db.department.findUniqueOrThrow({ where: { id: "has-sos" } });
    await expectRefusedWithoutChange(() => updateCommittee({ actor: otherAdmin, input: parseInput(ZUpdateCommitteeSchema, { id: "has", updatedAt: has.updatedAt.toISOString(), name: "Kapad", shortName: "HÄS", kind: "NAMND" }) }), "FORBIDDEN", snapshot);
    await expectRefusedWithoutChange(() => createAdministration({ actor: otherAdmin, input: parseInput(ZCreateAdministrationSchema, { name: "Kapad", committeeId: "has" }) }), "FORBIDDEN", snapshot);
    await expectRefusedWithoutChange(() => renameAdministration({ actor: otherAdmin, input: parseInput(ZRenameUnitSchema, { id: "has-sdf", updatedAt: sdf.updatedAt.toISOString(), name: "Kapad" }) }), "FORBIDDEN", snapshot);
    await expectRefusedWithoutChange(() => createDepartment({ actor: otherAdmin, input: parseInput(ZCreateDepartmentSchema, { name: "Kapad", administrationId: "has-sdf" }) }), "FORBIDDEN", snapshot);
    await expectRefusedWithoutChange(() => renameDepartment({ actor: otherAdmin, input: parseInput(ZRenameUnitSchema, { id: "has-sos", updatedAt: dep.updatedAt.toISOString(), name: "Kapad" }) }), "FORBIDDEN", snapshot);
    // Their own committee lands in their own municipality.
    expect((await createCommittee({ actor: otherAdmin, input: parseInput(ZCreateCommitteeSchema, { name: "Göteborgs nämnd", shortName: "GBN", kind: "NAMND", preparedBy: "ADMINISTRATION" }) })).municipalityId).toBe("goteborg");
  });
});

describe("registry series", () => {
  // Committees of this test, so the demo seed's series (if any) do not matter.
  const committeeWithoutSeries = async (shortName: string) =>
    (await db.committee.create({ data: { id: `test-${shortName}`, municipalityId: "stockholm", name: `Testnämnd ${shortName}`, shortName } })).id;

  beforeAll(async () => {
    await committeeWithoutSeries("T3");
  });

  it("lets the admin create a series for a committee without one, and edit its format", async () => {
    const committeeId = await committeeWithoutSeries("T1");
    const before = await auditCount();
    const series = await createRegistrySeries({ actor: admin, input: parseInput(ZCreateRegistrySeriesSchema, { committeeId, name: "T1 diarium", format: "{prefix} {year}/{seq}", prefix: "T1", seqPadding: "0" }) });
    expect(series).toMatchObject({ committeeId, format: "{prefix} {year}/{seq}", prefix: "T1", seqPadding: 0, documentNumberFormat: "{number}-{n}" });
    await updateRegistrySeries({ actor: admin, input: parseInput(ZUpdateRegistrySeriesSchema, { id: series.id, updatedAt: series.updatedAt.toISOString(), name: "T1-diarium", format: "{prefix}-{year}-{seq}", prefix: "T1", seqPadding: 4 }) });
    expect(await db.registrySeries.findUniqueOrThrow({ where: { id: series.id } })).toMatchObject({ name: "T1-diarium", format: "{prefix}-{year}-{seq}", seqPadding: 4 });
    expect(await db.auditEvent.findMany({ where: { seq: { gt: before } }, select: { action: true } })).toEqual([{ action: "registry_series.create" }, { action: "registry_series.update" }]);
  });

  it("refuses a second series for the same committee", async () => {
    const committeeId = await committeeWithoutSeries("T2");
    await createRegistrySeries({ actor: admin, input: parseInput(ZCreateRegistrySeriesSchema, newSeriesInput(committeeId)) });
    const error = await expectRefusedWithoutChange(() => createRegistrySeries({ actor: admin, input: parseInput(ZCreateRegistrySeriesSchema, newSeriesInput(committeeId)) }), "CONFLICT", () => db.registrySeries.count());
    expect(error.fieldErrors?.committeeId?.[0]).toMatch(/redan en diarieserie/);
  });

  it.each([
    ["a format without {seq}", { ...newSeriesInput("ks"), format: "{prefix} {year}" }, "format", /\{seq\}/],
    ["a format without {year}", { ...newSeriesInput("ks"), format: "{prefix} {seq}" }, "format", /\{year\}/],
    ["an unknown token", { ...newSeriesInput("ks"), format: "{prefix} {year}/{seq} {foo}" }, "format", /Okänd kod/],
    ["a negative padding", { ...newSeriesInput("ks"), seqPadding: "-1" }, "seqPadding", /0–10/],
    ["a 10 kB name", { ...newSeriesInput("ks"), name: "x".repeat(10_240) }, "name", /Högst 200/],
    ["an unknown committee", newSeriesInput("finns-inte"), "committeeId", /Nämnden finns inte/],
    ["a smuggled id", { ...newSeriesInput("ks"), id: "egen" }, "_form", /.+/],
  ])("refuses %s with a Swedish field message and stores nothing", async (_name, input, field, message) => {
    const error = await expectRefusedWithoutChange(() => createRegistrySeries({ actor: admin, input: parseInput(ZCreateRegistrySeriesSchema, input) }), "VALIDATION", () => db.registrySeries.count());
    expect(error.fieldErrors?.[field]?.[0]).toMatch(message);
  });

  it.each([
    ["a handläggare", () => caseOfficer],
    ["a registrator", () => registrar],
    ["an admin of another municipality", () => otherAdmin],
  ])("refuses %s to edit or create registry series, and nothing changes", async (_name, actor) => {
    const series = await db.registrySeries.findFirstOrThrow({ where: { committeeId: "test-T1" } });
    const snapshot = () => db.registrySeries.findMany({ orderBy: { id: "asc" } });
    await expectRefusedWithoutChange(() => updateRegistrySeries({ actor: actor(), input: parseInput(ZUpdateRegistrySeriesSchema, { id: series.id, updatedAt: series.updatedAt.toISOString(), name: "Kapad", format: "{year}-{seq}", prefix: "", seqPadding: 0 }) }),
      "FORBIDDEN",
      snapshot,
    );
    await expectRefusedWithoutChange(() => createRegistrySeries({ actor: actor(), input: parseInput(ZCreateRegistrySeriesSchema, newSeriesInput(`test-T3`)) }), "FORBIDDEN", snapshot);
  });
});

describe("KLASSA classes", () => {
  it("lets the admin create a class, retitle it and deactivate it", async () => {
    const created = await createClassification({ actor: admin, input: parseInput(ZCreateClassificationSchema, { code: "7.5.1", title: "Yttranden över remisser" }) });
    expect(created).toMatchObject({ municipalityId: "stockholm", code: "7.5.1", active: true });
    await updateClassification({ actor: admin, input: parseInput(ZUpdateClassificationSchema, { id: created.id, updatedAt: created.updatedAt.toISOString(), title: "Remissyttranden", active: false }) });
    expect(await db.classification.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ code: "7.5.1", title: "Remissyttranden", active: false });
    expect(await db.auditEvent.count({ where: { entityId: created.id } })).toBe(2);
  });

  it("refuses a duplicate code in the same municipality with \"Koden finns redan.\"", async () => {
    await createClassification({ actor: admin, input: parseInput(ZCreateClassificationSchema, { code: "7.2.1", title: "Första" }) });
    const error = await expectRefusedWithoutChange(() => createClassification({ actor: admin, input: parseInput(ZCreateClassificationSchema, { code: "7.2.1", title: "Andra" }) }), "CONFLICT", () => db.classification.count());
    expect(error.fieldErrors?.code).toEqual(["Koden finns redan."]);
  });

  it("allows the same code in another municipality", async () => {
    expect((await createClassification({ actor: otherAdmin, input: parseInput(ZCreateClassificationSchema, { code: "7.2.1", title: "Göteborgs" }) })).municipalityId).toBe("goteborg");
  });

  it.each([
    ["letters in the code", { code: "1.a", title: "Fel" }],
    ["six levels", { code: "1.2.3.4.5.6", title: "Fel" }],
    ["a trailing dot", { code: "1.", title: "Fel" }],
    ["a 10 kB title", { code: "9", title: "x".repeat(10_240) }],
    ["a smuggled municipalityId", { code: "9", title: "Smuggel", municipalityId: "goteborg" }],
    ["a smuggled active flag", { code: "9", title: "Smuggel", active: false }],
  ])("refuses %s and stores nothing", async (_name, input) => {
    await expectRefusedWithoutChange(() => createClassification({ actor: admin, input: parseInput(ZCreateClassificationSchema, input) }), "VALIDATION", () => db.classification.count());
  });

  it.each([
    ["a handläggare", () => caseOfficer],
    ["a registrator", () => registrar],
    ["an admin of another municipality", () => otherAdmin],
  ])("refuses %s to change Stockholm's classes", async (_name, actor) => {
    const klass = await db.classification.findFirstOrThrow({ where: { municipalityId: "stockholm", code: "7.2.1" } });
    const snapshot = () => db.classification.findMany({ orderBy: { id: "asc" } });
    await expectRefusedWithoutChange(() => updateClassification({ actor: actor(), input: parseInput(ZUpdateClassificationSchema, { id: klass.id, updatedAt: klass.updatedAt.toISOString(), title: "Kapad", active: false }) }), "FORBIDDEN", snapshot);
  });

  it("refuses a handläggare and a registrator to create classes", async () => {
    await expectRefusedWithoutChange(() => createClassification({ actor: caseOfficer, input: parseInput(ZCreateClassificationSchema, { code: "8", title: "Obehörig" }) }), "FORBIDDEN", () => db.classification.count());
    await expectRefusedWithoutChange(() => createClassification({ actor: registrar, input: parseInput(ZCreateClassificationSchema, { code: "8", title: "Obehörig" }) }), "FORBIDDEN", () => db.classification.count());
  });
});
