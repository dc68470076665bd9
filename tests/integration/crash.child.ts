// Child process of crash.integration.test.ts: does one kind of write as fast as it can,
// several transactions in flight at once, until it is killed with SIGKILL.
//   node --conditions=react-server --import tsx tests/integration/crash.child.ts <attestation|registration>
// (the services' `import "server-only"` is empty under that condition).
import { randomUUID } from "node:crypto";
import { attestStep, sendStatementForAttestation, withdrawAttestation } from "@/features/attestation/server/attestation-service";
import { registerCase } from "@/features/cases/server/register-case";
import { createDb, setDb } from "@/server/db";
import { actorOf, type Actor } from "@/server/auth/actor-record";
import { createCaseWithStatement, sentHash, stepOf } from "./attestation-fixtures";
import { ZRegisterCaseSchema } from "@/features/cases/schemas";
import { parseInput } from "@/server/validation";

const db = createDb(process.env.DATABASE_URL!, 8);
setDb(db);

/** The actor of a fresh login, built as loadActor builds it. */
const actorFor = async (username: string): Promise<Actor> =>
  actorOf(db, (await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id, Math.floor(Date.now() / 1000) + 3600);

const attestations = async () => {
  const clas = await actorFor("clas.cederlid");
  const linda = await actorFor("linda.palo");
  const lee = await actorFor("lee.orberson");
  for (let round = 0; ; round += 1) {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendStatementForAttestation({ actor: clas, input: { caseId, order: round % 2 ? "PARALLEL" : "SEQUENTIAL", attesterIds: [linda.id, lee.id], versionNumber: 1 } });
    const contentHash = await sentHash(db, statementId);
    const [lindaStep, leeStep] = await Promise.all([stepOf(db, statementId, "linda.palo"), stepOf(db, statementId, "lee.orberson")]);
    await attestStep({ actor: linda, input: { stepId: lindaStep, contentHash } });
    console.log("progress");
    await Promise.allSettled([attestStep({ actor: lee, input: { stepId: leeStep, contentHash } }), attestStep({ actor: lee, input: { stepId: leeStep, contentHash } })]);
    if (round % 3 === 0) await withdrawAttestation({ actor: clas, input: { caseId, reason: "omtag" } });
  }
};

/** A motion remiss with its incoming handling: number, case, motion, deadlines, document and their events in one transaction. */
const motionReferral = (caseOfficerId: string, round: number) => ({
  idempotencyKey: randomUUID(),
  title: `Motion om belysning i Aspudden ${round}`,
  kind: "MOTION_REFERRAL",
  committeeId: "has",
  departmentId: "has-sos",
  caseOfficerId,
  referringBody: "Kommunstyrelsen",
  // A year of its own (no seeded or fixture cases), so the test can check that its numbers are gap-free.
  receivedDate: "2019-02-12",
  dueDate: "2019-05-03",
  motion: {
    title: "Motion om belysning i Aspudden",
    raisedDate: "2019-01-24",
    authors: [{ name: "Andréa Hedin", party: "M" }],
    proposals: ["Staden förbättrar belysningen i Aspudden."],
  },
  incomingDocument: { description: "Remissunderlag", counterpart: "Kommunstyrelsen", documentDate: "2019-02-12" },
});

const registrations = async () => {
  const registrar = await actorFor("registrator");
  const clas = await actorFor("clas.cederlid");
  for (let round = 0; ; round += 1) {
    // Four registrations queue on the series counter, so the kill lands inside some of them.
    await Promise.all(Array.from({ length: 4 }, (_, index) => registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, motionReferral(clas.id, round * 4 + index)) })));
    console.log("progress");
  }
};

const scenarios = { attestation: attestations, registration: registrations } as const;
const scenario = scenarios[process.argv[2] as keyof typeof scenarios];
if (!scenario) throw new Error(`Usage: crash.child.ts <${Object.keys(scenarios).join("|")}>`);
void scenario();
