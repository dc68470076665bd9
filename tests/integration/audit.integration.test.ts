import pg from "pg";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { recordAudit } from "@/server/audit";
import { createTestDatabase } from "../support/database";

const { db, url } = await createTestDatabase();

// Any registered action will do: the chain does not care which.
const record = (data: Record<string, string | number>) =>
  db.$transaction((tx) => recordAudit(tx, { actorId: null, action: "seed.demo", entityType: "Test", entityId: "1", data }));

const asOwner = async (sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

describe("audit log", () => {
  it("chains events written concurrently into one unbroken sequence", async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => record({ i })));
    const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 40 }, (_, i) => BigInt(i + 1)));
    expect(await verifyAuditChain()).toEqual({ ok: true, events: 40 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    await expect(asOwner(`UPDATE audit_event SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(asOwner(`DELETE FROM audit_event WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(asOwner(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it("rolls the event back with a failed write", async () => {
    const before = await db.auditEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { actorId: null, action: "seed.demo", entityType: "Test", entityId: "1" });
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("finds the first tampered row when the owner bypasses the trigger", async () => {
    await asOwner(`
      ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
      UPDATE audit_event SET data = '{"i": 999}' WHERE seq = 7;
      ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;`);
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, brokenAtSeq: 7n, events: 6 });
  });
});
