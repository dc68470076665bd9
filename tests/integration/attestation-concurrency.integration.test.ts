import { beforeAll, describe, expect, it } from "vitest";
import { attestStep, sendStatementForAttestation, withdrawAttestation } from "@/features/attestation/server/attestation-service";
import { getAttestationState } from "@/features/attestation/server/attestation-state";
import { verifyAttestationsAgainstAudit } from "@/features/attestation/server/attestation-audit";
import { contentHashOf } from "@/features/attestation/content";
import { createTestDatabase } from "../support/database";
import { actorFor, createCaseWithStatement, editStatement, seedOrganisation, sentHash, stepOf } from "./attestation-fixtures";
import { CURRENT_HASH_SCHEME } from "@/lib/canonical-json";

const { db } = await createTestDatabase();

beforeAll(seedOrganisation);

describe("attestation under concurrency", () => {
  it("turns 100 simultaneous attest calls on the same step into exactly one attestation", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    const linda = await actorFor(db, "linda.palo");
    await sendStatementForAttestation({ actor: await actorFor(db, "clas.cederlid"), input: { caseId, order: "SEQUENTIAL", attesterIds: [linda.id], versionNumber: 1 } });
    const stepId = await stepOf(db, statementId, "linda.palo");
    const contentHash = await sentHash(db, statementId);
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => attestStep({ actor: linda, input: { stepId, contentHash } })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "attestation.attest", entityId: stepId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "attestation.complete", caseId } })).toBe(1);
    expect(await db.caseDocument.count({ where: { caseId, direction: "DRAWN_UP" } })).toBe(1);
    expect((await getAttestationState({ subjectType: "STATEMENT", subjectId: statementId })).attested).toBe(true);
  }, 120_000);

  it("never reports attested on other content when an attestation races a withdrawal and an edit", async () => {
    const clas = await actorFor(db, "clas.cederlid");
    const linda = await actorFor(db, "linda.palo");
    let attestedRounds = 0;
    for (let round = 0; round < 15; round += 1) {
      const { caseId, statementId } = await createCaseWithStatement(db);
      await sendStatementForAttestation({ actor: clas, input: { caseId, order: "SEQUENTIAL", attesterIds: [linda.id], versionNumber: 1 } });
      const stepId = await stepOf(db, statementId, "linda.palo");
      const contentHash = await sentHash(db, statementId);
      const withdrawThenEdit = async () => {
        await withdrawAttestation({ actor: clas, input: { caseId, reason: "ändring" } });
        await editStatement(db, { statementId, authorId: clas.id, text: `ny text ${round}` });
      };
      await Promise.allSettled([attestStep({ actor: linda, input: { stepId, contentHash } }), withdrawThenEdit()]);
      const statement = await db.statement.findUniqueOrThrow({ where: { id: statementId } });
      const version = await db.statementVersion.findFirstOrThrow({ where: { statementId, number: statement.currentVersion } });
      const state = await getAttestationState({ subjectType: "STATEMENT", subjectId: statementId });
      if (statement.status === "ATTESTED" || state.attested) {
        attestedRounds += 1;
        expect(state.attested).toBe(true);
        expect(state.request?.contentHash).toBe(contentHashOf(version.content, CURRENT_HASH_SCHEME));
      }
    }
    expect(attestedRounds).toBeLessThanOrEqual(15);
    expect((await verifyAttestationsAgainstAudit(db)).ok).toBe(true);
  }, 240_000);
});
