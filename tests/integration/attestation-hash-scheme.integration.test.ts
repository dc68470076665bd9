// Attestations record the canonical-JSON scheme of their hash: new ones RFC 8785 (scheme 2),
// older ones keep verifying with the key order they were made with (scheme 1).
import { beforeAll, describe, expect, it } from "vitest";
import { ATTEST_ACTION, attestAuditData, STEP_ENTITY } from "@/features/attestation/server/attestation-audit";
import { attestStep, sendStatementForAttestation } from "@/features/attestation/server/attestation-service";
import { getAttestationState } from "@/features/attestation/server/attestation-state";
import { canonicalJsonRfc8785 } from "@/lib/canonical-json";
import { canonicalSha256 } from "@/lib/hash";
import { sha256Hex } from "@/lib/hash";
import { recordAudit } from "@/server/audit";
import { createTestDatabase } from "../support/database";
import { actorFor, createCaseWithStatement, seedOrganisation, sentHash, stepOf } from "./attestation-fixtures";

const { db } = await createTestDatabase();

beforeAll(async () => {
  await seedOrganisation();
});

const userId = async (username: string) => (await db.user.findUniqueOrThrow({ where: { username } })).id;

describe("the hash scheme of an attestation", () => {
  it("is recorded as 2 for a new attestation, whose hash is the SHA-256 of the RFC 8785 form", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendStatementForAttestation({
      actor: await actorFor(db, "clas.cederlid"),
      input: { caseId, order: "SEQUENTIAL", attesterIds: [await userId("linda.palo"), await userId("lee.orberson")], versionNumber: 1 },
    });
    for (const username of ["linda.palo", "lee.orberson"]) {
      await attestStep({ actor: await actorFor(db, username), input: { stepId: await stepOf(db, statementId, username), contentHash: await sentHash(db, statementId) } });
    }
    const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: statementId } });
    const version = await db.statementVersion.findFirstOrThrow({ where: { statementId, number: 1 } });
    expect(request.hashScheme).toBe(2);
    expect(request.contentHash).toBe(sha256Hex(canonicalJsonRfc8785(version.content as never)));
    const state = await getAttestationState({ subjectType: "STATEMENT", subjectId: statementId });
    expect(state).toMatchObject({ attested: true, problems: [], request: { hashScheme: 2 } });
    const send = await db.auditEvent.findFirstOrThrow({ where: { action: "attestation.send", entityId: request.id } });
    expect(send.data).toMatchObject({ contentHash: request.contentHash, hashScheme: 2 });
  });

  it("keeps verifying an attestation made with scheme 1, also for content whose two canonical forms differ", async () => {
    // An attested statement as it was stored before the scheme was recorded: integer-like keys,
    // which scheme 1 writes in JavaScript's order ("9" before "10") and RFC 8785 does not.
    const { caseId, statementId } = await createCaseWithStatement(db);
    const version = await db.statementVersion.findFirstOrThrow({ where: { statementId, number: 1 } });
    const content = { ...(version.content as Record<string, unknown>), legacy: { "10": "tio", "9": "nio", a: "a" } };
    const oldHash = canonicalSha256(content, 1);
    expect(canonicalSha256(content, 2)).not.toBe(oldHash);
    await db.statementVersion.update({ where: { id: version.id }, data: { content, contentHash: oldHash } });
    await db.statement.update({ where: { id: statementId }, data: { status: "ATTESTED" } });
    const head = await db.user.findUniqueOrThrow({ where: { username: "linda.palo" } });
    const attestedAt = new Date();
    const request = await db.attestationRequest.create({
      data: {
        subjectType: "STATEMENT",
        subjectId: statementId,
        caseId,
        versionNumber: 1,
        contentHash: oldHash,
        hashScheme: 1,
        status: "COMPLETED",
        completedAt: attestedAt,
        verificationCode: "TEST-OLD1-HASH",
        requestedById: await userId("clas.cederlid"),
        steps: { create: { position: 1, assigneeId: head.id, role: "DEPARTMENT_HEAD", status: "ATTESTED", attestedAt, attesterName: head.name, attesterTitle: head.title, authMethod: "Lösenord (inloggning)", attestedHash: oldHash } },
      },
      include: { steps: true },
    });
    await db.$transaction((tx) => recordAudit(tx, { actorId: head.id, action: ATTEST_ACTION, entityType: STEP_ENTITY, entityId: request.steps[0]!.id, data: attestAuditData(request.steps[0]!) }));

    expect(await getAttestationState({ subjectType: "STATEMENT", subjectId: statementId })).toMatchObject({ attested: true, problems: [], request: { hashScheme: 1 } });

    // The recorded scheme decides: the same hash read as scheme 2 does not verify (fails closed).
    await db.attestationRequest.update({ where: { id: request.id }, data: { hashScheme: 2 } });
    const misread = await getAttestationState({ subjectType: "STATEMENT", subjectId: statementId });
    expect(misread.attested).toBe(false);
    expect(misread.problems).toContain("innehållet har ändrats sedan det attesterades");
  });
});
