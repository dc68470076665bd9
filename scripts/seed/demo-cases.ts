// Demo diarium: a series per committee, a KLASSA subset, and cases in every state, the
// first one being the reference case (../shared/reference/tjansteutlatande-oppna-drogscener.md).
// Cases are registered through the same service as the form, so their numbers come from
// the counters; an existing case (fixed id) is left alone, so a re-seed changes nothing.
import { markCaseMisregisteredInTx, closeCaseInTx } from "@/features/cases/server/case-lifecycle";
import { registerCaseInTx } from "@/features/cases/server/register-case";
import { parseInput } from "@/server/validation";
import { ZRegisterCaseSchema, type TRegisterCaseInput } from "@/features/cases/schemas";
import type { Tx } from "@/server/db";
import { COMMITTEES, demoActor, demoUser, MUNICIPALITY } from "./demo-organisation";
import { upsertClassifications } from "./upsert";

const uuid = (n: number): string => `00000000-0000-7000-8000-${n.toString().padStart(12, "0")}`;

export const DEMO_SERIES = COMMITTEES.map((committee) => ({
  id: `series-${committee.id}`,
  committeeId: committee.id,
  name: `Diarium ${committee.name}`,
  format: "{prefix} {year}/{seq}",
  prefix: committee.shortName,
  seqPadding: 0,
}));

/** A subset of KLASSA (SKR's classification structure) for the demo. */
export const DEMO_CLASSIFICATIONS = [
  { id: uuid(1001), code: "1.1", title: "Styrning och ledning av verksamheten" },
  { id: uuid(1002), code: "1.2", title: "Planering och uppföljning av verksamheten" },
  { id: uuid(1003), code: "1.3", title: "Samverkan med andra aktörer" },
  { id: uuid(1004), code: "1.4", title: "Politiska initiativ och skrivelser" },
  { id: uuid(1005), code: "1.5", title: "Remisser och yttranden" },
  { id: uuid(1006), code: "1.5.1", title: "Yttranden över remisser" },
  { id: uuid(1007), code: "1.5.2", title: "Yttranden till andra myndigheter" },
  { id: uuid(1008), code: "2.1", title: "Trygghet och brottsförebyggande arbete" },
  { id: uuid(1009), code: "2.2", title: "Stadsmiljö, parker och renhållning" },
  { id: uuid(1010), code: "3.1", title: "Individ- och familjeomsorg" },
  { id: uuid(1011), code: "3.2", title: "Synpunkter och klagomål" },
];

const classId = (code: string): string => {
  const found = DEMO_CLASSIFICATIONS.find((classification) => classification.code === code);
  if (!found) throw new Error(`Unknown demo classification ${code}`);
  return found.id;
};

const userId = (username: string): string => demoUser(username).id;

export const REFERENCE_CASE_ID = uuid(2001);

type DemoCase = {
  id: string;
  input: TRegisterCaseInput;
  then?: { close: string } | { misregister: string };
};

const common = { committeeId: "has", departmentId: "has-sos", caseOfficerId: userId("clas.cederlid") };

/** In order of arrival, so that a fresh database numbers them as a registrator would have. */
export const DEMO_CASES: DemoCase[] = [
  {
    id: REFERENCE_CASE_ID,
    input: {
      ...common,
      idempotencyKey: uuid(3001),
      title: "Stoppa de öppna drogscenerna – motion från (M)",
      kind: "MOTION_REFERRAL",
      classificationId: classId("1.5.1"),
      referringBody: "Kommunstyrelsen",
      referringCaseNumber: "KS 2024/312",
      receivedDate: "2024-02-12",
      dueDate: "2024-05-03",
      motion: {
        number: "2024:12",
        title: "Motion (2024:12) av Andréa Hedin (M) om att stoppa de öppna drogscenerna",
        raisedDate: "2024-01-24",
        authors: [{ name: "Andréa Hedin", party: "M" }],
        proposals: [
          "Stockholms stad utreder och sätter in insatser vid varje öppen drogscen som har en skola inom en radie av 500 meter för att undvika att barn och unga rekryteras av gängkriminella eller utsätts för brott.",
        ],
      },
      incomingDocument: { description: "Remissunderlag Motion Stoppa de öppna drogscenerna", counterpart: "Kommunstyrelsen", documentDate: "2024-02-12" },
    },
  },
  {
    id: uuid(2002),
    input: {
      ...common,
      idempotencyKey: uuid(3002),
      title: "Fler utegym i söderort – motion från (S)",
      kind: "MOTION_REFERRAL",
      classificationId: classId("1.5.1"),
      referringBody: "Kommunstyrelsen",
      referringCaseNumber: "KS 2025/204",
      receivedDate: "2025-03-10",
      dueDate: "2025-05-28",
      motion: {
        number: "2025:18",
        title: "Motion (2025:18) av Sara Lindgren (S) om fler utegym i söderort",
        raisedDate: "2025-02-17",
        authors: [{ name: "Sara Lindgren", party: "S" }],
        proposals: [
          "Stockholms stad tar fram en plan för fler utegym i söderort, med prioritet för områden där utbudet av spontanidrott är lågt.",
          "stadsdelsnämnderna får i uppdrag att i dialog med föreningslivet föreslå lämpliga platser.",
        ],
      },
      incomingDocument: { description: "Remissunderlag Motion om fler utegym i söderort", counterpart: "Kommunstyrelsen", documentDate: "2025-03-10" },
    },
    then: { close: "Remissen besvarad genom nämndens beslut 2025-05-22, § 14. Yttrandet har expedierats till kommunstyrelsen." },
  },
  {
    id: uuid(2003),
    input: {
      ...common,
      idempotencyKey: uuid(3003),
      title: "Regional handlingsplan mot öppna drogscener 2027–2028 – remiss från Länsstyrelsen",
      kind: "AGENCY_REFERRAL",
      classificationId: classId("1.5.2"),
      referringBody: "Länsstyrelsen i Stockholms län",
      referringCaseNumber: "Dnr 451-18240-2026",
      receivedDate: "2026-08-17",
      dueDate: "2026-10-30",
      incomingDocument: {
        description: "Remiss: Regional handlingsplan mot öppna drogscener 2027–2028",
        counterpart: "Länsstyrelsen i Stockholms län",
        documentDate: "2026-08-14",
      },
    },
  },
  {
    id: uuid(2004),
    input: {
      ...common,
      idempotencyKey: uuid(3004),
      title: "Skrivelse om nedskräpning i Tantolunden",
      kind: "LETTER",
      classificationId: classId("2.2"),
      referringBody: "Privatperson",
      receivedDate: "2026-09-07",
      incomingDocument: { description: "Skrivelse om nedskräpning i Tantolunden", documentDate: "2026-09-05" },
    },
    then: { misregister: "Skrivelsen gäller Tantolunden på Södermalm och har överlämnats till Södermalms stadsdelsnämnd." },
  },
  {
    id: uuid(2005),
    input: {
      ...common,
      idempotencyKey: uuid(3005),
      title: "Trygga skolvägar i söderort – motion från (L)",
      kind: "MOTION_REFERRAL",
      classificationId: classId("1.5.1"),
      referringBody: "Kommunstyrelsen",
      referringCaseNumber: "KS 2026/1187",
      receivedDate: "2026-10-20",
      dueDate: "2026-12-11",
      motion: {
        number: "2026:41",
        title: "Motion (2026:41) av Johanna Berg och Erik Nyström (båda L) om trygga skolvägar i söderort",
        raisedDate: "2026-09-24",
        authors: [
          { name: "Johanna Berg", party: "L" },
          { name: "Erik Nyström", party: "L" },
        ],
        proposals: [
          "Stockholms stad kartlägger skolvägarna till samtliga grundskolor i söderort med avseende på trafiksäkerhet och upplevd trygghet.",
          "trafiknämnden får i uppdrag att åtgärda de brister som kartläggningen visar, i samråd med stadsdelsnämnderna.",
          "föräldravandringar och fältassistenters närvaro vid skolvägarna ses över.",
        ],
      },
      incomingDocument: { description: "Remissunderlag Motion om trygga skolvägar i söderort", counterpart: "Kommunstyrelsen", documentDate: "2026-10-20" },
    },
  },
  {
    id: uuid(2006),
    input: {
      ...common,
      idempotencyKey: uuid(3006),
      title: "Skrivelse om en enskilds boendesituation",
      kind: "LETTER",
      classificationId: classId("3.1"),
      receivedDate: "2026-11-02",
      confidentiality: { reference: "26 kap. 1 § OSL", reason: "Skrivelsen innehåller uppgifter om en enskilds personliga förhållanden inom socialtjänsten." },
      incomingDocument: { description: "Skrivelse från enskild", documentDate: "2026-10-30" },
    },
  },
];

/** Called at the end of seedDemoData, inside its transaction. */
export const seedDemoCases = async (tx: Tx): Promise<{ casesCreated: number }> => {
  // Admins may change series and classes later: a re-seed creates what is missing and keeps their edits.
  for (const series of DEMO_SERIES) {
    await tx.registrySeries.upsert({ where: { committeeId: series.committeeId }, create: series, update: {} });
  }
  await upsertClassifications(tx, MUNICIPALITY.id, DEMO_CLASSIFICATIONS);
  const actor = demoActor("registrator", "REGISTRAR");
  let casesCreated = 0;
  for (const demo of DEMO_CASES) {
    if (await tx.case.findUnique({ where: { id: demo.id }, select: { id: true } })) continue;
    await registerCaseInTx(tx, { actor, input: parseInput(ZRegisterCaseSchema, demo.input), caseId: demo.id });
    casesCreated += 1;
    if (demo.then && "close" in demo.then) await closeCaseInTx(tx, actor, { caseId: demo.id, version: 1, reason: demo.then.close });
    if (demo.then && "misregister" in demo.then) await markCaseMisregisteredInTx(tx, actor, { caseId: demo.id, version: 1, reason: demo.then.misregister });
  }
  return { casesCreated };
};
