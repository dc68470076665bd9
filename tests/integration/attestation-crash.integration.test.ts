// kill -9 of a process in the middle of attestations: after it, no attestation exists
// without its audit event or the reverse, and the audit chain is intact.
// YTTRA_KILL_RUNS=50 runs the full 50; the default keeps the suite short.
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { verifyAttestationsAgainstAudit } from "@/features/attestation/server/attestation-audit";
import { createTestDatabase } from "../support/database";
import { seedOrganisation } from "./attestation-fixtures";

const { db, url } = await createTestDatabase();
const RUNS = Number(process.env.YTTRA_KILL_RUNS ?? "10");

const runAndKill = (delayMs: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/integration/attestation-crash.child.ts"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let armed = false;
    // Kill at a random moment after the first attestation, so kills land inside transactions.
    child.stdout.on("data", (chunk: Buffer) => {
      if (armed || !chunk.toString().includes("progress")) return;
      armed = true;
      setTimeout(() => child.kill("SIGKILL"), delayMs);
    });
    child.on("exit", (_code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`child exited by itself: ${stderr}`))));
  });

beforeAll(seedOrganisation);

describe("attestations and a killed process", () => {
  it(`leaves no attestation without its audit event or the reverse after ${RUNS} kills`, async () => {
    for (let run = 0; run < RUNS; run += 1) {
      await runAndKill(Math.floor(Math.random() * 1500));
      const attestations = await verifyAttestationsAgainstAudit(db);
      expect(attestations.problems).toEqual([]);
      expect((await verifyAuditChain()).ok).toBe(true);
    }
    // The runs did real work.
    expect(await db.auditEvent.count({ where: { action: "attestation.attest" } })).toBeGreaterThan(0);
    const completed = await db.attestationRequest.findMany({ where: { status: "COMPLETED" }, include: { steps: true } });
    for (const request of completed) expect(request.steps.every((step) => step.status === "ATTESTED" && step.attestedHash === request.contentHash)).toBe(true);
  }, 600_000);
});
