// The demo installation keeps its generated documents as records, as the app does: the
// reference case's attested tjänsteutlåtande, its justerat protokollsutdrag and the one expedierat to
// kommunstyrelsen (with the tjänsteutlåtande) are files of their handlings, byte for byte
// what the exports give, their hashes those of the audit events — so `npm start` shows them.
import { describe, expect, it } from "vitest";
import { exportExtract, exportMinutes } from "@/features/exports/server/meeting-export";
import { findRecordsToStore, getMinutesRecordFile } from "@/features/exports/server/records";
import { exportStatement } from "@/features/exports/server/statement-export";
import { getCaseDocumentFile } from "@/features/documents/server/document-queries";
import { sha256Hex } from "@/lib/hash";
import { loadActor, type Actor } from "@/server/auth/actor";
import { seedDemoInstallation } from "../../scripts/seed/demo";
import { REFERENCE_CASE_ID } from "../../scripts/seed/demo-cases";
import { DEMO_MEETING_2024_ID } from "../../scripts/seed/demo-meetings";
import { pdfText } from "../fixtures/exports/inspect";
import { createTestDatabase } from "../support/database";

const { db } = await createTestDatabase();
await seedDemoInstallation({ nodeEnv: "test", force: false });

const actorFor = async (username: string): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  return (await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 0 }))!;
};

describe("the demo's records", () => {
  it("stores every generated document of the demo, none left pending or failed", async () => {
    expect(await findRecordsToStore()).toEqual([]);
    expect(await db.generatedRecord.count({ where: { failure: { not: null } } })).toBe(0);
    expect(await db.generatedRecord.count()).toBeGreaterThanOrEqual(3);
  });

  it("keeps the reference case's attested tjänsteutlåtande, justerat and dispatched extract as the exports' exact bytes, hashes as in the audit events", async () => {
    const secretary = await actorFor("sekreterare");
    const statement = await db.statement.findUniqueOrThrow({ where: { caseId: REFERENCE_CASE_ID } });
    const dispatch = await db.dispatch.findFirstOrThrow({ where: { caseId: REFERENCE_CASE_ID } });
    const expected = {
      STATEMENT: (await exportStatement({ actor: secretary, statementId: statement.id, format: "pdf" })).bytes,
      EXTRACT: (await exportExtract({ actor: secretary, id: dispatch.decisionId!, format: "pdf" })).bytes,
      // Dispatched with the tjänsteutlåtande: its pages follow the extract's in the one file.
      EXTRACT_WITH_STATEMENT: (await exportExtract({ actor: secretary, id: dispatch.decisionId!, format: "pdf", withStatement: true })).bytes,
    };
    const sentText = pdfText(expected.EXTRACT_WITH_STATEMENT, { layout: false }).replace(/\s+/g, " ");
    expect(sentText).toMatch(/Utdrag ur protokoll.*Rätt utdraget intygar.*Attesterat av/);
    expect(pdfText(expected.EXTRACT, { layout: false })).not.toContain("Attesterat av");
    const documents = await db.caseDocument.findMany({
      where: { caseId: REFERENCE_CASE_ID, generatedRecords: { some: {} } },
      orderBy: { number: "asc" },
      include: { files: { include: { generatedRecord: true }, orderBy: { createdAt: "asc" } } },
    });
    expect(documents.map((document) => [document.direction, document.files.map((file) => file.generatedRecord?.kind)])).toEqual([
      ["DRAWN_UP", ["STATEMENT"]],
      ["DRAWN_UP", ["EXTRACT"]],
      ["OUTGOING", ["EXTRACT", "STATEMENT"]],
    ]);
    for (const document of documents) {
      const events = await db.auditEvent.findMany({ where: { entityId: document.id, action: "document.record_stored" }, orderBy: { seq: "asc" } });
      for (const [index, file] of document.files.entries()) {
        const bytes = Buffer.from((await getCaseDocumentFile({ actor: secretary, fileId: file.id })).bytes);
        const kind = file.generatedRecord!.kind;
        const sent = kind === "EXTRACT" && document.direction === "OUTGOING" ? "EXTRACT_WITH_STATEMENT" : kind;
        expect(bytes.equals(expected[sent as keyof typeof expected]), sent).toBe(true);
        expect((events[index]!.data as { sha256: string }).sha256).toBe(sha256Hex(bytes));
      }
    }
  });

  it("keeps the demo meeting's justerat protokoll as the meeting's file, the export's exact bytes, its hash in the audit event", async () => {
    const secretary = await actorFor("sekreterare");
    const minutes = await db.minutes.findUniqueOrThrow({ where: { meetingId: DEMO_MEETING_2024_ID } });
    const record = await db.generatedRecord.findUniqueOrThrow({ where: { meetingId_kind: { meetingId: DEMO_MEETING_2024_ID, kind: "MINUTES" } } });
    expect(record).toMatchObject({ subjectId: minutes.id, contentHash: minutes.contentHash, documentId: null });
    const exported = Buffer.from((await exportMinutes({ actor: secretary, id: minutes.id, format: "pdf" })).bytes);
    const kept = Buffer.from((await getMinutesRecordFile({ actor: secretary, minutesId: minutes.id })).bytes);
    expect(kept.equals(exported)).toBe(true);
    const [event, ...others] = await db.auditEvent.findMany({ where: { entityId: minutes.id, action: "document.record_stored" } });
    expect(others).toEqual([]);
    expect(event!.data).toMatchObject({ kind: "MINUTES", sha256: sha256Hex(exported), meeting: "Hägersten-Älvsjö stadsdelsnämnd 2024-04-25" });
  });
});
