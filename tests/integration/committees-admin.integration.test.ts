// Committees of every kind with their own kansli, and their members with terms of office
// (form and CSV import), in a municipality set up from scratch through the admin services.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { updateCommittee } from "@/features/admin/server/organisation-service";
import { createRegistrySeries } from "@/features/admin/server/registry-series-service";
import { endMemberTerm, importMembers, previewMemberImport, updateMember } from "@/features/admin/server/member-service";
import { getCommitteeMembers, getOrganisation } from "@/features/admin/server/admin-queries";
import { ZCreateRegistrySeriesSchema, ZEndMemberTermSchema, ZImportMembersSchema, ZUpdateCommitteeSchema, ZUpdateMemberSchema } from "@/features/admin/schemas";
import { registerCase } from "@/features/cases/server/register-case";
import { getRegistrationOptions } from "@/features/cases/server/case-queries";
import { ZRegisterCaseSchema } from "@/features/cases/schemas";
import type { Actor } from "@/server/auth/actor";
import { parseInput } from "@/server/validation";
import { createTestDatabase } from "../support/database";
import { actorFor, expectAppError } from "./meetings-fixtures";
import { addMember, createCommitteeAs, createMunicipalityWithAdmin, createUserWithRole } from "./committee-fixtures";

const { db } = await createTestDatabase();

let admin: Actor;
let otherAdmin: Actor;

beforeAll(async () => {
  admin = await createMunicipalityWithAdmin(db, "nyby", "Nyby kommun");
  otherAdmin = await createMunicipalityWithAdmin(db, "annanby", "Annanby kommun");
});

const auditCount = () => db.auditEvent.count();

/** A refused write changes neither the rows nor the audit log. */
const expectRefusedWithoutChange = async (write: () => Promise<unknown>, code: "FORBIDDEN" | "VALIDATION" | "CONFLICT" | "NOT_FOUND", snapshot: () => Promise<unknown>, message?: RegExp) => {
  const before = { audit: await auditCount(), data: await snapshot() };
  const error = await expectAppError(write, code, message);
  expect({ audit: await auditCount(), data: await snapshot() }).toEqual(before);
  return error;
};

describe("committee kinds and their own kansli", () => {
  it("creates kommunstyrelsen with its own kansli and department Kansliet in one transaction, and it can register a case at once", async () => {
    const before = await auditCount();
    const ks = await createCommitteeAs(admin, { name: "Kommunstyrelsen", shortName: "KS", kind: "KOMMUNSTYRELSE", preparedBy: "OWN_KANSLI" });
    expect(ks).toMatchObject({ kind: "KOMMUNSTYRELSE", parentId: null, municipalityId: "nyby" });
    const kansli = await db.administration.findFirstOrThrow({ where: { committeeId: ks.id }, include: { departments: true } });
    expect(kansli).toMatchObject({ name: "Kommunstyrelsens kansli", municipalityId: "nyby" });
    expect(kansli.departments.map((department) => department.name)).toEqual(["Kansliet"]);
    expect((await db.auditEvent.findMany({ where: { seq: { gt: before } }, orderBy: { seq: "asc" }, select: { action: true } })).map((event) => event.action)).toEqual([
      "committee.create",
      "administration.create",
      "department.create",
    ]);

    // Registration end to end: a series, a registrator of KS and a handläggare of the kansli.
    await createRegistrySeries({ actor: admin, input: parseInput(ZCreateRegistrySeriesSchema, { committeeId: ks.id, name: "KS diarium", format: "{prefix} {year}/{seq}", prefix: "KS", seqPadding: "0" }) });
    await createUserWithRole(admin, "nyby.registrator", "Rut Registrator", "REGISTRAR", `COMMITTEE:${ks.id}`);
    const officer = await createUserWithRole(admin, "nyby.handlaggare", "Hans Handläggare", "CASE_OFFICER", `DEPARTMENT:${kansli.departments[0]!.id}`);
    const registrar = await actorFor(db, "nyby.registrator");
    const options = await getRegistrationOptions(registrar);
    expect(options.committees).toEqual([
      { id: ks.id, name: "Kommunstyrelsen", shortName: "KS", hasSeries: true, registersMotions: true, existingNumberFormat: "{prefix} {year}/{seq}", departments: [{ id: kansli.departments[0]!.id, name: "Kansliet", caseOfficers: [{ id: officer.id, name: "Hans Handläggare" }] }] },
    ]);
    const registered = await registerCase({
      actor: registrar,
      input: parseInput(ZRegisterCaseSchema, {
        idempotencyKey: randomUUID(),
        title: "Skrivelse om kollektivtrafiken",
        kind: "LETTER",
        committeeId: ks.id,
        departmentId: kansli.departments[0]!.id,
        caseOfficerId: officer.id,
        receivedDate: "2026-11-20",
      }),
    });
    expect(registered.caseNumber).toBe("KS 2026/1");
    expect(await db.case.findUniqueOrThrow({ where: { id: registered.id }, select: { caseOfficerId: true, department: { select: { administrationId: true } } } })).toEqual({
      caseOfficerId: officer.id,
      department: { administrationId: kansli.id },
    });
  });

  it("creates a nämnd served by a förvaltning without creating any kansli", async () => {
    const before = await db.administration.count();
    const bun = await createCommitteeAs(admin, { name: "Barn- och utbildningsnämnden", shortName: "BUN", kind: "NAMND", preparedBy: "ADMINISTRATION" });
    expect(bun.kind).toBe("NAMND");
    expect(await db.administration.count()).toBe(before);
  });

  it("puts an utskott under its committee, lists kinds and parents, and refuses parents that do not fit", async () => {
    const ks = await db.committee.findFirstOrThrow({ where: { municipalityId: "nyby", shortName: "KS" } });
    const au = await createCommitteeAs(admin, { name: "Kommunstyrelsens arbetsutskott", shortName: "KSAU", kind: "UTSKOTT", parentId: ks.id, preparedBy: "ADMINISTRATION" });
    expect(au.parentId).toBe(ks.id);
    const { committees } = await getOrganisation(admin);
    expect(committees.find((committee) => committee.id === au.id)).toMatchObject({ kind: "UTSKOTT", parent: { name: "Kommunstyrelsen" } });

    const count = () => db.committee.count();
    await expectRefusedWithoutChange(() => createCommitteeAs(admin, { name: "Fel", shortName: "FEL", kind: "NAMND", parentId: ks.id, preparedBy: "ADMINISTRATION" }), "VALIDATION", count);
    const chain = await expectRefusedWithoutChange(() => createCommitteeAs(admin, { name: "Underutskott", shortName: "UU", kind: "BEREDNING", parentId: au.id, preparedBy: "ADMINISTRATION" }), "VALIDATION", count);
    expect(chain.fieldErrors?.parentId?.[0]).toMatch(/kan inte höra till ett annat utskott/);
    const otherKs = await createCommitteeAs(otherAdmin, { name: "Kommunstyrelsen", shortName: "KS", kind: "KOMMUNSTYRELSE", preparedBy: "OWN_KANSLI" });
    await expectRefusedWithoutChange(() => createCommitteeAs(admin, { name: "Främmande", shortName: "FR", kind: "UTSKOTT", parentId: otherKs.id, preparedBy: "ADMINISTRATION" }), "VALIDATION", count);
    await expectRefusedWithoutChange(() => createCommitteeAs(admin, { name: "Okänd typ", shortName: "OT", kind: "RIKSDAG", preparedBy: "ADMINISTRATION" }), "VALIDATION", count);
    // KS has an utskott: it cannot itself become one.
    await expectRefusedWithoutChange(
      () => updateCommittee({ actor: admin, input: parseInput(ZUpdateCommitteeSchema, { id: ks.id, updatedAt: ks.updatedAt.toISOString(), name: "Kommunstyrelsen", shortName: "KS", kind: "UTSKOTT" }) }),
      "VALIDATION",
      () => db.committee.findUniqueOrThrow({ where: { id: ks.id } }),
    );
  });
});

describe("members and terms of office", () => {
  const committeeId = async () => (await db.committee.findFirstOrThrow({ where: { municipalityId: "nyby", shortName: "BUN" } })).id;

  it("adds, changes and ends the term of a member, each with its audit event, and lists current and former members", async () => {
    const id = await committeeId();
    const linked = await createUserWithRole(admin, "nyby.ordforande", "Olga Ordförande", "CHAIR", `COMMITTEE:${id}`);
    const { id: chairId } = await addMember(admin, { committeeId: id, name: "Olga Ordförande", party: "S", role: "CHAIR", termStart: "2023-01-01", termEnd: "2026-12-31", email: "olga@nyby.example", phone: "070-123 45 67", username: "Nyby.Ordforande" });
    const { id: formerId } = await addMember(admin, { committeeId: id, name: "Frans Förre", party: "M", role: "MEMBER", termStart: "2023-01-01" });
    const former = await db.committeeMember.findUniqueOrThrow({ where: { id: formerId } });
    await endMemberTerm({ actor: admin, input: parseInput(ZEndMemberTermSchema, { id: formerId, updatedAt: former.updatedAt.toISOString(), termEnd: "2024-06-30" }) });
    const chair = await db.committeeMember.findUniqueOrThrow({ where: { id: chairId } });
    await updateMember({
      actor: admin,
      input: parseInput(ZUpdateMemberSchema, { id: chairId, updatedAt: chair.updatedAt.toISOString(), name: "Olga Ordförande", party: "S", role: "CHAIR", termStart: "2023-01-01", termEnd: "2026-12-31", email: "olga.o@nyby.example", username: "nyby.ordforande" }),
    });
    expect(await db.committeeMember.findUniqueOrThrow({ where: { id: chairId } })).toMatchObject({ email: "olga.o@nyby.example", phone: null, userId: linked.id });
    expect((await db.auditEvent.findMany({ where: { entityId: { in: [chairId, formerId] } }, orderBy: { seq: "asc" }, select: { action: true } })).map((event) => event.action)).toEqual([
      "committee_member.create",
      "committee_member.create",
      "committee_member.end_term",
      "committee_member.update",
    ]);

    const page = await getCommitteeMembers(admin, id, new Date("2026-12-01T12:00:00Z"));
    expect(page?.current.map((member) => [member.name, member.term, member.user?.username ?? null])).toEqual([["Olga Ordförande", "2023-01-01–2026-12-31", "nyby.ordforande"]]);
    expect(page?.former.map((member) => [member.name, member.term])).toEqual([["Frans Förre", "2023-01-01–2024-06-30"]]);
    // Another municipality's administrator does not see the committee at all.
    expect(await getCommitteeMembers(otherAdmin, id)).toBeNull();
  });

  it("refuses an overlapping term of the same person, a term that ends before it starts, a user of another municipality and another municipality's admin", async () => {
    const id = await committeeId();
    const count = () => db.committeeMember.count();
    const overlap = await expectRefusedWithoutChange(() => addMember(admin, { committeeId: id, name: "olga ordförande", role: "MEMBER", termStart: "2026-06-01" }), "CONFLICT", count);
    expect(overlap.userMessage).toBe("olga ordförande finns redan i nämnden under en del av perioden (2023-01-01–2026-12-31).");
    const backwards = await expectRefusedWithoutChange(() => addMember(admin, { committeeId: id, name: "Bakvänd", role: "MEMBER", termStart: "2027-01-01", termEnd: "2026-01-01" }), "VALIDATION", count);
    expect(backwards.fieldErrors?.termEnd).toEqual(["Mandatperioden kan inte sluta före den börjar."]);
    const stranger = await db.user.findUniqueOrThrow({ where: { username: "annanby.admin" } });
    const foreign = await expectRefusedWithoutChange(() => addMember(admin, { committeeId: id, name: "Främling", role: "MEMBER", termStart: "2027-01-01", username: stranger.username }), "VALIDATION", count);
    expect(foreign.fieldErrors?.username).toEqual(['Användarnamnet "annanby.admin" finns inte i kommunen.']);
    const unknown = await expectRefusedWithoutChange(() => addMember(admin, { committeeId: id, name: "Okänd", role: "MEMBER", termStart: "2027-01-01", username: "finns.inte" }), "VALIDATION", count);
    expect(unknown.fieldErrors?.username).toEqual(['Användarnamnet "finns.inte" finns inte i kommunen.']);
    await expectRefusedWithoutChange(() => addMember(otherAdmin, { committeeId: id, name: "Kapare", role: "MEMBER", termStart: "2027-01-01" }), "FORBIDDEN", count);
  });
});

describe("CSV import of a new term", () => {
  const committeeId = async () => (await db.committee.findFirstOrThrow({ where: { municipalityId: "nyby", shortName: "BUN" } })).id;
  const input = (id: string, csv: string) => parseInput(ZImportMembersSchema, { committeeId: id, csv });

  it("previews and refuses a file with bad rows, row by row in Swedish, and saves nothing", async () => {
    const id = await committeeId();
    const csv = [
      "namn;parti;roll;från;till;e-post;telefon;användarnamn",
      "Ada Ny;S;ordförande;2027-01-01;2030-12-31;ada@nyby.example;;nyby.ordforande",
      "Bert Ny;M;talman;2027-01-01;2030-12-31;;;",
      "Olga Ordförande;S;ledamot;2026-10-01;2030-12-31;;;",
      "Cilla Ny;V;ledamot;2027-01-01;2030-12-31;;;okand.anvandare",
      "Ada Ny;S;ersättare;2027-01-01;2030-12-31;;;",
    ].join("\n");
    const preview = await previewMemberImport({ actor: admin, input: input(id, csv) });
    expect(preview.valid).toBe(false);
    expect(preview.rows.map((row) => [row.line, row.errors])).toEqual([
      [2, []],
      [3, ['Okänd roll "talman": skriv ordförande, vice ordförande, ledamot eller ersättare.']],
      [4, ["Olga Ordförande finns redan i nämnden under en del av perioden (2023-01-01–2026-12-31)."]],
      [5, ['Användarnamnet "okand.anvandare" finns inte i kommunen.']],
      [6, ["Ada Ny står redan på rad 2 för samma period."]],
    ]);
    expect(preview.rows[0]).toMatchObject({ name: "Ada Ny", role: "CHAIR", term: "2027-01-01–2030-12-31", linkedUser: "Olga Ordförande (nyby.ordforande)" });
    const error = await expectRefusedWithoutChange(() => importMembers({ actor: admin, input: input(id, csv) }), "VALIDATION", () => db.committeeMember.count());
    expect(error.userMessage).toMatch(/^Ingenting importerades\. Rätta filen och försök igen: Rad 3: Okänd roll "talman"/);
  });

  it("imports a valid comma-separated file in one transaction with one audit event, linking usernames", async () => {
    const id = await committeeId();
    const csv = 'Namn,Parti,Roll,Från,Till,E-post,Telefon,Användarnamn\n"Ny, Ada",S,Ordförande,2027-01-01,2030-12-31,ada@nyby.example,070-1,nyby.ordforande\nBert Ny,M,vice ordförande,2027-01-01,2030-12-31,,,\nCilla Ny,V,Ersättare,2027-01-01,,,,\n';
    const before = await auditCount();
    expect((await previewMemberImport({ actor: admin, input: input(id, csv) })).valid).toBe(true);
    expect(await auditCount()).toBe(before);
    expect(await importMembers({ actor: admin, input: input(id, csv) })).toEqual({ count: 3 });
    const imported = await db.committeeMember.findMany({ where: { committeeId: id, termStart: new Date("2027-01-01T00:00:00Z") }, orderBy: { name: "asc" }, include: { user: { select: { username: true } } } });
    expect(imported.map((member) => [member.name, member.party, member.role, member.termEnd?.toISOString().slice(0, 10) ?? null, member.user?.username ?? null])).toEqual([
      ["Bert Ny", "M", "VICE_CHAIR", "2030-12-31", null],
      ["Cilla Ny", "V", "DEPUTY", null, null],
      ["Ny, Ada", "S", "CHAIR", "2030-12-31", "nyby.ordforande"],
    ]);
    expect(await db.auditEvent.findMany({ where: { seq: { gt: before } }, select: { action: true, entityId: true } })).toEqual([{ action: "committee_member.import", entityId: id }]);
    // The same file again overlaps every row: refused as a whole.
    await expectRefusedWithoutChange(() => importMembers({ actor: admin, input: input(id, csv) }), "VALIDATION", () => db.committeeMember.count());
    // The new term is listed as coming, not current, before it starts.
    expect((await getCommitteeMembers(admin, id, new Date("2026-12-01T12:00:00Z")))?.upcoming.map((member) => member.name)).toEqual(["Ny, Ada", "Bert Ny", "Cilla Ny"]);
  });

  it("refuses an import by the administrator of another municipality", async () => {
    const id = await committeeId();
    await expectRefusedWithoutChange(() => importMembers({ actor: otherAdmin, input: input(id, "namn;roll;från\nX;ledamot;2027-01-01\n") }), "FORBIDDEN", () => db.committeeMember.count());
  });
});
