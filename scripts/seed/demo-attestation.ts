// Demo attestations (call after the demo statements are seeded): the reference
// tjänsteutlåtande "Stoppa de öppna drogscenerna" attested by Linda Palo and Lee Orberson
// on 2024-04-09 as in the reference document, and another statement waiting in
// Linda Palo's inbox. Idempotent: a statement that already has a request is left alone.
// Written by the attestation engine (the app's own transitions and audit events), with
// the engine's clock set to the reference's dates and fixed ids for the demo's codes.
import * as engine from "@/features/attestation/server/engine";
import { statementSubject } from "@/features/attestation/server/statement-subject";
import { db, type Tx } from "@/server/db";
import { demoUser } from "./demo-organisation";

const demoUserId = (username: string): string => demoUser(username).id;
const demoId = (n: number): string => `00000000-0000-7000-8000-${(500_000 + n).toString().padStart(12, "0")}`;

export const DEMO_VERIFICATION_CODE = "DEMO-2024-0409";

const SENT_AT = new Date("2024-04-08T09:00:00.000Z");
const REFERENCE_ATTESTATIONS = [
  { username: "linda.palo", role: "DEPARTMENT_HEAD" as const, at: new Date("2024-04-09T07:42:00.000Z") },
  { username: "lee.orberson", role: "DIRECTOR" as const, at: new Date("2024-04-09T12:15:00.000Z") },
];

type DemoStatement = { id: string; caseId: string; currentVersion: number; status: string; createdById: string; case: { title: string } };

const findStatements = (tx: Tx) =>
  tx.statement.findMany({
    where: { currentVersion: { gt: 0 }, case: { departmentId: "has-sos" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, caseId: true, currentVersion: true, status: true, createdById: true, case: { select: { title: true } } },
  });

const authorOf = async (tx: Tx, statement: DemoStatement): Promise<engine.EngineActor> =>
  tx.user.findUniqueOrThrow({ where: { id: statement.createdById }, select: { id: true, name: true } });

const bindCurrentVersion = (tx: Tx) => async (subject: { id: string; currentVersion: number }) => ({
  versionNumber: subject.currentVersion,
  content: (await tx.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId: subject.id, number: subject.currentVersion } }, select: { content: true } })).content,
});

/** Sent on 2024-04-08 and attested in order the next day: a historical record, so nobody is notified today. */
const attestReference = async (tx: Tx, statement: DemoStatement): Promise<void> => {
  const { request } = await engine.sendForAttestation(tx, {
    adapter: statementSubject,
    subjectId: statement.id,
    actor: await authorOf(tx, statement),
    now: SENT_AT,
    order: "SEQUENTIAL",
    steps: REFERENCE_ATTESTATIONS.map((attestation) => ({ assigneeId: demoUserId(attestation.username), role: attestation.role })),
    bind: bindCurrentVersion(tx),
    fixed: { requestId: demoId(1), stepIds: [demoId(10), demoId(11)], verificationCode: DEMO_VERIFICATION_CODE },
    quiet: true,
  });
  for (const [index, attestation] of REFERENCE_ATTESTATIONS.entries()) {
    await engine.attest(tx, {
      adapter: statementSubject,
      requestId: request.id,
      stepId: request.steps[index]!.id,
      actor: demoUser(attestation.username),
      now: attestation.at,
      authMethod: "Lösenord (inloggning)",
      contentHash: request.contentHash,
      quiet: true,
    });
  }
};

/** Waiting for Linda Palo now: she is notified as by the app. */
const sendToLinda = async (tx: Tx, statement: DemoStatement): Promise<string[]> => {
  const { mailIds } = await engine.sendForAttestation(tx, {
    adapter: statementSubject,
    subjectId: statement.id,
    actor: await authorOf(tx, statement),
    now: new Date(),
    order: "SEQUENTIAL",
    steps: [
      { assigneeId: demoUserId("linda.palo"), role: "DEPARTMENT_HEAD" },
      { assigneeId: demoUserId("lee.orberson"), role: "DIRECTOR" },
    ],
    bind: bindCurrentVersion(tx),
    fixed: { requestId: demoId(2), stepIds: [demoId(20), demoId(21)], verificationCode: "DEMO-2024-0002" },
  });
  return mailIds;
};

export type DemoAttestationResult = { attested: boolean; waiting: boolean };

export const seedDemoAttestations = async (): Promise<DemoAttestationResult> => {
  const result = await db.$transaction(
    async (tx) => {
      const statements = await findStatements(tx);
      const withRequests = new Set((await tx.attestationRequest.findMany({ where: { subjectId: { in: statements.map((item) => item.id) } }, select: { subjectId: true } })).map((item) => item.subjectId));
      const reference = statements.find((item) => /öppna drogscener/i.test(item.case.title));
      let attested = false;
      let waiting = false;
      let mailIds: string[] = [];
      if (reference && !withRequests.has(reference.id) && reference.status === "DRAFT") {
        await attestReference(tx, reference);
        attested = true;
      }
      const other = statements.find((item) => item.id !== reference?.id && item.status === "DRAFT" && !withRequests.has(item.id) && item.createdById !== demoUserId("linda.palo"));
      if (other && !(await tx.attestationRequest.findUnique({ where: { id: demoId(2) } }))) {
        mailIds = await sendToLinda(tx, other);
        waiting = true;
      }
      return { attested, waiting, mailIds };
    },
    { timeout: 60_000 },
  );
  await engine.deliverAfterCommit(result);
  return { attested: result.attested, waiting: result.waiting };
};
