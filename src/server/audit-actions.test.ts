import { describe, expect, it } from "vitest";
import { assertAuditData, AUDIT_ACTIONS, describeAuditEvent, describeAuditHistory, type AuditEventRow } from "./audit-actions";

const CODE_NAME = /\b[a-z]+[._][a-z_]+\b/i;

const row = (seq: number, action: string, data: unknown, actorName: string | null = "Clas Cederlid"): AuditEventRow => ({
  seq: BigInt(seq),
  action,
  data,
  actorName,
  createdAt: new Date(Date.UTC(2024, 3, 1, 8, seq)),
});

describe("the audit action registry", () => {
  it("gives every registered action a Swedish title without a code name", () => {
    for (const [action, { title }] of Object.entries(AUDIT_ACTIONS)) {
      expect(title, action).not.toMatch(CODE_NAME);
      expect(title.length, action).toBeGreaterThan(3);
    }
  });

  it("describes an event in a sentence naming the actor and the facts it recorded", () => {
    expect(describeAuditEvent({ action: "statement.save", data: { version: 7, section: "sammanfattning" }, actorName: "Clas Cederlid" })).toBe(
      "Clas Cederlid sparade tjänsteutlåtandet (version 7)",
    );
    expect(describeAuditEvent({ action: "decision.dispatch", data: { paragraph: "§ 2/2024", recipients: ["Kommunstyrelsen"], sentDate: "2024-04-30" }, actorName: "Karin Sjöberg" })).toBe(
      "Karin Sjöberg expedierade protokollsutdrag § 2/2024 till Kommunstyrelsen 2024-04-30",
    );
    expect(describeAuditEvent({ action: "attestation.attest", data: { stepId: "s", requestId: "r", position: 1, role: "CHAIR", attesterName: "Maria Lindqvist", authMethod: "Lösenord", subjectType: "MINUTES" }, actorName: null })).toBe(
      "Maria Lindqvist justerade protokollet (Lösenord)",
    );
    expect(describeAuditEvent({ action: "case.close", data: { confidential: true }, actorName: "Johan Ek" })).toBe("Ärendet avslutades");
  });

  it("never shows a code name: unknown actions and unreadable data fall back to Swedish", () => {
    expect(describeAuditEvent({ action: "statement.save", data: { version: "sju" }, actorName: "Clas" })).toBe("Tjänsteutlåtande sparat");
    const unknown = describeAuditEvent({ action: "something.new", data: {}, actorName: "Clas" });
    expect(unknown).toBe("Händelse av okänt slag");
    expect(unknown).not.toMatch(CODE_NAME);
  });

  it("refuses to record data that does not have the registered shape", () => {
    expect(() => assertAuditData("case.register", { kind: "REMISS" })).toThrow(/case\.register/);
    expect(() => assertAuditData("statement.save", { version: 3, section: null })).not.toThrow();
  });
});

describe("a history in Swedish", () => {
  it("summarises a run of autosaves by one person as one line with the versions", () => {
    const entries = describeAuditHistory([
      row(1, "statement.create", { version: 1 }),
      row(2, "statement.save", { version: 2 }),
      row(3, "statement.save", { version: 3 }),
      row(4, "statement.save", { version: 4 }),
      row(5, "statement.save", { version: 5 }, "Linda Palo"),
      row(6, "attestation.send", { versionNumber: 5 }),
      row(7, "statement.save", { version: 6 }),
    ]);
    expect(entries.map((entry) => entry.text)).toEqual([
      "Clas Cederlid skapade tjänsteutlåtandet",
      "Clas Cederlid sparade tjänsteutlåtandet 3 gånger (version 2–4)",
      "Linda Palo sparade tjänsteutlåtandet (version 5)",
      "Clas Cederlid skickade tjänsteutlåtandet (version 5) på attestering",
      "Clas Cederlid sparade tjänsteutlåtandet (version 6)",
    ]);
    // A summary carries the time and sequence number of its latest save.
    expect(entries[1]!.seq).toBe(4n);
    expect(entries[1]!.at).toEqual(new Date(Date.UTC(2024, 3, 1, 8, 4)));
  });
});
