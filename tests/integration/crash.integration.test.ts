// kill -9 of a process in the middle of attestations and of registrations (crash.child.ts):
// after each kill nothing is half-written — no attestation without its audit event or the
// reverse, no case or handling without its registration event, no gap in the diarienummer
// series — and the audit chain is intact.
// YTTRA_KILL_RUNS=50 runs 50 kills per scenario; the default keeps the suite short.
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { verifyAttestationsAgainstAudit } from "@/features/attestation/server/attestation-audit";
import { createTestDatabase } from "../support/database";
import { seedOrganisation } from "./attestation-fixtures";

const { db, url } = await createTestDatabase();
const RUNS = Number(process.env.YTTRA_KILL_RUNS ?? "4");

const runAndKill = (scenario: "attestation" | "registration", delayMs: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/integration/crash.child.ts", scenario], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let armed = false;
    // Kill at a random moment after the first completed round, so kills land inside transactions.
    child.stdout.on("data", (chunk: Buffer) => {
      if (armed || !chunk.toString().includes("progress")) return;
      armed = true;
      setTimeout(() => child.kill("SIGKILL"), delayMs);
    });
    child.on("exit", (_code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`child exited by itself: ${stderr}`))));
  });

/** Registrations are one transaction each: what the child wrote (the only cases of 2019) must be whole. */
const halfWrittenRegistrations = async () =>
  db.$queryRaw<{ problem: string; id: string }[]>`
    SELECT 'case without case.register event' AS problem, c.id::text AS id FROM "case" c
     WHERE c.year = 2019
       AND NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.action = 'case.register' AND e.entity_id = c.id::text)
    UNION ALL
    SELECT 'case without its motion or deadlines', c.id::text FROM "case" c
     WHERE c.year = 2019
       AND (NOT EXISTS (SELECT 1 FROM motion m WHERE m.case_id = c.id) OR (SELECT count(*) FROM deadline d WHERE d.case_id = c.id) <> 2
            OR (SELECT count(*) FROM case_document d WHERE d.case_id = c.id) <> 1)
    UNION ALL
    SELECT 'handling without document.register event', d.id::text FROM case_document d JOIN "case" c ON c.id = d.case_id
     WHERE c.year = 2019
       AND NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.action = 'document.register' AND e.entity_id = d.id::text)
    UNION ALL
    SELECT 'case.register event without its case', e.entity_id FROM audit_event e
     WHERE e.action = 'case.register' AND NOT EXISTS (SELECT 1 FROM "case" c WHERE c.id::text = e.entity_id)
    UNION ALL
    -- The numbers are 1..n and the counter stands at n.
    SELECT 'gap or counter drift in series ' || c.series_id, c.series_id FROM "case" c
     WHERE c.year = 2019
     GROUP BY c.series_id
    HAVING max(c.sequence) <> count(*)
        OR max(c.sequence) <> (SELECT r.last_value FROM registry_series_counter r WHERE r.series_id = c.series_id AND r.year = 2019)`;

beforeAll(seedOrganisation);

describe("a killed process", () => {
  it(`leaves no attestation without its audit event or the reverse after ${RUNS} kills`, async () => {
    for (let run = 0; run < RUNS; run += 1) {
      await runAndKill("attestation", Math.floor(Math.random() * 1500));
      const attestations = await verifyAttestationsAgainstAudit(db);
      expect(attestations.problems).toEqual([]);
      expect((await verifyAuditChain()).ok).toBe(true);
    }
    // The runs did real work.
    expect(await db.auditEvent.count({ where: { action: "attestation.attest" } })).toBeGreaterThan(0);
    const completed = await db.attestationRequest.findMany({ where: { status: "COMPLETED" }, include: { steps: true } });
    for (const request of completed) expect(request.steps.every((step) => step.status === "ATTESTED" && step.attestedHash === request.contentHash)).toBe(true);
  }, 600_000);

  it(`leaves no half-registered case and no gap in the diarienummer after ${RUNS} kills`, async () => {
    for (let run = 0; run < RUNS; run += 1) {
      await runAndKill("registration", Math.floor(Math.random() * 1000));
      expect(await halfWrittenRegistrations()).toEqual([]);
      expect((await verifyAuditChain()).ok).toBe(true);
    }
    expect(await db.case.count({ where: { year: 2019 } })).toBeGreaterThanOrEqual(RUNS * 4);
  }, 600_000);
});
