// Walks the händelselogg in chain order and recomputes every hash. The first row whose
// stored hash, previous hash or position does not match is where the log was tampered with.
import "server-only";
import { GENESIS_HASH, hashAuditEvent } from "@/server/audit";
import { db } from "@/server/db";

export type AuditChainResult =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAtSeq: bigint; reason: string };

const BATCH = 5_000;

export const verifyAuditChain = async (): Promise<AuditChainResult> => {
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { seq: { gte: expectedSeq } }, orderBy: { seq: "asc" }, take: BATCH });
    if (rows.length === 0) return { ok: true, events: checked };
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, events: checked, brokenAtSeq: expectedSeq, reason: `händelse ${expectedSeq} saknas` };
      if (row.prevHash !== prevHash) return { ok: false, events: checked, brokenAtSeq: row.seq, reason: "länken till föregående händelse stämmer inte" };
      if (hashAuditEvent(row) !== row.hash) return { ok: false, events: checked, brokenAtSeq: row.seq, reason: "händelsens innehåll har ändrats" };
      prevHash = row.hash;
      expectedSeq += 1n;
      checked += 1;
    }
  }
};
