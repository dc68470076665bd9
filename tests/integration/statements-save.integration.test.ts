import { beforeAll, describe, expect, it } from "vitest";
import { recordUnionConsultation } from "@/features/meetings/server/union-consultation";
import { readSection } from "@/features/statements/content";
import { doc, paragraph, richTextToPlainText, type TRichText } from "@/features/statements/rich-text";
import { ZStatementContentSchema, type TStatementContent, ZRestoreVersionSchema, ZSaveSectionSchema, ZCreateStatementSchema } from "@/features/statements/schemas";
import { createStatement, hashStatementContent } from "@/features/statements/server/create-statement";
import { restoreStatementVersion } from "@/features/statements/server/restore-statement-version";
import { saveStatementSection, type SaveSectionResult } from "@/features/statements/server/save-statement-section";
import { getStatementHistory, getStatementPage, getStatementPreview, getStatementVersionDiff } from "@/features/statements/server/statement-queries";
import { canonicalJson } from "@/lib/canonical-json";
import { sha256Hex } from "@/lib/hash";
import type { Actor } from "@/server/auth/actor";
import { createTestDatabase } from "../support/database";
import { actorFor, createCase, expectAppError, setupOrganisation } from "./statements-fixtures";
import { ZUnionConsultationSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();

let clas: Actor;
beforeAll(async () => {
  await setupOrganisation(db);
  clas = await actorFor(db, "clas.cederlid");
});

const newStatement = async () => {
  const { caseId, documentIds } = await createCase(db);
  const { statementId } = await createStatement({ actor: clas, input: parseInput(ZCreateStatementSchema, { caseId, attachmentDocumentIds: [documentIds[0]!] }) });
  return { caseId, statementId, documentIds };
};

const saveText = (actor: Actor, statementId: string, sectionKey: string, baseVersion: number, body: TRichText) =>
  saveStatementSection({ actor, input: parseInput(ZSaveSectionSchema, { statementId, baseVersion, kind: "richText", sectionKey, value: body }) });

const latestContent = async (statementId: string): Promise<TStatementContent> => {
  const statement = await db.statement.findUniqueOrThrow({ where: { id: statementId } });
  const version = await db.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId, number: statement.currentVersion } } });
  return ZStatementContentSchema.parse(version.content);
};

const sectionText = (content: TStatementContent, key: string) => richTextToPlainText(readSection(content, { kind: "richText", sectionKey: key }).value as TRichText);

describe("creating a statement", () => {
  it("prefills header, decision point, Ärendet, Ärendets beredning, Bilagor and signatories from the case and organisation", async () => {
    const { statementId, documentIds } = await newStatement();
    const content = await latestContent(statementId);
    expect(content.header).toMatchObject({
      caseOfficerName: "Clas Cederlid",
      caseOfficerPhone: "08-50823326",
      committeeName: "Hägersten-Älvsjö stadsdelsnämnd",
      title: "Stoppa de öppna drogscenerna – motion från (M)",
      subtitle: "Yttrande till kommunstyrelsen",
      meetingDate: null,
    });
    expect(content.decisionPoints).toEqual([
      { text: "Hägersten-Älvsjö stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen." },
    ]);
    expect(sectionText(content, "arendet")).toBe(
      "Andréa Hedin (M) har skrivit en motion där det föreslås att\n\n• Stockholms stad utreder och sätter in insatser vid varje öppen drogscen som har en skola inom en radie av 500 meter.",
    );
    expect(sectionText(content, "arendets-beredning")).toBe("Ärendet har beretts inom avdelningen för samhälle och service.");
    expect(content.attachments).toEqual([{ documentId: documentIds[0], number: expect.stringMatching(/^HÄS 1999\/\d+-1$/), description: "Remissunderlag Motion Stoppa de öppna drogscenerna" }]);
    expect(content.signatories).toEqual([
      { role: "DIRECTOR", name: "Lee Orberson", title: "stadsdelsdirektör", administration: "Hägersten-Älvsjö stadsdelsförvaltning" },
      { role: "DEPARTMENT_HEAD", name: "Linda Palo", title: "avdelningschef", administration: "Hägersten-Älvsjö stadsdelsförvaltning" },
    ]);
    const version = await db.statementVersion.findFirstOrThrow({ where: { statementId } });
    expect(version.contentHash).toBe(sha256Hex(canonicalJson(version.content as never)));
  });

  it("creates the default template lazily, once per municipality", async () => {
    await newStatement();
    expect(await db.statementTemplate.count({ where: { municipalityId: "stockholm", isDefault: true } })).toBe(1);
    const template = await db.statementTemplate.findFirstOrThrow({ where: { municipalityId: "stockholm", isDefault: true } });
    expect(await db.auditEvent.count({ where: { action: "statement_template.create_default", entityId: template.id } })).toBe(1);
  });

  it("refuses a second statement for the same case", async () => {
    const { caseId } = await newStatement();
    await expectAppError(() => createStatement({ actor: clas, input: parseInput(ZCreateStatementSchema, { caseId, attachmentDocumentIds: [] }) }), "CONFLICT");
  });

  it("refuses attachments that belong to another case", async () => {
    const other = await createCase(db);
    const { caseId } = await createCase(db);
    await expectAppError(() => createStatement({ actor: clas, input: parseInput(ZCreateStatementSchema, { caseId, attachmentDocumentIds: [other.documentIds[0]!] }) }), "VALIDATION");
    expect(await db.statement.count({ where: { caseId } })).toBe(0);
  });
});

describe("saving sections", () => {
  it("saves a section as a new version with author, hash and an audit event without the text", async () => {
    const { statementId, caseId } = await newStatement();
    const result = await saveText(clas, statementId, "sammanfattning", 1, doc(paragraph("Förvaltningen välkomnar motionen.")));
    expect(result).toMatchObject({ status: "SAVED", version: 2, rebased: false });
    const version = await db.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId, number: 2 } } });
    expect(version).toMatchObject({ authorId: clas.id, changedSection: "sammanfattning" });
    expect(version.contentHash).toBe(hashStatementContent(ZStatementContentSchema.parse(version.content)));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "statement.save", entityId: statementId } });
    expect(audit).toMatchObject({ caseId, entityType: "Statement", data: { version: 2, section: "sammanfattning" } });
    expect(JSON.stringify(audit.data)).not.toContain("välkomnar");
  });

  it("lets exactly one of 50 concurrent saves of the same section win; the 49 others get CONFLICT with the winner's text", async () => {
    const { statementId } = await newStatement();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => saveText(clas, statementId, "synpunkter", 1, doc(paragraph(`Förslag nummer ${i}`)))),
    );
    const saved = results.filter((result) => result.status === "SAVED");
    const conflicts = results.filter((result): result is Extract<SaveSectionResult, { status: "CONFLICT" }> => result.status === "CONFLICT");
    expect(saved).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const statement = await db.statement.findUniqueOrThrow({ where: { id: statementId } });
    expect(statement.currentVersion).toBe(2);
    const winnerText = sectionText(await latestContent(statementId), "synpunkter");
    for (const conflict of conflicts) {
      expect(conflict.currentVersion).toBe(2);
      expect(conflict.current.kind === "richText" && richTextToPlainText(conflict.current.value)).toBe(winnerText);
      expect(conflict.savedBy).toBe("Clas Cederlid");
    }
    expect(await db.statementVersion.count({ where: { statementId } })).toBe(2);
  });

  it("rebases concurrent saves of different sections so that both are kept", async () => {
    const { statementId } = await newStatement();
    const [a, b] = await Promise.all([
      saveText(clas, statementId, "sammanfattning", 1, doc(paragraph("Sammanfattningens text."))),
      saveText(clas, statementId, "synpunkter", 1, doc(paragraph("Synpunkternas text."))),
    ]);
    expect([a.status, b.status]).toEqual(["SAVED", "SAVED"]);
    expect([a, b].filter((result) => result.status === "SAVED" && result.rebased)).toHaveLength(1);
    const content = await latestContent(statementId);
    expect(sectionText(content, "sammanfattning")).toBe("Sammanfattningens text.");
    expect(sectionText(content, "synpunkter")).toBe("Synpunkternas text.");
    expect((await db.statement.findUniqueOrThrow({ where: { id: statementId } })).currentVersion).toBe(3);
  });

  it("reports a conflict for a stale save of a section someone else changed, and keeps the other's text", async () => {
    const { statementId } = await newStatement();
    await saveText(clas, statementId, "arendet", 1, doc(paragraph("Den andras text.")));
    const stale = await saveText(clas, statementId, "arendet", 1, doc(paragraph("Min text.")));
    expect(stale).toMatchObject({ status: "CONFLICT", currentVersion: 2 });
    expect(sectionText(await latestContent(statementId), "arendet")).toBe("Den andras text.");
    // Choosing "mine" after seeing the conflict: saved on top of the version shown.
    expect(await saveText(clas, statementId, "arendet", 2, doc(paragraph("Min text.")))).toMatchObject({ status: "SAVED", version: 3 });
  });

  it("does not create a version when nothing changed", async () => {
    const { statementId } = await newStatement();
    const content = await latestContent(statementId);
    const result = await saveText(clas, statementId, "arendet", 1, readSection(content, { kind: "richText", sectionKey: "arendet" }).value as TRichText);
    expect(result).toMatchObject({ status: "SAVED", version: 1 });
    expect(await db.statementVersion.count({ where: { statementId } })).toBe(1);
  });

  it("saves decision points, header fields and attachments as their own sections", async () => {
    const { statementId, documentIds } = await newStatement();
    await saveStatementSection({ actor: clas, input: parseInput(ZSaveSectionSchema, { statementId, baseVersion: 1, kind: "decisionPoints", value: [{ text: "första" }, { text: "andra" }] }) });
    await saveStatementSection({
      actor: clas,
      input: parseInput(ZSaveSectionSchema, { statementId, baseVersion: 1, kind: "header", value: { meetingDate: "2024-04-25", title: "Ny rubrik", subtitle: "Yttrande till kommunstyrelsen", caseOfficerPhone: "08-1" } }),
    });
    await saveStatementSection({ actor: clas, input: parseInput(ZSaveSectionSchema, { statementId, baseVersion: 1, kind: "attachments", value: [documentIds[1]!, documentIds[0]!] }) });
    const content = await latestContent(statementId);
    expect(content.decisionPoints).toEqual([{ text: "första" }, { text: "andra" }]);
    expect(content.header).toMatchObject({ meetingDate: "2024-04-25", title: "Ny rubrik", caseOfficerPhone: "08-1", caseOfficerName: "Clas Cederlid" });
    expect(content.attachments.map((attachment) => attachment.description)).toEqual(["Motion 2024:12", "Remissunderlag Motion Stoppa de öppna drogscenerna"]);
    const versions = await db.statementVersion.findMany({ where: { statementId }, orderBy: { number: "asc" } });
    expect(versions.map((version) => version.changedSection)).toEqual([null, "decision-points", "header", "attachments"]);
  });

  it("refuses a header change that smuggles in another case number", async () => {
    const { statementId } = await newStatement();
    await expectAppError(
      () => saveStatementSection({
        actor: clas,
        input: parseInput(ZSaveSectionSchema, { statementId, baseVersion: 1, kind: "header", value: { meetingDate: null, title: "x", subtitle: "", caseOfficerPhone: "", caseNumber: "KS 1/1" } }),
      }),
      "VALIDATION",
    );
  });

  it("refuses saves to a statement in attestation with the withdrawal message", async () => {
    const { statementId } = await newStatement();
    for (const status of ["IN_ATTESTATION", "ATTESTED"] as const) {
      await db.statement.update({ where: { id: statementId }, data: { status } });
      const error = await expectAppError(saveText(clas, statementId, "arendet", 1, doc(paragraph("Ändring"))), "INVALID_STATE");
      expect(error.userMessage).toBe("Tjänsteutlåtandet är skickat på attestering och kan inte ändras. Det måste först återkallas.");
      await expectAppError(() => restoreStatementVersion({ actor: clas, input: parseInput(ZRestoreVersionSchema, { statementId, number: 1, baseVersion: 1 }) }), "INVALID_STATE");
    }
    expect(await db.statementVersion.count({ where: { statementId } })).toBe(1);
  });
});

describe("authorization", () => {
  it.each([
    ["a colleague in the same department", "kollega", "FORBIDDEN"],
    ["the registrator", "registrator", "FORBIDDEN"],
    ["the department head", "linda.palo", "FORBIDDEN"],
    ["a handläggare of another administration", "sos.handlaggare", "NOT_FOUND"],
    ["the admin", "admin", "NOT_FOUND"],
  ] as const)("refuses saves, restores and creation by %s and changes nothing", async (_label, username, code) => {
    const actor = await actorFor(db, username);
    const { statementId } = await newStatement();
    const other = await createCase(db);
    const auditBefore = await db.auditEvent.count();
    await expectAppError(saveText(actor, statementId, "arendet", 1, doc(paragraph("Intrång"))), code);
    await expectAppError(() => restoreStatementVersion({ actor, input: parseInput(ZRestoreVersionSchema, { statementId, number: 1, baseVersion: 1 }) }), code);
    await expectAppError(() => createStatement({ actor, input: parseInput(ZCreateStatementSchema, { caseId: other.caseId, attachmentDocumentIds: [] }) }), code);
    expect(await db.statementVersion.count({ where: { statementId } })).toBe(1);
    expect(await db.statement.count({ where: { caseId: other.caseId } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(auditBefore);
  });

  it("lets readers of the case view and preview, and hides the statement from other units", async () => {
    const { caseId } = await newStatement();
    const linda = await actorFor(db, "linda.palo");
    expect(await getStatementPage({ actor: linda, caseId })).toMatchObject({ canEdit: false, documents: null, statement: { version: 1 } });
    expect((await getStatementPreview({ actor: linda, caseId })).version).toBe(1);
    const outsider = await actorFor(db, "sos.handlaggare");
    await expectAppError(getStatementPage({ actor: outsider, caseId }), "NOT_FOUND");
    await expectAppError(getStatementPreview({ actor: outsider, caseId }), "NOT_FOUND");
    await expectAppError(getStatementHistory({ actor: outsider, caseId }), "NOT_FOUND");
    await expectAppError(getStatementPage({ actor: clas, caseId: "not-a-uuid" }), "NOT_FOUND");
  });
});

describe("history", () => {
  it("lists versions with author and changed section, diffs two versions word by word and restores an old one as a new version", async () => {
    const { caseId, statementId } = await newStatement();
    await saveText(clas, statementId, "synpunkter", 1, doc(paragraph("Första lydelsen av synpunkterna.")));
    await saveText(clas, statementId, "synpunkter", 2, doc(paragraph("Andra lydelsen av synpunkterna.")));
    const history = await getStatementHistory({ actor: clas, caseId });
    expect(history.versions.map((version) => [version.number, version.authorName, version.changed])).toEqual([
      [3, "Clas Cederlid", "Förvaltningens synpunkter och förslag"],
      [2, "Clas Cederlid", "Förvaltningens synpunkter och förslag"],
      [1, "Clas Cederlid", "Skapad från mall"],
    ]);
    const diff = await getStatementVersionDiff({ actor: clas, caseId, from: 2, to: 3 });
    expect(diff.filter((part) => part.removed).map((part) => part.value.trim())).toEqual(["Första"]);
    expect(diff.filter((part) => part.added).map((part) => part.value.trim())).toEqual(["Andra"]);

    const old = await db.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId, number: 2 } } });
    expect(await restoreStatementVersion({ actor: clas, input: parseInput(ZRestoreVersionSchema, { statementId, number: 2, baseVersion: 3 }) })).toEqual({ version: 4 });
    const restored = await db.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId, number: 4 } } });
    expect(restored.content).toEqual(old.content);
    expect(restored.contentHash).toBe(old.contentHash);
    expect(restored).toMatchObject({ restoredFromNumber: 2, changedSection: null, authorId: clas.id });
    expect(await db.auditEvent.count({ where: { action: "statement.restore", entityId: statementId } })).toBe(1);
  });

  it("refuses a restore based on an outdated version", async () => {
    const { statementId } = await newStatement();
    await saveText(clas, statementId, "synpunkter", 1, doc(paragraph("Ny text.")));
    await expectAppError(() => restoreStatementVersion({ actor: clas, input: parseInput(ZRestoreVersionSchema, { statementId, number: 1, baseVersion: 1 }) }), "CONFLICT");
    expect((await db.statement.findUniqueOrThrow({ where: { id: statementId } })).currentVersion).toBe(2);
  });
});

describe("union consultations in Ärendets beredning", () => {
  it("writes the recorded förvaltningsgrupp date into the prefill", async () => {
    const { caseId } = await createCase(db);
    await recordUnionConsultation({ actor: clas, input: parseInput(ZUnionConsultationSchema, { caseId, forum: "förvaltningsgrupp", date: "2024-04-16" }) });
    const { statementId } = await createStatement({ actor: clas, input: parseInput(ZCreateStatementSchema, { caseId, attachmentDocumentIds: [] }) });
    expect(sectionText(await latestContent(statementId), "arendets-beredning")).toBe(
      "Ärendet har beretts inom avdelningen för samhälle och service. De fackliga organisationerna informerades på förvaltningsgrupp den 16 april 2024.",
    );
  });

  it("names every consultation, oldest first, whatever order they were recorded in", async () => {
    const { caseId } = await createCase(db);
    await recordUnionConsultation({ actor: clas, input: parseInput(ZUnionConsultationSchema, { caseId, forum: "FSG", date: "2024-05-02" }) });
    await recordUnionConsultation({ actor: clas, input: parseInput(ZUnionConsultationSchema, { caseId, forum: "förvaltningsgrupp", date: "2024-04-16" }) });
    const { statementId } = await createStatement({ actor: clas, input: parseInput(ZCreateStatementSchema, { caseId, attachmentDocumentIds: [] }) });
    expect(sectionText(await latestContent(statementId), "arendets-beredning")).toBe(
      "Ärendet har beretts inom avdelningen för samhälle och service. De fackliga organisationerna informerades på förvaltningsgrupp den 16 april 2024. De fackliga organisationerna informerades på FSG den 2 maj 2024.",
    );
  });
});
