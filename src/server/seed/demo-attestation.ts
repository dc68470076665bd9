// Demo attestations (call after the demo statements are seeded): the reference
// tjänsteutlåtande "Stoppa de öppna drogscenerna" attested by Linda Palo and Lee Orberson
// on 2024-04-09 as in the reference document, and another statement waiting in
// Linda Palo's inbox. Idempotent: a statement that already has a request is left alone.
// Writes rows directly (fixed ids and the reference's dates) with the same audit events
// the service writes, so audit:verify and the verification page accept them.
import { attestAuditData, ATTEST_ACTION, STEP_ENTITY } from "@/features/attestation/server/attestation-audit";
import { contentHashOf } from "@/features/attestation/content";
import { statementTitleOf } from "@/features/statements/server/statement-access";
import { createCaseDocumentInTx } from "@/features/cases/server/create-document";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { DEMO_USERS } from "./demo-organisation";
import { CURRENT_HASH_SCHEME } from "@/lib/canonical-json";

const userId = (username: string): string => DEMO_USERS.find((user) => user.username === username)!.id;
const demoId = (n: number): string => `00000000-0000-7000-8000-${(500_000 + n).toString().padStart(12, "0")}`;

export const DEMO_VERIFICATION_CODE = "DEMO-2024-0409";

const REFERENCE_ATTESTATIONS = [
  { username: "linda.palo", role: "DEPARTMENT_HEAD" as const, title: "Avdelningschef", at: new Date("2024-04-09T07:42:00.000Z") },
  { username: "lee.orberson", role: "DIRECTOR" as const, title: "Stadsdelsdirektör", at: new Date("2024-04-09T12:15:00.000Z") },
];

type DemoStatement = { id: string; caseId: string; currentVersion: number; status: string; createdById: string; case: { title: string; secrecyReference: string | null; secrecyReason: string | null } };

const findStatements = (tx: Tx) =>
  tx.statement.findMany({
    where: { currentVersion: { gt: 0 }, case: { departmentId: "has-sos" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, caseId: true, currentVersion: true, status: true, createdById: true, case: { select: { title: true, secrecyReference: true, secrecyReason: true } } },
  });

const versionOf = (tx: Tx, statement: DemoStatement) =>
  tx.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId: statement.id, number: statement.currentVersion } }, select: { content: true } });

const attestReference = async (tx: Tx, statement: DemoStatement): Promise<void> => {
  const content = (await versionOf(tx, statement)).content;
  const hash = contentHashOf(content, CURRENT_HASH_SCHEME);
  const requestId = demoId(1);
  await tx.attestationRequest.create({
    data: {
      id: requestId,
      subjectType: "STATEMENT",
      subjectId: statement.id,
      caseId: statement.caseId,
      versionNumber: statement.currentVersion,
      contentHash: hash,
      hashScheme: CURRENT_HASH_SCHEME,
      order: "SEQUENTIAL",
      status: "COMPLETED",
      verificationCode: DEMO_VERIFICATION_CODE,
      requestedById: statement.createdById,
      completedAt: REFERENCE_ATTESTATIONS[1]!.at,
      createdAt: new Date("2024-04-08T09:00:00.000Z"),
    },
  });
  await recordAudit(tx, { actorId: statement.createdById, action: "attestation.send", entityType: "AttestationRequest", entityId: requestId, caseId: statement.caseId, data: { statementId: statement.id, versionNumber: statement.currentVersion, contentHash: hash, order: "SEQUENTIAL", demo: true } });
  for (const [index, attestation] of REFERENCE_ATTESTATIONS.entries()) {
    const user = DEMO_USERS.find((item) => item.username === attestation.username)!;
    const step = await tx.attestationStep.create({
      data: {
        id: demoId(10 + index),
        requestId,
        position: index + 1,
        assigneeId: user.id,
        role: attestation.role,
        status: "ATTESTED",
        attestedAt: attestation.at,
        attesterName: user.name,
        attesterTitle: attestation.title,
        authMethod: "Lösenord (inloggning)",
        attestedHash: hash,
      },
    });
    await recordAudit(tx, { actorId: user.id, action: ATTEST_ACTION, entityType: STEP_ENTITY, entityId: step.id, caseId: statement.caseId, data: attestAuditData(step) });
  }
  await tx.statement.update({ where: { id: statement.id }, data: { status: "ATTESTED" } });
  const title = statementTitleOf(content) ?? statement.case.title;
  const document = await createCaseDocumentInTx(tx, {
    actorId: userId("lee.orberson"),
    caseId: statement.caseId,
    direction: "DRAWN_UP",
    documentDate: new Date("2024-04-09T00:00:00.000Z"),
    description: `Tjänsteutlåtande: ${title} (attesterat)`,
    secrecyReference: statement.case.secrecyReference,
    secrecyReason: statement.case.secrecyReason,
  });
  await recordAudit(tx, { actorId: userId("lee.orberson"), action: "attestation.complete", entityType: "AttestationRequest", entityId: requestId, caseId: statement.caseId, data: { statementId: statement.id, versionNumber: statement.currentVersion, contentHash: hash, documentId: document.id, documentNumber: document.documentNumber } });
};

const sendToLinda = async (tx: Tx, statement: DemoStatement): Promise<void> => {
  const hash = contentHashOf((await versionOf(tx, statement)).content, CURRENT_HASH_SCHEME);
  const requestId = demoId(2);
  await tx.attestationRequest.create({
    data: {
      id: requestId,
      subjectType: "STATEMENT",
      subjectId: statement.id,
      caseId: statement.caseId,
      versionNumber: statement.currentVersion,
      contentHash: hash,
      hashScheme: CURRENT_HASH_SCHEME,
      order: "SEQUENTIAL",
      verificationCode: "DEMO-2024-0002",
      requestedById: statement.createdById,
      steps: {
        create: [
          { id: demoId(20), position: 1, assigneeId: userId("linda.palo"), role: "DEPARTMENT_HEAD" },
          { id: demoId(21), position: 2, assigneeId: userId("lee.orberson"), role: "DIRECTOR" },
        ],
      },
    },
  });
  await tx.statement.update({ where: { id: statement.id }, data: { status: "IN_ATTESTATION" } });
  await tx.notification.create({ data: { userId: userId("linda.palo"), kind: "attestation.requested", title: "Att attestera", body: `Tjänsteutlåtandet i ärendet "${statement.case.title}" väntar på din attestering.`, link: `/arenden/${statement.caseId}/attestering` } });
  await recordAudit(tx, { actorId: statement.createdById, action: "attestation.send", entityType: "AttestationRequest", entityId: requestId, caseId: statement.caseId, data: { statementId: statement.id, versionNumber: statement.currentVersion, contentHash: hash, order: "SEQUENTIAL", demo: true } });
};

export type DemoAttestationResult = { attested: boolean; waiting: boolean };

export const seedDemoAttestations = async (): Promise<DemoAttestationResult> =>
  db.$transaction(
    async (tx) => {
      const statements = await findStatements(tx);
      const withRequests = new Set((await tx.attestationRequest.findMany({ where: { subjectId: { in: statements.map((item) => item.id) } }, select: { subjectId: true } })).map((item) => item.subjectId));
      const reference = statements.find((item) => /öppna drogscener/i.test(item.case.title));
      let attested = false;
      let waiting = false;
      if (reference && !withRequests.has(reference.id) && reference.status === "DRAFT") {
        await attestReference(tx, reference);
        attested = true;
      }
      const other = statements.find((item) => item.id !== reference?.id && item.status === "DRAFT" && !withRequests.has(item.id) && item.createdById !== userId("linda.palo"));
      if (other && !(await tx.attestationRequest.findUnique({ where: { id: demoId(2) } }))) {
        await sendToLinda(tx, other);
        waiting = true;
      }
      return { attested, waiting };
    },
    { timeout: 60_000 },
  );
