// The demo organisation and accounts, modelled on the reference tjänsteutlåtande
// (../shared/reference/tjansteutlatande-oppna-drogscener.md). Fixed ids: seeding twice changes nothing.
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { seedActor, type SeedUser } from "./upsert";

export const DEMO_PASSWORD = "demo";

export const MUNICIPALITY = { id: "stockholm", name: "Stockholms stad", slug: "stockholm", publicUrl: "https://start.stockholm" };

export const COMMITTEES = [
  { id: "kf", name: "Kommunfullmäktige", shortName: "KF", kind: "KOMMUNFULLMAKTIGE" },
  { id: "ks", name: "Kommunstyrelsen", shortName: "KS", kind: "KOMMUNSTYRELSE" },
  { id: "has", name: "Hägersten-Älvsjö stadsdelsnämnd", shortName: "HÄS", kind: "STADSDELSNAMND" },
  { id: "sos", name: "Södermalms stadsdelsnämnd", shortName: "SÖS", kind: "STADSDELSNAMND" },
  { id: "fas", name: "Farsta stadsdelsnämnd", shortName: "FAS", kind: "STADSDELSNAMND" },
] as const;

export const ADMINISTRATIONS = [
  { id: "slk", committeeId: "ks", name: "Stadsledningskontoret" },
  { id: "has-sdf", committeeId: "has", name: "Hägersten-Älvsjö stadsdelsförvaltning" },
  { id: "sos-sdf", committeeId: "sos", name: "Södermalms stadsdelsförvaltning" },
  { id: "fas-sdf", committeeId: "fas", name: "Farsta stadsdelsförvaltning" },
] as const;

export const DEPARTMENTS = [
  { id: "has-sos", administrationId: "has-sdf", name: "Avdelningen för samhälle och service" },
  { id: "has-ifo", administrationId: "has-sdf", name: "Avdelningen för individ- och familjeomsorg" },
  { id: "has-adm", administrationId: "has-sdf", name: "Administrativa avdelningen" },
  { id: "sos-sos", administrationId: "sos-sdf", name: "Avdelningen för samhälle och service" },
  { id: "fas-sos", administrationId: "fas-sdf", name: "Avdelningen för samhälle och service" },
  { id: "slk-kla", administrationId: "slk", name: "Kommunledningsavdelningen" },
] as const;

export type DemoUser = SeedUser;

const uuid = (n: number): string => `00000000-0000-7000-8000-${n.toString().padStart(12, "0")}`;

export const DEMO_USERS: DemoUser[] = [
  {
    id: uuid(1),
    username: "clas.cederlid",
    name: "Clas Cederlid",
    title: "Utredare",
    phone: "08-50823326",
    memberships: [{ id: uuid(101), role: "CASE_OFFICER", unit: { departmentId: "has-sos" } }],
  },
  {
    id: uuid(2),
    username: "linda.palo",
    name: "Linda Palo",
    title: "Avdelningschef",
    phone: "08-50823310",
    memberships: [{ id: uuid(102), role: "DEPARTMENT_HEAD", unit: { departmentId: "has-sos" } }],
  },
  {
    id: uuid(3),
    username: "lee.orberson",
    name: "Lee Orberson",
    title: "Stadsdelsdirektör",
    phone: "08-50823001",
    memberships: [{ id: uuid(103), role: "DIRECTOR", unit: { administrationId: "has-sdf" } }],
  },
  {
    id: uuid(4),
    username: "sekreterare",
    name: "Karin Sjöberg",
    title: "Nämndsekreterare",
    phone: "08-50823020",
    memberships: [{ id: uuid(104), role: "COMMITTEE_SECRETARY", unit: { committeeId: "has" } }],
  },
  {
    id: uuid(5),
    username: "registrator",
    name: "Johan Ek",
    title: "Registrator",
    phone: "08-50823025",
    memberships: [{ id: uuid(105), role: "REGISTRAR", unit: { committeeId: "has" } }],
  },
  {
    id: uuid(6),
    username: "ordforande",
    name: "Maria Lindqvist",
    title: "Ordförande, Hägersten-Älvsjö stadsdelsnämnd",
    phone: "08-50823030",
    memberships: [{ id: uuid(106), role: "CHAIR", unit: { committeeId: "has" } }],
  },
  {
    id: uuid(7),
    username: "justerare",
    name: "Anders Berglund",
    title: "Ledamot, Hägersten-Älvsjö stadsdelsnämnd",
    phone: "08-50823031",
    memberships: [{ id: uuid(107), role: "MINUTES_CHECKER", unit: { committeeId: "has" } }],
  },
  {
    id: uuid(8),
    username: "admin",
    name: "Systemförvaltare Yttra",
    title: "Systemförvaltare",
    phone: "08-50820000",
    memberships: [{ id: uuid(108), role: "ADMIN", unit: { municipalityId: "stockholm" } }],
  },
  // The sending side of the remiss round trip: kommunstyrelsen's registrator and a handläggare
  // at stadsledningskontoret; registrators and handläggare of two more remissinstanser.
  {
    id: uuid(11),
    username: "eva.stromberg",
    name: "Eva Strömberg",
    title: "Registrator",
    phone: "08-50829001",
    memberships: [{ id: uuid(111), role: "REGISTRAR", unit: { committeeId: "ks" } }],
  },
  {
    id: uuid(12),
    username: "petter.lind",
    name: "Petter Lind",
    title: "Utredare",
    phone: "08-50829002",
    memberships: [{ id: uuid(112), role: "CASE_OFFICER", unit: { departmentId: "slk-kla" } }],
  },
  {
    id: uuid(13),
    username: "sofia.berg",
    name: "Sofia Berg",
    title: "Registrator",
    phone: "08-50814001",
    memberships: [{ id: uuid(113), role: "REGISTRAR", unit: { committeeId: "sos" } }],
  },
  {
    id: uuid(14),
    username: "samir.haddad",
    name: "Samir Haddad",
    title: "Utredare",
    phone: "08-50814002",
    memberships: [{ id: uuid(114), role: "CASE_OFFICER", unit: { departmentId: "sos-sos" } }],
  },
  {
    id: uuid(15),
    username: "frida.alm",
    name: "Frida Alm",
    title: "Registrator",
    phone: "08-50818001",
    memberships: [{ id: uuid(115), role: "REGISTRAR", unit: { committeeId: "fas" } }],
  },
  {
    id: uuid(16),
    username: "farid.nour",
    name: "Farid Nour",
    title: "Utredare",
    phone: "08-50818002",
    memberships: [{ id: uuid(116), role: "CASE_OFFICER", unit: { departmentId: "fas-sos" } }],
  },
  {
    id: uuid(900),
    username: "installation",
    name: "Installationsadministratör",
    title: "Administratör för installationen (kommuner)",
    phone: "08-50820001",
    installationAdmin: true,
    memberships: [],
  },
];

/** A demo account by username; an unknown name is a mistake in the seed. */
export const demoUser = (username: string): DemoUser => {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`Unknown demo user ${username}`);
  return user;
};

/** A demo account as a signed-in actor with one role in Hägersten-Älvsjö stadsdelsnämnd (the seed runs without a session). */
export const demoActor = (username: string, role: Role): Actor =>
  seedActor(demoUser(username), { role, unitType: "COMMITTEE", unitId: "has", unitName: "Hägersten-Älvsjö stadsdelsnämnd" });
