// Number series: numbers unique per series (not per installation), no two series of a
// municipality that could print the same number, the settable next serial, befintliga
// diarienummer of migrated records, the handling number format, search by the sender's dnr
// and Bevakning of open cases only.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createRegistrySeries, setNextSerial, updateRegistrySeries } from "@/features/admin/server/registry-series-service";
import { ZCreateRegistrySeriesSchema, ZSetNextSerialSchema, ZUpdateRegistrySeriesSchema } from "@/features/admin/schemas";
import { ZRegisterCaseSchema } from "@/features/cases/schemas";
import { getCaseDetails } from "@/features/cases/server/case-queries";
import { registerCase } from "@/features/cases/server/register-case";
import { listDeadlines, summarizeDeadlines } from "@/features/diarium/server/deadlines";
import { listDiariumCases } from "@/features/diarium/server/diarium-list";
import { ZDiariumSearchParamsSchema } from "@/features/diarium/schemas";
import type { Actor } from "@/server/auth/actor";
import { parseInput } from "@/server/validation";
import { seedDemoData } from "../../scripts/seed/demo";
import { createTestDatabase } from "../support/database";
import { actorFor, createSecondMunicipality, expectAppError } from "./admin-fixtures";

const { db } = await createTestDatabase();

let admin: Actor;
let registrar: Actor;
let clas: Actor;
let gbgAdmin: Actor;
let gbgRegistrar: Actor;
let clasId: string;
let gbgOfficerId: string;

beforeAll(async () => {
  await seedDemoData({ nodeEnv: "test", force: false });
  const gbg = await createSecondMunicipality(db);
  await db.administration.create({ data: { id: "gbg-slk", committeeId: gbg.committeeId, municipalityId: "goteborg", name: "Stadsledningskontoret" } });
  await db.department.create({ data: { id: "gbg-kansli", administrationId: "gbg-slk", name: "Kansliet" } });
  await db.user.create({ data: { username: "gbg.registrator", name: "Göteborgs registrator", memberships: { create: [{ role: "REGISTRAR", committeeId: gbg.committeeId }] } } });
  gbgOfficerId = (await db.user.create({ data: { username: "gbg.handlaggare", name: "Göteborgs handläggare", memberships: { create: [{ role: "CASE_OFFICER", departmentId: "gbg-kansli" }] } } })).id;
  admin = await actorFor(db, "admin");
  registrar = await actorFor(db, "registrator");
  clas = await actorFor(db, "clas.cederlid");
  clasId = clas.id;
  gbgAdmin = await actorFor(db, gbg.adminUsername);
  gbgRegistrar = await actorFor(db, "gbg.registrator");
});

const letter = (overrides: Record<string, unknown> = {}) =>
  parseInput(ZRegisterCaseSchema, {
    idempotencyKey: randomUUID(),
    title: "Skrivelse om belysning",
    kind: "LETTER",
    committeeId: "has",
    departmentId: "has-sos",
    caseOfficerId: clasId,
    receivedDate: "2019-03-02",
    ...overrides,
  });

const seriesOf = (committeeId: string) => db.registrySeries.findUniqueOrThrow({ where: { committeeId } });

const updateSeries = async (committeeId: string, changes: Record<string, unknown>) => {
  const series = await seriesOf(committeeId);
  return updateRegistrySeries({
    actor: committeeId.startsWith("gbg") ? gbgAdmin : admin,
    input: parseInput(ZUpdateRegistrySeriesSchema, { id: series.id, updatedAt: series.updatedAt.toISOString(), name: series.name, format: series.format, prefix: series.prefix, seqPadding: series.seqPadding, documentNumberFormat: series.documentNumberFormat, ...changes }),
  });
};

describe("numbers per series", () => {
  it("gives two municipalities with the same format the same number, each in its own series", async () => {
    await createRegistrySeries({
      actor: gbgAdmin,
      input: parseInput(ZCreateRegistrySeriesSchema, { committeeId: "gbg-ks", name: "Göteborgs diarium", format: "{prefix} {year}/{seq}", prefix: "HÄS", seqPadding: 0, documentNumberFormat: "{number}-{n}" }),
    });
    const stockholm = await registerCase({ actor: registrar, input: letter() });
    const goteborg = await registerCase({ actor: gbgRegistrar, input: letter({ committeeId: "gbg-ks", departmentId: "gbg-kansli", caseOfficerId: gbgOfficerId }) });
    expect(stockholm.caseNumber).toBe("HÄS 2019/1");
    expect(goteborg.caseNumber).toBe("HÄS 2019/1");
    expect(await db.case.count({ where: { caseNumber: "HÄS 2019/1" } })).toBe(2);
  });

  it("refuses a prefix and format that could print another series' numbers in the same municipality", async () => {
    const error = await expectAppError(() => updateSeries("sos", { prefix: "HÄS" }), "CONFLICT");
    expect(error.fieldErrors?.prefix?.[0]).toMatch(/samma diarienummer som diarieserien Diarium Hägersten-Älvsjö/);
    await expectAppError(() => updateSeries("sos", { prefix: "", format: "HÄS {year}/{seq}" }), "CONFLICT");
    expect((await seriesOf("sos")).prefix).toBe("SÖS");
    // A different prefix, or a two-digit year, cannot collide.
    await updateSeries("sos", { format: "{prefix} {yy}/{seq}" });
    expect((await seriesOf("sos")).format).toBe("{prefix} {yy}/{seq}");
  });

  it("refuses a handling number format that reads as a case number", async () => {
    const error = await expectAppError(() => updateSeries("has", { format: "{prefix} {year}/{seq}", documentNumberFormat: "{number}{n}" }), "VALIDATION");
    expect(error.fieldErrors?.documentNumberFormat?.[0]).toMatch(/kunna läsas som diarienummer/);
  });
});

describe("next serial", () => {
  it("continues the year's numbering where the administrator sets it, audited", async () => {
    const series = await seriesOf("has");
    await setNextSerial({ actor: admin, input: parseInput(ZSetNextSerialSchema, { seriesId: series.id, year: 2019, nextSerial: 50 }) });
    expect((await registerCase({ actor: registrar, input: letter() })).caseNumber).toBe("HÄS 2019/50");
    const event = await db.auditEvent.findFirst({ where: { action: "registry_series.set_next_serial", entityId: series.id } });
    expect(event?.data).toMatchObject({ year: 2019, nextSerial: 50 });
  });

  it("never sets it at or below a serial already given that year, and lets no other municipality's admin set it", async () => {
    const series = await seriesOf("has");
    const error = await expectAppError(() => setNextSerial({ actor: admin, input: parseInput(ZSetNextSerialSchema, { seriesId: series.id, year: 2019, nextSerial: 50 }) }), "VALIDATION");
    expect(error.fieldErrors?.nextSerial?.[0]).toMatch(/Löpnummer 50 är redan givet 2019/);
    await expectAppError(() => setNextSerial({ actor: gbgAdmin, input: parseInput(ZSetNextSerialSchema, { seriesId: series.id, year: 2019, nextSerial: 90 }) }), "FORBIDDEN");
    expect((await registerCase({ actor: registrar, input: letter() })).caseNumber).toBe("HÄS 2019/51");
  });
});

describe("befintligt diarienummer (migrated records)", () => {
  const migrated = (existingCaseNumber: string, overrides: Record<string, unknown> = {}) =>
    letter({ receivedDate: "2017-05-04", existingCaseNumber, existingNumberReason: "Migrerat från tidigare diarium", ...overrides });

  it("registers the case with the number, year and serial read from it, with its own audit event", async () => {
    const created = await registerCase({ actor: registrar, input: migrated("HÄS 2017/2") });
    expect(await db.case.findUniqueOrThrow({ where: { id: created.id }, select: { caseNumber: true, year: true, sequence: true } })).toEqual({ caseNumber: "HÄS 2017/2", year: 2017, sequence: 2 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId: created.id } });
    expect(event.action).toBe("case.register_existing_number");
    expect(event.data).toMatchObject({ caseNumber: "HÄS 2017/2", reason: "Migrerat från tidigare diarium" });
  });

  it("never gives a migrated number again: the counter skips it", async () => {
    const numbers = [];
    for (let index = 0; index < 2; index += 1) numbers.push((await registerCase({ actor: registrar, input: letter({ receivedDate: "2017-06-01" }) })).caseNumber);
    expect(numbers).toEqual(["HÄS 2017/1", "HÄS 2017/3"]);
  });

  it("refuses a number in another format, a duplicate, a future year, a missing reason and a non-registrator", async () => {
    const wrongFormat = await expectAppError(() => registerCase({ actor: registrar, input: migrated("HÄS-2017-9") }), "VALIDATION");
    expect(wrongFormat.fieldErrors?.existingCaseNumber?.[0]).toMatch(/följer inte diarieseriens format/);
    await expectAppError(() => registerCase({ actor: registrar, input: migrated("SÖS 2017/9") }), "VALIDATION");
    const duplicate = await expectAppError(() => registerCase({ actor: registrar, input: migrated("HÄS 2017/3") }), "CONFLICT");
    expect(duplicate.fieldErrors?.existingCaseNumber?.[0]).toMatch(/finns redan/);
    const future = await expectAppError(() => registerCase({ actor: registrar, input: migrated("HÄS 2099/1", { receivedDate: "2099-01-02" }) }), "VALIDATION");
    expect(future.fieldErrors?.receivedDate?.[0]).toMatch(/framtiden/);
    const noReason = await expectAppError(() => registerCase({ actor: registrar, input: migrated("HÄS 2017/9", { existingNumberReason: undefined }) }), "VALIDATION");
    expect(noReason.fieldErrors?.existingNumberReason?.[0]).toMatch(/Ange varför/);
    await expectAppError(() => registerCase({ actor: clas, input: migrated("HÄS 2017/9") }), "FORBIDDEN");
    expect(await db.case.count({ where: { year: 2017, sequence: 9 } })).toBe(0);
  });

  it("reads a class-first number with a two-digit year and checks the class against the chosen classification", async () => {
    await updateSeries("has", { format: "{class}-{yy}/{seq}", prefix: "", documentNumberFormat: "{number}:{n}" });
    const classification = await db.classification.findFirstOrThrow({ where: { municipalityId: "stockholm", code: "1.5.1" } });
    const created = await registerCase({
      actor: registrar,
      input: migrated("1.5.1-16/130", { classificationId: classification.id, incomingDocument: { description: "Remissen", counterpart: "Kommunstyrelsen", documentDate: "2016-02-01" } }),
    });
    expect(await db.case.findUniqueOrThrow({ where: { id: created.id }, select: { year: true, sequence: true } })).toEqual({ year: 2016, sequence: 130 });
    const mismatch = await expectAppError(() => registerCase({ actor: registrar, input: migrated("2.1-16/131", { classificationId: classification.id }) }), "VALIDATION");
    expect(mismatch.fieldErrors?.classificationId?.[0]).toMatch(/Klassen i numret \(2\.1\)/);
    // The handling suffix follows the series: "1.5.1-16/130:1".
    const registered = await db.auditEvent.findFirstOrThrow({ where: { caseId: created.id, action: "document.register" } });
    expect(registered.data).toMatchObject({ documentNumber: "1.5.1-16/130:1" });
    // New numbers in the class-first format: the next serial of the year.
    expect((await registerCase({ actor: registrar, input: letter({ receivedDate: "2016-03-01", classificationId: classification.id }) })).caseNumber).toBe("1.5.1-16/1");
  });
});

describe("search and bevakning", () => {
  beforeAll(() => updateSeries("has", { format: "{prefix} {year}/{seq}", prefix: "HÄS" }));

  it("finds a case by the sender's diarienummer in the diarium's free text", async () => {
    const created = await registerCase({ actor: registrar, input: letter({ receivedDate: "2019-04-01", referringBody: "Kommunstyrelsen", referringCaseNumber: "KS 2019/4711" }) });
    const page = await listDiariumCases({ actor: registrar, params: parseInput(ZDiariumSearchParamsSchema, { q: "ks 2019/4711" }) });
    expect(page.rows.map((row) => row.id)).toEqual([created.id]);
  });

  it("lists and counts deadlines of open cases only: a closed or misregistered historical case is never försenad", async () => {
    const today = new Date("2026-06-15T00:00:00Z");
    const historical = await registerCase({ actor: registrar, input: letter({ kind: "AGENCY_REFERRAL", referringBody: "Trafikverket", receivedDate: "2012-01-10", dueDate: "2012-02-10" }) });
    const open = await registerCase({ actor: registrar, input: letter({ kind: "AGENCY_REFERRAL", referringBody: "Trafikverket", receivedDate: "2026-01-10", dueDate: "2026-02-10" }) });
    const overdue = async () => (await summarizeDeadlines({ actor: registrar, today })).readable.overdue.total;
    const before = await overdue();
    const ids = async () => {
      const overview = await listDeadlines({ actor: registrar, today });
      return [...overview.overdue.rows, ...overview.dueSoon.rows, ...overview.motionsApproaching.rows].map((row) => row.caseId);
    };
    expect(await ids()).toEqual(expect.arrayContaining([historical.id, open.id]));
    // Imported as misregistered/closed without its deadlines completed (as a migration may leave them).
    await db.case.update({ where: { id: historical.id }, data: { status: "MISREGISTERED" } });
    expect(await ids()).not.toContain(historical.id);
    expect(await ids()).toContain(open.id);
    expect(await overdue()).toBe(before - 1);
    expect((await getCaseDetails({ actor: registrar, caseId: historical.id })).openDeadlines).toEqual([]);
    expect((await getCaseDetails({ actor: registrar, caseId: open.id })).openDeadlines).toHaveLength(1);
  });
});
