// The händelselogg as people read it: every event the demo writes (cases, documents,
// statements, attestation, meetings, justering, dispatch, admin) has its registered shape
// and reads as Swedish on the case pages — never as a code name — and a handläggare's
// autosaves read as one line.
import { describe, expect, it } from "vitest";
import { getCaseHistory } from "@/features/audit/server/case-history";
import { getCaseDetails } from "@/features/cases/server/case-queries";
import { doc, paragraph } from "@/features/statements/rich-text";
import { createStatement } from "@/features/statements/server/create-statement";
import { saveStatementSection } from "@/features/statements/server/save-statement-section";
import { AUDIT_ACTIONS, isAuditAction } from "@/server/audit-actions";
import { seedDemoInstallation } from "../../scripts/seed/demo";
import { REFERENCE_CASE_ID } from "../../scripts/seed/demo-cases";
import { createTestDatabase } from "../support/database";
import { actorFor, createCase, setupOrganisation } from "./statements-fixtures";
import { ZCreateStatementSchema, ZSaveSectionSchema } from "@/features/statements/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();
await setupOrganisation(db);
// The whole demo: diarium, the attested reference statement, the meeting, justering and dispatch.
await seedDemoInstallation({ nodeEnv: "test", force: false });

const CODE_NAME = /\b[a-z]+(?:_[a-z]+)*\.[a-z_]+\b/i;

describe("the händelselogg in Swedish", () => {
  it("holds only registered events whose data has the registered shape", async () => {
    const events = await db.auditEvent.findMany({ select: { action: true, data: true } });
    expect(events.length).toBeGreaterThan(20);
    for (const event of events) {
      expect(isAuditAction(event.action), event.action).toBe(true);
      if (isAuditAction(event.action)) expect(AUDIT_ACTIONS[event.action].schema.safeParse(event.data).success, event.action).toBe(true);
    }
  });

  it("tells the reference case's story without a code name, on the case page and under Händelser", async () => {
    const secretary = await actorFor(db, "sekreterare");
    const history = await getCaseHistory({ actor: secretary, caseId: REFERENCE_CASE_ID });
    const details = await getCaseDetails({ actor: secretary, caseId: REFERENCE_CASE_ID });
    const texts = [...history.entries, ...details.events].map((entry) => entry.text);
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      expect(text).not.toMatch(CODE_NAME);
      expect(text).not.toBe("Händelse av okänt slag");
    }
    expect(texts).toContain("Linda Palo attesterade tjänsteutlåtandet (Lösenord (inloggning))");
  });

  it("summarises a handläggare's autosaves as one line with the versions saved", async () => {
    const clas = await actorFor(db, "clas.cederlid");
    const { caseId } = await createCase(db, { caseOfficer: "clas.cederlid" });
    const { statementId } = await createStatement({ actor: clas, input: parseInput(ZCreateStatementSchema, { caseId, attachmentDocumentIds: [] }) });
    let version = (await db.statement.findUniqueOrThrow({ where: { id: statementId } })).currentVersion;
    for (const word of ["Första", "Andra", "Tredje", "Fjärde"]) {
      const result = await saveStatementSection({ actor: clas, input: parseInput(ZSaveSectionSchema, { statementId, baseVersion: version, kind: "richText", sectionKey: "sammanfattning", value: doc(paragraph(word)) }) });
      if (result.status !== "SAVED") throw new Error(`not saved: ${result.status}`);
      version = result.version;
    }
    const texts = (await getCaseHistory({ actor: clas, caseId })).entries.map((entry) => entry.text);
    expect(texts).toContain(`Clas Cederlid sparade tjänsteutlåtandet 4 gånger (version ${version - 3}–${version})`);
    expect(texts.filter((text) => text.includes("sparade tjänsteutlåtandet"))).toHaveLength(1);
  });
});
