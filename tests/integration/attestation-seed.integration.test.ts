import { beforeAll, describe, expect, it } from "vitest";
import { verifyAttestationsAgainstAudit } from "@/features/attestation/server/attestation-audit";
import { listAttestInbox } from "@/features/attestation/server/attestation-queries";
import { getAttestationState } from "@/features/attestation/server/attestation-state";
import { verifyAttestationCode } from "@/features/attestation/server/verify-attestation";
import { DEMO_VERIFICATION_CODE, seedDemoAttestations } from "../../scripts/seed/demo-attestation";
import { createTestDatabase } from "../support/database";
import { actorFor, createCaseWithStatement, seedOrganisation } from "./attestation-fixtures";

const { db } = await createTestDatabase();

beforeAll(seedOrganisation);

describe("demo attestations", () => {
  it("attests the reference statement on 2024-04-09 and leaves another in linda.palo's inbox, once", async () => {
    const reference = await createCaseWithStatement(db);
    const other = await createCaseWithStatement(db);
    await db.case.update({ where: { id: other.caseId }, data: { title: "Motion om fler parklekar" } });
    expect(await seedDemoAttestations()).toEqual({ attested: true, waiting: true });
    expect(await seedDemoAttestations()).toEqual({ attested: false, waiting: false });

    const state = await getAttestationState({ subjectType: "STATEMENT", subjectId: reference.statementId });
    expect(state.attested).toBe(true);
    expect(state.steps.map((step) => [step.attesterName, step.attestedAt?.toISOString().slice(0, 10)])).toEqual([
      ["Linda Palo", "2024-04-09"],
      ["Lee Orberson", "2024-04-09"],
    ]);
    expect((await verifyAttestationCode(DEMO_VERIFICATION_CODE))?.status).toBe("VALID");
    const inbox = await listAttestInbox(await actorFor(db, "linda.palo"));
    expect(inbox.map((item) => [item.caseId, item.inTurn])).toEqual([[other.caseId, true]]);
    expect((await verifyAttestationsAgainstAudit(db)).ok).toBe(true);
  });
});
