// The Remissammanställning in the sender's tjänsteutlåtande: created with one paragraph per
// remissinstans, refreshed from new answers without losing the handläggare's edits (an edited
// paragraph is reported, never overwritten), and exported through the document model (the
// preview, the attested record, PDF and DOCX all render it).
import { beforeAll, describe, expect, it } from "vitest";
import { createStatement } from "@/features/statements/server/create-statement";
import { refreshReferralCompilation } from "@/features/statements/server/referral-compilation";
import { saveStatementSection } from "@/features/statements/server/save-statement-section";
import { getStatementPage } from "@/features/statements/server/statement-queries";
import { REFERRAL_COMPILATION_KEY } from "@/features/statements/referral-compilation";
import { doc, paragraph, richTextToPlainText, type TRichText } from "@/features/statements/rich-text";
import { parseStatementContent } from "@/features/statements/server/statement-access";
import { exportStatement, loadStatementDocument } from "@/features/exports/server/statement-export";
import { getCaseReferrals } from "@/features/referrals/server";
import type { Actor } from "@/server/auth/actor";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { docxParagraphs, docxPart, pdfText, positionsInOrder } from "../fixtures/exports/inspect";
import { actorFor, expectAppError } from "./statements-fixtures";
import { createSentCase, KS_OFFICER, KS_REGISTRAR, setupReferralWorld } from "./referral-fixtures";

let database: TestDatabase;
let officer: Actor;

const HAS_SUMMARY = "Förvaltningen delar motionens syfte men anser att insatserna ska samordnas med polisen.";

const compilationOf = async (statementId: string) => {
  const statement = await database.db.statement.findUniqueOrThrow({ where: { id: statementId }, select: { currentVersion: true, versions: { orderBy: { number: "desc" }, take: 1, select: { content: true } } } });
  const content = parseStatementContent(statement.versions[0]!.content);
  const body = content.sections.find((section) => section.key === REFERRAL_COMPILATION_KEY)?.body ?? null;
  return { version: statement.currentVersion, body, paragraphs: body ? richTextToPlainText(body).split("\n\n") : [] };
};

const sentCaseWithStatement = async () => {
  const sent = await createSentCase(database.db, {
    instances: [
      { committeeId: "has", name: "Hägersten-Älvsjö stadsdelsnämnd", dueDate: "2024-06-15", status: "ANSWERED", answeredDate: "2024-06-20", position: "SUPPORTS_WITH_CHANGES", summary: HAS_SUMMARY },
      { committeeId: "sos", name: "Södermalms stadsdelsnämnd", dueDate: "2024-06-15", status: "ACCEPTED" },
      { committeeId: "kf", name: "Kommunfullmäktiges presidium", dueDate: "2024-06-15", status: "RETURNED" },
      { name: "Polismyndigheten", email: "registrator@polisen.example", dueDate: "2024-06-15", status: "ANSWERED", answeredDate: "2024-06-10", position: "OPPOSES", summary: "Polisen avstyrker förslaget" },
    ],
  });
  const { statementId } = await createStatement({ actor: officer, input: { caseId: sent.caseId, attachmentDocumentIds: [] } });
  return { ...sent, statementId };
};

beforeAll(async () => {
  database = await createTestDatabase();
  await setupReferralWorld();
  officer = await actorFor(database.db, KS_OFFICER);
});

describe("Remissammanställning", () => {
  it("is offered in the editor of a case sent on remiss and created with one quotable paragraph per instans, in the order sent", async () => {
    const { caseId, statementId } = await sentCaseWithStatement();
    const before = await getStatementPage({ actor: officer, caseId });
    const keys = before.statement!.definition.sections.map((section) => section.key);
    expect(keys.indexOf(REFERRAL_COMPILATION_KEY)).toBe(keys.indexOf("arendets-beredning") + 1);

    const result = await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } });
    expect(result).toMatchObject({ status: "SAVED", added: 4, updated: 0, conflicts: [] });
    const { paragraphs } = await compilationOf(statementId);
    expect(paragraphs).toEqual([
      `Hägersten-Älvsjö stadsdelsnämnd tillstyrker med ändringar (svar 2024-06-20). ${HAS_SUMMARY}`,
      "Södermalms stadsdelsnämnd har inte svarat (remisstid 2024-06-15).",
      "Kommunfullmäktiges presidium skickade tillbaka remissen utan att yttra sig.",
      "Polismyndigheten avstyrker (svar 2024-06-10). Polisen avstyrker förslaget.",
    ]);
    const events = await database.db.auditEvent.findMany({ where: { action: "statement.referral_compilation", entityId: statementId }, select: { data: true } });
    expect(events).toEqual([{ data: expect.objectContaining({ added: 4, updated: 0, conflicts: 0 }) }]);

    // Refreshing with nothing new writes no version.
    expect(await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } })).toMatchObject({ status: "UNCHANGED", version: result.version });
  });

  it("refreshes from new answers without overwriting the handläggare's edits: an edited paragraph is reported until they choose", async () => {
    const { statementId, recipientIds } = await sentCaseWithStatement();
    const created = await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } });
    // The handläggare rewrites Hägersten-Älvsjö's paragraph and adds their own conclusion.
    const edited = "Hägersten-Älvsjö stadsdelsnämnd stöder i huvudsak motionen men vill se samordning med polisen.";
    const mine: TRichText = doc(paragraph(edited), ...created.body.content.slice(1), paragraph("Sammantaget är remissinstanserna splittrade."));
    const saved = await saveStatementSection({ actor: officer, input: { statementId, baseVersion: created.version, kind: "richText", sectionKey: REFERRAL_COMPILATION_KEY, value: mine } });
    expect(saved.status).toBe("SAVED");

    // Södermalm answers; Hägersten-Älvsjö's summary is corrected by the registrar.
    const [has, sos] = recipientIds as [string, string];
    await database.db.referralRecipient.update({ where: { id: sos }, data: { status: "ANSWERED", answeredDate: new Date("2024-06-14"), position: "NO_COMMENTS" } });
    await database.db.referralRecipient.update({ where: { id: has }, data: { summary: "Nämnden tillstyrker med ändringar om samordning." } });

    const refreshed = await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } });
    expect(refreshed).toMatchObject({ status: "SAVED", added: 0, updated: 1 });
    expect(refreshed.conflicts).toEqual([{ recipientId: has, name: "Hägersten-Älvsjö stadsdelsnämnd", text: "Hägersten-Älvsjö stadsdelsnämnd tillstyrker med ändringar (svar 2024-06-20). Nämnden tillstyrker med ändringar om samordning." }]);
    let { paragraphs } = await compilationOf(statementId);
    expect(paragraphs[0]).toBe(edited);
    expect(paragraphs[1]).toBe("Södermalms stadsdelsnämnd har inga synpunkter (svar 2024-06-14).");
    expect(paragraphs.at(-1)).toBe("Sammantaget är remissinstanserna splittrade.");

    // Still reported on the next refresh (nothing written), until the handläggare chooses.
    const again = await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } });
    expect(again).toMatchObject({ status: "UNCHANGED", version: refreshed.version });
    expect(again.conflicts).toHaveLength(1);
    const appended = await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [{ recipientId: has, keep: "APPEND" }] } });
    expect(appended).toMatchObject({ status: "SAVED", conflicts: [] });
    ({ paragraphs } = await compilationOf(statementId));
    expect(paragraphs[0]).toBe(edited);
    expect(paragraphs.at(-1)).toContain("Nämnden tillstyrker med ändringar om samordning.");
    expect((await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } })).conflicts).toEqual([]);
  });

  it("keeps the handläggare's own paragraph when they choose it: the new answer is not added and no longer reported", async () => {
    const { statementId, recipientIds } = await sentCaseWithStatement();
    const created = await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } });
    const edited = "Hägersten-Älvsjö stadsdelsnämnd är i huvudsak positiv.";
    const mine: TRichText = doc(paragraph(edited), ...created.body.content.slice(1));
    await saveStatementSection({ actor: officer, input: { statementId, baseVersion: created.version, kind: "richText", sectionKey: REFERRAL_COMPILATION_KEY, value: mine } });
    await database.db.referralRecipient.update({ where: { id: recipientIds[0]! }, data: { summary: "Nämnden kräver samordning med polisen." } });
    expect((await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } })).conflicts).toHaveLength(1);

    const kept = await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [{ recipientId: recipientIds[0]!, keep: "MINE" }] } });
    expect(kept).toMatchObject({ status: "SAVED", added: 0, updated: 0, conflicts: [] });
    const { paragraphs } = await compilationOf(statementId);
    expect(paragraphs[0]).toBe(edited);
    expect(paragraphs).toHaveLength(4);
    expect(JSON.stringify(paragraphs)).not.toContain("Nämnden kräver samordning");
    // The choice is remembered: the same answer is not reported again.
    expect(await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } })).toMatchObject({ status: "UNCHANGED", version: kept.version, conflicts: [] });
  });

  it("never lets an editor save based on the text before a refresh silently overwrite it", async () => {
    const { statementId, recipientIds } = await sentCaseWithStatement();
    const created = await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } });
    await database.db.referralRecipient.update({ where: { id: recipientIds[1]! }, data: { status: "ANSWERED", answeredDate: new Date("2024-06-14"), position: "SUPPORTS" } });
    await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } });
    const stale = await saveStatementSection({ actor: officer, input: { statementId, baseVersion: created.version, kind: "richText", sectionKey: REFERRAL_COMPILATION_KEY, value: doc(paragraph("Min text från förut.")) } });
    expect(stale.status).toBe("CONFLICT");
    expect((await compilationOf(statementId)).paragraphs[1]).toBe("Södermalms stadsdelsnämnd tillstyrker (svar 2024-06-14).");
  });

  it("never quotes an answer carrying its own secrecy marking, and shows its position and summary only to those who may read it", async () => {
    const { caseId, statementId, recipientIds } = await sentCaseWithStatement();
    const registrar = await database.db.user.findUniqueOrThrow({ where: { username: KS_REGISTRAR } });
    const answer = await database.db.caseDocument.create({
      data: { caseId, number: 2, direction: "INCOMING", documentDate: new Date("2024-06-20"), counterpart: "Hägersten-Älvsjö stadsdelsnämnd", description: "Remissvar", secrecyReference: "26 kap. 1 § OSL", secrecyReason: "Uppgifter om enskilda", createdById: registrar.id },
    });
    await database.db.referralRecipient.update({ where: { id: recipientIds[0]! }, data: { answerDocumentId: answer.id } });

    await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } });
    const { paragraphs } = await compilationOf(statementId);
    expect(paragraphs[0]).toBe("Hägersten-Älvsjö stadsdelsnämnd har svarat (svar 2024-06-20). Svaret är sekretessmarkerat (Sekretess enligt 26 kap. 1 § OSL).");
    expect(JSON.stringify(paragraphs)).not.toContain("samordnas med polisen");

    // The remiss table: the handläggare of the case reads the answer; a colleague of the unit does not.
    const colleague = await database.db.user.create({ data: { username: `slk.kollega.${recipientIds[0]}`, name: "Kim Kollega", memberships: { create: { role: "CASE_OFFICER", departmentId: "slk-kla" } } } });
    const rowFor = async (actor: Actor) => (await getCaseReferrals({ actor, caseId })).rows.find((row) => row.id === recipientIds[0]);
    expect(await rowFor(officer)).toMatchObject({ position: "SUPPORTS_WITH_CHANGES", summary: HAS_SUMMARY, answerSecrecyReference: "26 kap. 1 § OSL" });
    const hidden = await rowFor(await actorFor(database.db, colleague.username));
    expect(hidden).toMatchObject({ position: null, summary: null, answerSecrecyReference: "26 kap. 1 § OSL" });
    // Another instans' answer without a marking stays readable to the colleague.
    expect((await getCaseReferrals({ actor: await actorFor(database.db, colleague.username), caseId })).rows.at(-1)).toMatchObject({ position: "OPPOSES", summary: "Polisen avstyrker förslaget" });
  });

  it("is exported through the document model: after Ärendets beredning in the preview, the PDF and the DOCX", async () => {
    const { statementId } = await sentCaseWithStatement();
    await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } });
    const view = await loadStatementDocument({ actor: officer, statementId });
    const headings = view.document.blocks.flatMap((block) => (block.kind === "heading" && block.level === 2 ? [block.runs.map((run) => run.text).join("")] : []));
    expect(headings.indexOf("Remissammanställning")).toBe(headings.indexOf("Ärendets beredning") + 1);

    const pdf = pdfText((await exportStatement({ actor: officer, statementId, format: "pdf" })).bytes, { layout: false }).replace(/\s+/g, " ");
    expect(positionsInOrder(pdf, ["Ärendets beredning", "Remissammanställning", "Hägersten-Älvsjö stadsdelsnämnd tillstyrker med ändringar", "Polismyndigheten avstyrker"])).not.toContain(-1);
    const docx = docxParagraphs(docxPart((await exportStatement({ actor: officer, statementId, format: "docx" })).bytes, "word/document.xml"));
    expect(docx).toContain("Remissammanställning");
    expect(docx).toContain("Södermalms stadsdelsnämnd har inte svarat (remisstid 2024-06-15).");
  });

  it("is written only by the case's handläggare, and only for a case sent on remiss", async () => {
    const { statementId } = await sentCaseWithStatement();
    await expectAppError(refreshReferralCompilation({ actor: await actorFor(database.db, "clas.cederlid"), input: { statementId, resolve: [] } }), "NOT_FOUND");
    await expectAppError(refreshReferralCompilation({ actor: await actorFor(database.db, KS_REGISTRAR), input: { statementId, resolve: [] } }), "FORBIDDEN");
    // A section of that key cannot be smuggled into a statement before the refresh created it.
    await expectAppError(
      saveStatementSection({ actor: officer, input: { statementId, baseVersion: 1, kind: "richText", sectionKey: REFERRAL_COMPILATION_KEY, value: doc(paragraph("Påhittad sammanställning.")) } }),
      "VALIDATION",
    );
    const notSent = await createSentCase(database.db, { instances: [] });
    const { statementId: other } = await createStatement({ actor: officer, input: { caseId: notSent.caseId, attachmentDocumentIds: [] } });
    await expectAppError(refreshReferralCompilation({ actor: officer, input: { statementId: other, resolve: [] } }), "INVALID_STATE");
  });
});
