// A samlingsärende: hundreds of handlingar in one case (delegationsbeslut, avtal, synpunkter
// of a year). The case page reads and renders its handlingar a page at a time, by number, and
// its newest events; the remiss answer form still offers every unanswered incoming handling
// (not only the page's); "Händelser" pages through all events. Before, every handling and
// every event was read and rendered on each view: a case of 611 handlingar gave a 1.5 MB page.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it } from "vitest";
import { loadCasePage } from "@/app/(app)/arenden/[id]/case-page";
import { getCaseHistory } from "@/features/audit/server/case-history";
import { CASE_PAGE_EVENTS } from "@/features/cases/server/case-queries";
import { createCaseDocumentInTx } from "@/features/cases/server/create-document";
import { CaseDocumentsSection } from "@/features/documents/components/case-documents-section";
import { caseDocumentHref, CASE_DOCUMENTS_PAGE_SIZE, DOCUMENT_CHOICES_FOUND, DOCUMENT_CHOICES_SHOWN } from "@/features/documents/format";
import { ZFindDocumentChoicesSchema } from "@/features/documents/schemas";
import { findDocumentChoices } from "@/features/documents/server/document-choices";
import { SendReferralForm } from "@/features/referrals/components/send-referral-form";
import { getSendReferralOptions } from "@/features/referrals/server";
import { ZSaveSectionSchema } from "@/features/statements/schemas";
import { saveStatementSection } from "@/features/statements/server/save-statement-section";
import { getStatementPage } from "@/features/statements/server/statement-queries";
import { CreateStatementForm } from "@/features/statements/components/create-statement-form";
import { sendReferral } from "@/features/referrals/server";
import { ZSendReferralSchema } from "@/features/referrals/schemas";
import { recordAudit } from "@/server/audit";
import { CASE_HISTORY_PAGE_SIZE } from "@/server/audit-actions";
import { loadActor, type Actor } from "@/server/auth/actor";
import { parseInput } from "@/server/validation";
import { seedDemoInstallation } from "../../scripts/seed/demo";
import { createTestDatabase } from "../support/database";
import { createQueryCounter } from "../support/query-counter";
import { createCase } from "./meetings-fixtures";

const counter = createQueryCounter();
const { db } = await createTestDatabase({ onConnect: counter.onConnect });
await seedDemoInstallation({ nodeEnv: "test", force: false });

const actorFor = async (username: string): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  return (await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) }))!;
};
const registrar = await actorFor("registrator");
const chair = await actorFor("ordforande");

/**
 * Handlingar registered in the case as the service registers them (one audit event each) until
 * it has `count`: every tenth outgoing, number 7 confidential, the rest incoming.
 */
const registerDocuments = async (caseId: string, count: number) => {
  const { lastDocumentNumber } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { lastDocumentNumber: true } });
  await db.$transaction(
    async (tx) => {
      for (let number = lastDocumentNumber + 1; number <= count; number++) {
        await createCaseDocumentInTx(tx, {
          actorId: registrar.id,
          caseId,
          direction: number % 10 === 0 ? "OUTGOING" : "INCOMING",
          documentDate: new Date("2026-03-02T00:00:00Z"),
          counterpart: `Avsändare ${number}`,
          description: number === 7 ? "Anmälan om missförhållanden" : `Delegationsbeslut nummer ${number}`,
          secrecyReference: number === 7 ? "26 kap. 1 § OSL" : null,
        });
      }
    },
    { timeout: 120_000 },
  );
};

const collection = await createCase(db, { title: "Delegationsbeslut 2026" });
// Six pages, the last of 50; more events than fit on one page of händelser.
await registerDocuments(collection.id, 5 * CASE_DOCUMENTS_PAGE_SIZE + 50);
const small = await createCase(db, { title: "Ett ärende med några få handlingar" });
await registerDocuments(small.id, 5);
// Its handläggare writes the tjänsteutlåtande: a draft, with Bilagor to choose.
const drafted = await createCase(db, { title: "Synpunkter på parkernas belysning", attested: false });
await registerDocuments(drafted.id, 120);

const router = { back: () => {}, forward: () => {}, refresh: () => {}, push: () => {}, replace: () => {}, prefetch: () => {} } as unknown as AppRouterInstance;
/** The links of rendered HTML: their text, href and rel. */
const links = (html: string) =>
  [...html.matchAll(/<a ([^>]*)>(.*?)<\/a>/g)].map(([, attributes, text]) => ({
    text: text!,
    href: /href="([^"]*)"/.exec(attributes!)?.[1] ?? null,
    rel: /rel="([^"]*)"/.exec(attributes!)?.[1] ?? null,
  }));
const render = (element: ReturnType<typeof createElement>) => renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, element)).replace(/<!-- -->/g, "");

describe("the case page of a samlingsärende", () => {
  it("lists the handlingar a page at a time, by number, and says which and how many", async () => {
    const first = await loadCasePage({ actor: registrar, caseId: collection.id });
    expect(first.documents).toMatchObject({ page: 1, pages: 6, total: 550 });
    expect(first.documents.documents.map((document) => document.documentNumber)).toEqual(Array.from({ length: 100 }, (_, i) => `${collection.caseNumber}-${i + 1}`));

    const last = await loadCasePage({ actor: registrar, caseId: collection.id, documentsPage: 6 });
    expect(last.documents.documents.map((document) => document.documentNumber)).toEqual(Array.from({ length: 50 }, (_, i) => `${collection.caseNumber}-${i + 501}`));

    const html = render(createElement(CaseDocumentsSection, { caseId: collection.id, view: (await loadCasePage({ actor: registrar, caseId: collection.id, documentsPage: 2 })).documents }));
    expect(html).toContain("Handlingarna 101–200 av 550 visas.");
    const pageLinks = links(html);
    const anchor = `#handlingar-${collection.id}`;
    expect(pageLinks).toContainEqual({ text: "Till de senast registrerade", href: `/arenden/${collection.id}?sida=6${anchor}`, rel: null });
    expect(pageLinks).toContainEqual({ text: "← Föregående sida", href: `/arenden/${collection.id}${anchor}`, rel: "prev" });
    expect(pageLinks).toContainEqual({ text: "Nästa sida →", href: `/arenden/${collection.id}?sida=3${anchor}`, rel: "next" });
    expect(html.match(/<tr id="handling-/g)).toHaveLength(100);
    expect(html).not.toContain(`${collection.caseNumber}-100<`);
    expect(html).toContain(`${collection.caseNumber}-101<`);
  });

  it("says that a page past the last does not exist and leads back", async () => {
    const beyond = await loadCasePage({ actor: registrar, caseId: collection.id, documentsPage: 7 });
    expect(beyond.documents).toMatchObject({ page: 7, pages: 6, total: 550, documents: [] });
    const html = render(createElement(CaseDocumentsSection, { caseId: collection.id, view: beyond.documents }));
    expect(html).toContain("Sidan 7 finns inte: ärendet har 550 handlingar.");
    expect(links(html)).toContainEqual({ text: "Till första sidan", href: `/arenden/${collection.id}#handlingar-${collection.id}`, rel: null });
    expect(html).not.toContain("<table");
  });

  it("shows a case of one page as before: no page summary, no pager", async () => {
    const page = await loadCasePage({ actor: registrar, caseId: small.id });
    expect(page.documents).toMatchObject({ page: 1, pages: 1, total: 5 });
    const html = render(createElement(CaseDocumentsSection, { caseId: small.id, view: page.documents }));
    expect(html.match(/<tr id="handling-/g)).toHaveLength(5);
    expect(html).not.toContain("visas.");
    expect(html).not.toContain('rel="next"');
  });

  it("keeps a confidential handling's content from one who may not read it, on whatever page", async () => {
    const asChair = await loadCasePage({ actor: chair, caseId: collection.id });
    const secret = asChair.documents.documents.find((document) => document.documentNumber === `${collection.caseNumber}-7`)!;
    expect(secret).toMatchObject({ contentVisible: false, description: null, counterpart: null });
  });

  it("reads no more often for a case of 550 handlingar than for one of 5", async () => {
    const queries = async (caseId: string, documentsPage?: number) => (await counter.count(() => loadCasePage({ actor: registrar, caseId, documentsPage }))).queries;
    const few = await queries(small.id);
    expect(await queries(collection.id)).toBe(few);
    expect(await queries(collection.id, 6)).toBe(few);
  });

  it("links a new handling numbered onto another page to where it is listed", () => {
    expect(caseDocumentHref(collection.id, 551, "d")).toBe(`/arenden/${collection.id}?sida=6#handling-d`);
    expect(caseDocumentHref(collection.id, 100, "d")).toBe(`/arenden/${collection.id}#handling-d`);
    expect(caseDocumentHref(collection.id, 101, "d")).toBe(`/arenden/${collection.id}?sida=2#handling-d`);
  });
});

describe("choosing handlingar of a samlingsärende (remisshandlingar, Bilagor)", () => {
  const ordinals = (choices: { ordinal: number }[]) => choices.map((choice) => choice.ordinal);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

  it("offers the newest handlingar and a search, not thousands of checkboxes, in the remiss form", async () => {
    const options = await getSendReferralOptions({ actor: registrar, caseId: collection.id });
    const { lastDocumentNumber } = await db.case.findUniqueOrThrow({ where: { id: collection.id }, select: { lastDocumentNumber: true } });
    expect(options.documents).toMatchObject({ total: lastDocumentNumber, complete: false });
    expect(ordinals(options.documents.choices)).toEqual(range(lastDocumentNumber - DOCUMENT_CHOICES_SHOWN + 1, lastDocumentNumber));
    const html = render(createElement(SendReferralForm, { options }));
    expect(html.match(/name="documentIds"/g)).toHaveLength(DOCUMENT_CHOICES_SHOWN);
    expect(html).toContain(`Ärendet har ${lastDocumentNumber} handlingar. Här visas de ${DOCUMENT_CHOICES_SHOWN} senaste och de du har valt.`);
    expect(html).toContain("Sök bland ärendets handlingar");

    // A case of few handlingar offers them all, without a search.
    const few = await getSendReferralOptions({ actor: registrar, caseId: small.id });
    expect(few.documents).toMatchObject({ total: 5, complete: true });
    expect(ordinals(few.documents.choices)).toEqual(range(1, 5));
    expect(render(createElement(SendReferralForm, { options: few }))).not.toContain("Sök bland ärendets handlingar");
  });

  it("offers the Bilagor already chosen besides the newest, in the diarium's order, and preselects none of many", async () => {
    const clas = await actorFor("clas.cederlid");
    const before = await getStatementPage({ actor: clas, caseId: drafted.id });
    expect(before.documents).toMatchObject({ total: 120, complete: false });
    expect(ordinals(before.documents!.choices)).toEqual(range(71, 120));

    const statement = await db.statement.findUniqueOrThrow({ where: { caseId: drafted.id }, select: { id: true, currentVersion: true } });
    const chosen = await db.caseDocument.findMany({ where: { caseId: drafted.id, number: { in: [3, 7, 100] } }, orderBy: { number: "asc" }, select: { id: true } });
    await saveStatementSection({ actor: clas, input: parseInput(ZSaveSectionSchema, { statementId: statement.id, baseVersion: statement.currentVersion, kind: "attachments", value: chosen.map((document) => document.id) }) });
    const after = await getStatementPage({ actor: clas, caseId: drafted.id });
    expect(ordinals(after.documents!.choices)).toEqual([3, 7, ...range(71, 120)]);
    // Number 7 is confidential: its handläggare reads it.
    expect(after.documents!.choices[1]).toMatchObject({ description: "Anmälan om missförhållanden", confidential: true });

    // The create form: of many handlingar none is ticked; of a few, every incoming one is.
    const many = render(createElement(CreateStatementForm, { caseId: drafted.id, documents: after.documents!, templates: [] }));
    expect(many.match(/name="attachmentDocumentIds"/g)).toHaveLength(DOCUMENT_CHOICES_SHOWN + 2);
    expect(many).not.toMatch(/checked=""/);
    const fewChoices = (await getSendReferralOptions({ actor: registrar, caseId: small.id })).documents;
    const few = render(createElement(CreateStatementForm, { caseId: small.id, documents: fewChoices, templates: [] }));
    expect(few.match(/checked=""/g)).toHaveLength(fewChoices.choices.filter((choice) => choice.direction === "INCOMING").length);
  });

  it("finds any handling by its number, typed alone or whole, or by the words of its description, in the diarium's order", async () => {
    const search = (query: string) => findDocumentChoices({ actor: registrar, caseId: drafted.id, query });
    const numbers = async (query: string) => ordinals((await search(query)).hits);
    // The handling of the number first, then those whose description has it.
    expect(await numbers("12")).toEqual([12, 112, 120]);
    expect(await numbers(`${drafted.caseNumber}-12`)).toEqual([12]);
    expect(await numbers(` ${drafted.caseNumber.toLowerCase()}-12 `)).toEqual([12]);
    // Another case's handling 12 is not this case's.
    expect(await numbers("HÄS 1999/1-12")).toEqual([]);
    // Every word, wherever it stands in the description.
    expect(await numbers("  nummer 11  ")).toEqual([11, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119]);
    expect(await numbers("beslut 117")).toEqual([117]);
    // "%" is a character typed, not a wildcard; a word found nowhere finds nothing.
    expect(await numbers("nummer%1")).toEqual([]);
    expect(await numbers("sjöbodsarrende")).toEqual([]);
    expect(await search("")).toEqual({ hits: [], more: false });
    // At most a screenful, the first by number, and whether there were more.
    expect(await search("Delegationsbeslut")).toMatchObject({ more: true });
    expect(await numbers("Delegationsbeslut")).toEqual([...range(1, 6), ...range(8, 21)].slice(0, DOCUMENT_CHOICES_FOUND));
    expect(await search("nummer 11")).toMatchObject({ more: false });
    // The handling of the number typed comes first even when more than a screenful have it in their descriptions.
    const many = await search("1");
    expect(many.more).toBe(true);
    expect(ordinals(many.hits)).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 41, 51, 61, 71, 81, 91, 100]);
    expect(await numbers("118")).toEqual([118]);
  });

  it("never finds a confidential handling by its words for one who may not read it, nor shows its description", async () => {
    expect(ordinals((await findDocumentChoices({ actor: registrar, caseId: drafted.id, query: "missförhållanden" })).hits)).toEqual([7]);
    expect(await findDocumentChoices({ actor: chair, caseId: drafted.id, query: "missförhållanden" })).toEqual({ hits: [], more: false });
    const { hits: [byNumber] } = await findDocumentChoices({ actor: chair, caseId: drafted.id, query: "7" });
    expect(byNumber).toMatchObject({ ordinal: 7, description: null, confidential: true });
  });

  it("gives the chosen handlingar a picker does not show, of this case only, masked as in a search", async () => {
    const idOf = async (caseId: string, number: number) => (await db.caseDocument.findUniqueOrThrow({ where: { caseId_number: { caseId, number } }, select: { id: true } })).id;
    const ids = [await idOf(drafted.id, 12), await idOf(drafted.id, 7), await idOf(small.id, 1)];
    // Another case's handling is not among them; the diarium's order.
    expect(ordinals((await findDocumentChoices({ actor: registrar, caseId: drafted.id, ids })).hits)).toEqual([7, 12]);
    const { hits } = await findDocumentChoices({ actor: chair, caseId: drafted.id, ids });
    expect(hits[0]).toMatchObject({ ordinal: 7, description: null, confidential: true });
    expect(hits[1]).toMatchObject({ ordinal: 12, description: expect.stringContaining("12") });
  });

  it("answers the search only to one who may read the case, and refuses input that does not fit", async () => {
    // The registrator of another committee.
    const outsider = await actorFor("sofia.berg");
    await expect(findDocumentChoices({ actor: outsider, caseId: drafted.id, query: "12" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const tooLong = ZFindDocumentChoicesSchema.safeParse({ caseId: drafted.id, query: "x".repeat(201) });
    expect(tooLong.error?.issues.map((issue) => issue.message)).toEqual(["Sök med högst 200 tecken."]);
    await expect(findDocumentChoices({ actor: outsider, caseId: drafted.id, ids: [crypto.randomUUID()] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A search or handlingar, not both nor neither.
    for (const input of [{ caseId: drafted.id }, { caseId: drafted.id, query: "12", ids: [drafted.id] }]) {
      expect(ZFindDocumentChoicesSchema.safeParse(input).error?.issues.map((issue) => issue.message)).toEqual(["Ange antingen en sökning eller handlingar."]);
    }
  });
});

describe("recording an external remiss answer in a samlingsärende", () => {
  it("offers every unanswered incoming handling, whichever page is shown, and reads them only while an external instans has not answered", async () => {
    const before = await counter.count(() => loadCasePage({ actor: registrar, caseId: collection.id }));
    expect(before.result.answerCandidates).toEqual([]);

    const sentDate = new Date().toISOString().slice(0, 10);
    const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await sendReferral({
      actor: registrar,
      input: parseInput(ZSendReferralSchema, {
        caseId: collection.id,
        letterMode: "PER_RECIPIENT",
        sentDate,
        text: "Nämnden remitterar ärendet.",
        documentIds: [],
        recipients: [{ kind: "EXTERNAL", name: "Region Stockholm", email: "registrator@regionstockholm.example", dueDate }],
      }),
    });
    const after = await counter.count(() => loadCasePage({ actor: registrar, caseId: collection.id }));
    const numbers = after.result.answerCandidates.map((candidate) => candidate.documentNumber);
    // Incoming only (every tenth is outgoing, and the remiss added an outgoing missiv), from all six pages.
    const incoming = await db.caseDocument.findMany({ where: { caseId: collection.id, direction: "INCOMING" }, orderBy: { number: "asc" }, select: { number: true } });
    expect(incoming.length).toBeGreaterThan(480);
    expect(numbers).toEqual(incoming.map((document) => `${collection.caseNumber}-${document.number}`));
    expect(numbers).toContain(`${collection.caseNumber}-549`);
    expect(numbers).not.toContain(`${collection.caseNumber}-550`);
    expect(after.queries).toBe(before.queries + 1);

    const asChair = await loadCasePage({ actor: chair, caseId: collection.id });
    expect(asChair.answerCandidates).toEqual([]);
  });
});

describe("the händelser of a samlingsärende", () => {
  it("shows the newest on the case page, with how many there are, and reads no more of them than it shows", async () => {
    const total = await db.auditEvent.count({ where: { caseId: collection.id } });
    const newest = await db.auditEvent.findFirstOrThrow({ where: { caseId: collection.id }, orderBy: { seq: "desc" } });
    const { details } = await loadCasePage({ actor: registrar, caseId: collection.id });
    expect(details).toMatchObject({ eventCount: total, allEventsShown: false });
    // "Visa de tidigare" opens the last page of Händelser, where the newest are.
    expect(total).toBeLessThan(2 * CASE_HISTORY_PAGE_SIZE);
    expect(details.historyHref).toBe(`/arenden/${collection.id}/handelser?sida=2`);
    expect(details.events).toHaveLength(CASE_PAGE_EVENTS);
    expect(details.events.at(-1)!.seq).toBe(newest.seq);
    const seqs = details.events.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));

    const few = (await loadCasePage({ actor: registrar, caseId: small.id })).details;
    expect(few).toMatchObject({ eventCount: await db.auditEvent.count({ where: { caseId: small.id } }), allEventsShown: true });
    expect(few.events.length).toBe(few.eventCount);
  });

  it("pages through the events, oldest first, every event once", async () => {
    const total = await db.auditEvent.count({ where: { caseId: collection.id } });
    expect(total).toBeGreaterThan(CASE_HISTORY_PAGE_SIZE);
    const first = await getCaseHistory({ actor: registrar, caseId: collection.id });
    expect(first).toMatchObject({ page: 1, pages: Math.ceil(total / CASE_HISTORY_PAGE_SIZE), total, shown: CASE_HISTORY_PAGE_SIZE });
    const second = await getCaseHistory({ actor: registrar, caseId: collection.id, page: 2 });
    expect(second).toMatchObject({ page: 2, shown: total - CASE_HISTORY_PAGE_SIZE });
    const seqs = [...first.entries, ...second.entries].map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(seqs.map(String)).size).toBe(total);
    expect((await getCaseHistory({ actor: registrar, caseId: collection.id, page: first.pages + 1 })).entries).toEqual([]);
  });
});

describe("the case page's newest events while a statement is written", () => {
  it("shows a run of saves as one entry, however long, with the entries before it", async () => {
    const clas = await actorFor("clas.cederlid");
    const statement = await db.statement.findFirstOrThrow({ where: { caseId: collection.id }, select: { id: true } });
    // Saved as it is written: one event every few seconds, hundreds in an afternoon.
    await db.$transaction(
      async (tx) => {
        for (let version = 1; version <= 300; version++) {
          await recordAudit(tx, { actorId: clas.id, action: "statement.save", entityType: "Statement", entityId: statement.id, caseId: collection.id, data: { version } });
        }
      },
      { timeout: 120_000 },
    );
    const { details } = await loadCasePage({ actor: registrar, caseId: collection.id });
    expect(details.events).toHaveLength(CASE_PAGE_EVENTS);
    expect(details.events.at(-1)!.text).toBe("Clas Cederlid sparade tjänsteutlåtandet 300 gånger (version 1–300)");
    expect(details.events.slice(0, -1).every((entry) => !entry.text.includes("sparade tjänsteutlåtandet"))).toBe(true);
    expect(details.allEventsShown).toBe(false);
  });
});
