// Two municipalities side by side for the tenancy tests: a second municipality built the way
// an installation administrator and its new administrator build one (through the services),
// and "canary" content — a string that appears in case titles, handlingar, statement text,
// meeting and agenda titles, mail subjects, template names and classification titles — so a
// test can search everything one municipality's users see for the other's canary.
import { contentHashOf } from "@/features/attestation/content";
import { createMunicipality } from "@/features/admin/server/municipality-service";
import { createAdministration, createCommittee, createDepartment } from "@/features/admin/server/organisation-service";
import { createUserAsAdmin } from "@/features/admin/server/user-admin-service";
import { createUser } from "@/features/admin/server/user-service";
import { ZAdminCreateUserSchema, ZCreateAdministrationSchema, ZCreateCommitteeSchema, ZCreateDepartmentSchema, ZCreateMunicipalitySchema, ZCreateUserSchema } from "@/features/admin/schemas";
import type { Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db";
import { parseInput } from "@/server/validation";
import { actorFor } from "./admin-fixtures";
import { statementContent, TEST_TEMPLATE_DEFINITION } from "./attestation-fixtures";

export const INSTALLATION_ADMIN = "drift";
export const PASSWORD = "ett-långt-lösenord";

/** The installation administrator (as `npm run user:create -- --installation` creates one). */
export const createInstallationAdmin = async (db: Db): Promise<Actor> => {
  if (!(await db.user.findUnique({ where: { username: INSTALLATION_ADMIN } }))) {
    await createUser({ actorId: null, input: parseInput(ZCreateUserSchema, { username: INSTALLATION_ADMIN, name: "Driftens administratör", password: PASSWORD }), installationAdmin: true });
  }
  return actorFor(db, INSTALLATION_ADMIN);
};

export type Tenant = {
  municipalityId: string;
  committeeId: string;
  departmentId: string;
  /** Usernames of the municipality's staff: administrator, registrator, handläggare, nämndsekreterare. */
  admin: string;
  registrar: string;
  officer: string;
  secretary: string;
};

/**
 * "Testby kommun" as its administrators set it up in the browser: the installation
 * administrator creates it with a new first administrator, who adds a committee, a
 * förvaltning, an avdelning and staff.
 */
export const buildSecondTenant = async (db: Db, { slug = "testby", name = "Testby kommun" } = {}): Promise<Tenant> => {
  const installation = await createInstallationAdmin(db);
  const created = await createMunicipality({
    actor: installation,
    input: parseInput(ZCreateMunicipalitySchema, { name, slug, adminKind: "NEW", adminUsername: `${slug}.admin`, adminName: `Administratör i ${name}`, adminEmail: `admin@${slug}.example` }),
  });
  const admin = await actorFor(db, created.admin.username);
  const committee = await createCommittee({ actor: admin, input: parseInput(ZCreateCommitteeSchema, { name: `Socialnämnden i ${name}`, shortName: "SN", kind: "NAMND", preparedBy: "ADMINISTRATION" }) });
  const administration = await createAdministration({ actor: admin, input: parseInput(ZCreateAdministrationSchema, { name: "Socialförvaltningen", committeeId: committee.id }) });
  const department = await createDepartment({ actor: admin, input: parseInput(ZCreateDepartmentSchema, { name: "Avdelningen för stöd", administrationId: administration.id }) });
  const staff = { registrar: `${slug}.registrator`, officer: `${slug}.handlaggare`, secretary: `${slug}.sekreterare` };
  const roles = [
    { username: staff.registrar, role: "REGISTRAR", unit: `COMMITTEE:${committee.id}` },
    { username: staff.officer, role: "CASE_OFFICER", unit: `DEPARTMENT:${department.id}` },
    { username: staff.secretary, role: "COMMITTEE_SECRETARY", unit: `COMMITTEE:${committee.id}` },
  ];
  for (const { username, role, unit } of roles) {
    await createUserAsAdmin({ actor: admin, input: parseInput(ZAdminCreateUserSchema, { username, name: `${username} i ${name}`, password: PASSWORD, role, unit, email: `${username}@${slug}.example` }) });
  }
  return { municipalityId: created.id, committeeId: committee.id, departmentId: department.id, admin: created.admin.username, ...staff };
};

export type CanaryContent = { caseId: string; caseNumber: string; statementId: string; meetingId: string; templateKey: string; mailId: string };

let sequence = 0;

/**
 * A municipality's own content, every text carrying `canary`: a KLASSA class, a template, a
 * public case with an incoming handling and a watched deadline, a statement, a called meeting
 * with a published agenda, and an e-mail in the outbox.
 */
export const addCanaryContent = async (db: Db, tenant: Pick<Tenant, "municipalityId" | "committeeId" | "departmentId" | "officer" | "secretary">, canary: string): Promise<CanaryContent> => {
  sequence += 1;
  const officer = await db.user.findUniqueOrThrow({ where: { username: tenant.officer } });
  const secretary = await db.user.findUniqueOrThrow({ where: { username: tenant.secretary } });
  const classification = await db.classification.create({ data: { municipalityId: tenant.municipalityId, code: `9.${sequence}`, title: `Klass ${canary}` } });
  const templateKey = `mall-${sequence}`;
  const template = await db.statementTemplate.create({ data: { municipalityId: tenant.municipalityId, key: templateKey, name: `Mall ${canary}`, version: 1, definition: TEST_TEMPLATE_DEFINITION } });
  const series =
    (await db.registrySeries.findUnique({ where: { committeeId: tenant.committeeId } })) ??
    (await db.registrySeries.create({ data: { id: `${tenant.committeeId}-serie`, committeeId: tenant.committeeId, name: "Diarieserie", format: "{prefix} {year}/{seq}", prefix: "SN" } }));
  const caseNumber = `${series.prefix} 2098/${sequence}`;
  const title = `Ärende ${canary}`;
  const created = await db.case.create({
    data: {
      caseNumber,
      seriesId: series.id,
      year: 2098,
      sequence,
      title,
      kind: "MOTION_REFERRAL",
      committeeId: tenant.committeeId,
      departmentId: tenant.departmentId,
      caseOfficerId: officer.id,
      classificationId: classification.id,
      referringBody: `Kommunstyrelsen ${canary}`,
      receivedDate: new Date("2026-01-10T00:00:00Z"),
      createdById: officer.id,
      lastDocumentNumber: 1,
      deadlines: { create: [{ kind: "REFERRAL_DUE", dueDate: new Date("2026-12-20T00:00:00Z"), description: `Remisstid ${canary}` }] },
      documents: { create: [{ number: 1, direction: "INCOMING", documentDate: new Date("2026-01-10T00:00:00Z"), counterpart: `Avsändare ${canary}`, description: `Remiss ${canary}`, createdById: officer.id }] },
    },
  });
  const committee = await db.committee.findUniqueOrThrow({ where: { id: tenant.committeeId } });
  const base = statementContent(title, `Förvaltningens text ${canary}`);
  const content = { ...base, header: { ...base.header, caseNumber, caseOfficerName: officer.name, caseOfficerPhone: officer.phone ?? "", committeeName: committee.name } };
  const statement = await db.statement.create({
    data: {
      caseId: created.id,
      templateId: template.id,
      createdById: officer.id,
      currentVersion: 1,
      versions: { create: { number: 1, content, contentHash: contentHashOf(content, 1), authorId: officer.id } },
    },
  });
  const meeting = await db.meeting.create({
    data: {
      committeeId: tenant.committeeId,
      startsAt: new Date("2026-12-10T17:00:00Z"),
      place: `Sammanträdesrummet ${canary}`,
      status: "CALLED",
      agendaPublishedAt: new Date(),
      noticeSentAt: new Date(),
      createdById: secretary.id,
      agendaItems: { create: [{ position: 1, kind: "OTHER", title: `Ärendepunkt ${canary}` }] },
    },
  });
  const mail = await db.mailMessage.create({ data: { municipalityId: tenant.municipalityId, toAddress: `ledamot@${tenant.municipalityId}.example`, subject: `Kallelse ${canary}`, text: `Föredragningslista ${canary}` } });
  return { caseId: created.id, caseNumber, statementId: statement.id, meetingId: meeting.id, templateKey, mailId: mail.id };
};
