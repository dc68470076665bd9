// Demo data of a second, fictional municipality, Exempelby kommun: kommunfullmäktige and
// kommunstyrelsen, each with its own kansli, and Barn- och utbildningsnämnden with its
// förvaltning; members with terms of office (the ordförande linked to a login), a registry
// series per committee, a KLASSA subset, the default template, its own administrator,
// registrator, nämndsekreterare and handläggare, a few cases registered through the
// registration service, and fullmäktige's next meeting, called. Nothing here refers to Stockholm's rows. Fixed ids: idempotent.
import type { MemberRole } from "@/generated/prisma/enums";
import { kansliName } from "@/features/admin/committees";
import { KANSLI_DEPARTMENT } from "@/features/admin/server/organisation-service";
import { registerCaseInTx } from "@/features/cases/server/register-case";
import { ZRegisterCaseSchema, type TRegisterCaseInput } from "@/features/cases/schemas";
import { ensureDefaultTemplate } from "@/features/statements/server/templates";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db";
import { parseInput } from "@/server/validation";
import { stockholmDateTimeToInstant } from "@/features/meetings/dates";
import { addDays, formatDate, isoDateToDb } from "@/lib/dates";
import { seedActor, upsertClassifications, upsertOrganisation, upsertUsers, type SeedUser } from "./upsert";

const uuid = (n: number): string => `00000000-0000-7000-8000-${n.toString().padStart(12, "0")}`;

export const EXEMPELBY = { id: "exempelby", name: "Exempelby kommun", slug: "exempelby" };

const COMMITTEES = [
  { id: "exb-kf", name: "Kommunfullmäktige", shortName: "KF", kind: "KOMMUNFULLMAKTIGE" },
  { id: "exb-ks", name: "Kommunstyrelsen", shortName: "KS", kind: "KOMMUNSTYRELSE" },
  { id: "exb-bun", name: "Barn- och utbildningsnämnden", shortName: "BUN", kind: "NAMND" },
] as const;

const ADMINISTRATIONS = [
  { id: "exb-kf-kansli", committeeId: "exb-kf", name: kansliName("Kommunfullmäktige") },
  { id: "exb-ks-kansli", committeeId: "exb-ks", name: kansliName("Kommunstyrelsen") },
  { id: "exb-buf", committeeId: "exb-bun", name: "Barn- och utbildningsförvaltningen" },
];

const DEPARTMENTS = [
  { id: "exb-kf-kansliet", administrationId: "exb-kf-kansli", name: KANSLI_DEPARTMENT },
  { id: "exb-ks-kansliet", administrationId: "exb-ks-kansli", name: KANSLI_DEPARTMENT },
  { id: "exb-buf-kvalitet", administrationId: "exb-buf", name: "Avdelningen för kvalitet och utveckling" },
];


/** Exempelby's logins (password "demo", like Stockholm's), listed in README and printed at start. */
export const EXEMPELBY_USERS: SeedUser[] = [
  { id: uuid(9001), username: "exempelby-admin", name: "Alva Administratör", title: "Systemförvaltare", phone: "0123-100 00", memberships: [{ id: uuid(9101), role: "ADMIN", unit: { municipalityId: "exempelby" } }] },
  { id: uuid(9002), username: "exempelby-registrator", name: "Rasmus Registrator", title: "Registrator", phone: "0123-100 01", memberships: [{ id: uuid(9102), role: "REGISTRAR", unit: { municipalityId: "exempelby" } }] },
  {
    id: uuid(9003),
    username: "exempelby-handlaggare",
    name: "Hedda Handläggare",
    title: "Kommunsekreterare",
    phone: "0123-100 02",
    memberships: [
      { id: uuid(9103), role: "CASE_OFFICER", unit: { departmentId: "exb-ks-kansliet" } },
      { id: uuid(9104), role: "CASE_OFFICER", unit: { departmentId: "exb-kf-kansliet" } },
    ],
  },
  {
    id: uuid(9004),
    username: "exempelby-sekreterare",
    name: "Sixten Sekreterare",
    title: "Nämndsekreterare",
    phone: "0123-100 03",
    memberships: [
      { id: uuid(9105), role: "COMMITTEE_SECRETARY", unit: { committeeId: "exb-kf" } },
      { id: uuid(9106), role: "COMMITTEE_SECRETARY", unit: { committeeId: "exb-ks" } },
      { id: uuid(9107), role: "COMMITTEE_SECRETARY", unit: { committeeId: "exb-bun" } },
    ],
  },
  { id: uuid(9005), username: "exempelby-bun-handlaggare", name: "Bo Utredare", title: "Utredare", phone: "0123-200 10", memberships: [{ id: uuid(9108), role: "CASE_OFFICER", unit: { departmentId: "exb-buf-kvalitet" } }] },
  { id: uuid(9006), username: "exempelby-kf-ordforande", name: "Karin Fullmäktig", title: "Kommunfullmäktiges ordförande", phone: "0123-100 10", memberships: [{ id: uuid(9109), role: "CHAIR", unit: { committeeId: "exb-kf" } }] },
  { id: uuid(9007), username: "exempelby-ks-ordforande", name: "Kalle Styrelse", title: "Kommunstyrelsens ordförande", phone: "0123-100 11", memberships: [{ id: uuid(9110), role: "CHAIR", unit: { committeeId: "exb-ks" } }] },
  { id: uuid(9008), username: "exempelby-bun-ordforande", name: "Britt Utbildning", title: "Barn- och utbildningsnämndens ordförande", phone: "0123-100 12", memberships: [{ id: uuid(9111), role: "CHAIR", unit: { committeeId: "exb-bun" } }] },
];

const userId = (username: string): string => {
  const user = EXEMPELBY_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`Unknown Exempelby user ${username}`);
  return user.id;
};

/** The mandatperiod of the demo: fullmäktige from 15 October after the election, nämnder from 1 January. */
type Member = { name: string; party: string; role: MemberRole; username?: string; termStart?: string; termEnd?: string };

const MEMBERS: Record<(typeof COMMITTEES)[number]["id"], { termStart: string; members: Member[] }> = {
  "exb-kf": {
    termStart: "2022-10-15",
    members: [
      { name: "Karin Fullmäktig", party: "S", role: "CHAIR", username: "exempelby-kf-ordforande" },
      { name: "Per Persson", party: "M", role: "VICE_CHAIR" },
      { name: "Amina Said", party: "S", role: "MEMBER" },
      { name: "Gustav Lind", party: "M", role: "MEMBER" },
      { name: "Elin Strand", party: "C", role: "MEMBER" },
      { name: "Jonas Berg", party: "SD", role: "MEMBER" },
      { name: "Maja Ek", party: "V", role: "MEMBER" },
      { name: "Olof Dahl", party: "KD", role: "MEMBER", termEnd: "2025-06-30" },
      { name: "Lena Dahlberg", party: "KD", role: "MEMBER", termStart: "2025-07-01" },
      { name: "Tove Lund", party: "L", role: "DEPUTY" },
      { name: "Ali Hassan", party: "MP", role: "DEPUTY" },
    ],
  },
  "exb-ks": {
    termStart: "2023-01-01",
    members: [
      { name: "Kalle Styrelse", party: "S", role: "CHAIR", username: "exempelby-ks-ordforande" },
      { name: "Per Persson", party: "M", role: "VICE_CHAIR" },
      { name: "Amina Said", party: "S", role: "MEMBER" },
      { name: "Elin Strand", party: "C", role: "MEMBER" },
      { name: "Jonas Berg", party: "SD", role: "MEMBER" },
      { name: "Maja Ek", party: "V", role: "DEPUTY" },
      { name: "Gustav Lind", party: "M", role: "DEPUTY" },
    ],
  },
  "exb-bun": {
    termStart: "2023-01-01",
    members: [
      { name: "Britt Utbildning", party: "C", role: "CHAIR", username: "exempelby-bun-ordforande" },
      { name: "Sven Nord", party: "S", role: "VICE_CHAIR" },
      { name: "Ingrid Holm", party: "M", role: "MEMBER" },
      { name: "Yusuf Ali", party: "S", role: "MEMBER" },
      { name: "Hanna Sjö", party: "SD", role: "MEMBER" },
      { name: "Erik Vik", party: "V", role: "DEPUTY" },
      { name: "Sara Lund", party: "KD", role: "DEPUTY" },
    ],
  },
};

const email = (name: string): string =>
  `${name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ /g, ".")}@politik.exempelby.example`;

const CLASSIFICATIONS = [
  { id: uuid(9301), code: "1.1", title: "Styrning och ledning av verksamheten" },
  { id: uuid(9302), code: "1.4", title: "Politiska initiativ och skrivelser" },
  { id: uuid(9303), code: "1.5", title: "Remisser och yttranden" },
  { id: uuid(9304), code: "1.5.1", title: "Yttranden över remisser" },
  { id: uuid(9305), code: "4.1", title: "Förskola och skola" },
];

const classId = (code: string): string => CLASSIFICATIONS.find((classification) => classification.code === code)!.id;

const CASES: { id: string; input: TRegisterCaseInput }[] = [
  {
    id: uuid(9401),
    input: {
      idempotencyKey: uuid(9501),
      title: "Skrivelse om kollektivtrafiken till Norrby",
      kind: "LETTER",
      committeeId: "exb-ks",
      departmentId: "exb-ks-kansliet",
      caseOfficerId: userId("exempelby-handlaggare"),
      classificationId: classId("1.4"),
      receivedDate: "2026-10-05",
      incomingDocument: { description: "Skrivelse från Norrby byalag", counterpart: "Norrby byalag", documentDate: "2026-10-02" },
    },
  },
  {
    id: uuid(9402),
    input: {
      idempotencyKey: uuid(9502),
      title: "Medborgarförslag om utegym vid Exempelsjön",
      kind: "OTHER",
      committeeId: "exb-kf",
      departmentId: "exb-kf-kansliet",
      caseOfficerId: userId("exempelby-handlaggare"),
      classificationId: classId("1.4"),
      receivedDate: "2026-11-03",
    },
  },
  {
    id: uuid(9403),
    input: {
      idempotencyKey: uuid(9503),
      title: "Remiss: Skolverkets förslag till ändrade kursplaner i grundskolan",
      kind: "AGENCY_REFERRAL",
      committeeId: "exb-bun",
      departmentId: "exb-buf-kvalitet",
      caseOfficerId: userId("exempelby-bun-handlaggare"),
      classificationId: classId("1.5.1"),
      referringBody: "Skolverket",
      referringCaseNumber: "2026:1123",
      receivedDate: "2026-11-10",
      dueDate: "2027-02-15",
      incomingDocument: { description: "Remissunderlag kursplaner", counterpart: "Skolverket", documentDate: "2026-11-09" },
    },
  },
];

/** Exempelby's registrator as an actor (the seed runs without a session). */
const registrarActor = (): Actor =>
  seedActor(EXEMPELBY_USERS.find((candidate) => candidate.username === "exempelby-registrator")!, { role: "REGISTRAR", unitType: "MUNICIPALITY", unitId: EXEMPELBY.id, unitName: EXEMPELBY.name });

export const EXEMPELBY_KF_MEETING_ID = uuid(9501);

/**
 * Kommunfullmäktige's next meeting, three weeks after the demo was installed (`now`), its
 * kallelse published that day: fullmäktige's meetings are public, so the kungörelse is on
 * Exempelby's anslagstavla until the meeting day.
 */
const seedCalledCouncilMeeting = async (tx: Tx, now: Date): Promise<void> => {
  if (await tx.meeting.findUnique({ where: { id: EXEMPELBY_KF_MEETING_ID }, select: { id: true } })) return;
  await tx.meeting.create({
    data: {
      id: EXEMPELBY_KF_MEETING_ID,
      committeeId: "exb-kf",
      startsAt: stockholmDateTimeToInstant(formatDate(addDays(now, 21)), "18:30"),
      place: "Kommunhuset, fullmäktigesalen, Storgatan 1, Exempelby",
      status: "CALLED",
      agendaPublishedAt: now,
      noticeSentAt: now,
      version: 2,
      createdById: userId("exempelby-sekreterare"),
      agendaItems: {
        create: [
          { id: uuid(9511), position: 1, kind: "OTHER", title: "Allmänhetens frågestund" },
          { id: uuid(9512), position: 2, kind: "INFORMATION", title: "Information om budgetprocessen inför nästa år", proposal: ["Informationen noteras."] },
          { id: uuid(9513), position: 3, kind: "OTHER", title: "Anmälan av inkomna motioner", proposal: ["Motionerna remitteras till kommunstyrelsen."] },
        ],
      },
    },
  });
};

/** Called from seedDemoInstallation in its own transaction; `passwordHash` is the demo password's. */
export const seedExempelby = async (tx: Tx, passwordHash: string, now = new Date()): Promise<void> => {
  const existed = await tx.municipality.findUnique({ where: { id: EXEMPELBY.id } });
  await upsertOrganisation(tx, { municipality: EXEMPELBY, committees: COMMITTEES, administrations: ADMINISTRATIONS, departments: DEPARTMENTS });
  await upsertUsers(tx, EXEMPELBY_USERS, { passwordHash, emailDomain: "exempelby.example" });
  let memberNumber = 9200;
  for (const [committeeId, { termStart, members }] of Object.entries(MEMBERS)) {
    for (const member of members) {
      memberNumber += 1;
      const data = {
        committeeId,
        name: member.name,
        party: member.party,
        role: member.role,
        email: email(member.name),
        userId: member.username ? userId(member.username) : null,
        termStart: isoDateToDb(member.termStart ?? termStart),
        termEnd: member.termEnd ? isoDateToDb(member.termEnd) : null,
      };
      await tx.committeeMember.upsert({ where: { id: uuid(memberNumber) }, create: { id: uuid(memberNumber), ...data }, update: data });
    }
  }
  for (const committee of COMMITTEES) {
    const series = { id: `series-${committee.id}`, committeeId: committee.id, name: `Diarium ${committee.name}`, format: "{prefix} {year}/{seq}", prefix: committee.shortName, seqPadding: 0 };
    await tx.registrySeries.upsert({ where: { committeeId: committee.id }, create: series, update: {} });
  }
  await upsertClassifications(tx, EXEMPELBY.id, CLASSIFICATIONS);
  await ensureDefaultTemplate(tx, EXEMPELBY.id);
  if (!existed) {
    await recordAudit(tx, { actorId: null, action: "seed.demo", entityType: "Municipality", entityId: EXEMPELBY.id, data: { users: EXEMPELBY_USERS.length } });
  }
  const actor = registrarActor();
  for (const demo of CASES) {
    if (await tx.case.findUnique({ where: { id: demo.id }, select: { id: true } })) continue;
    await registerCaseInTx(tx, { actor, input: parseInput(ZRegisterCaseSchema, demo.input), caseId: demo.id });
  }
  await seedCalledCouncilMeeting(tx, now);
};
