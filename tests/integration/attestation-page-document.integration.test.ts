// What you see is what you sign: the avdelningschef's attestation page
// (/arenden/<id>/attestering, the real page component, rendered to HTML) shows the
// reference tjänsteutlåtande with the same headings, decision points, signatures and
// Bilagor, in the same order, as the PDF exported of that version — and the attest form
// comes after the document it confirms. The session is replaced by a chosen actor;
// everything behind it is real.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { afterEach, describe, expect, it, vi } from "vitest";
import { attestStep, sendStatementForAttestation } from "@/features/attestation/server/attestation-service";
import { exportStatement } from "@/features/exports/server/statement-export";
import type { Actor } from "@/server/auth/actor";
import { REFERENCE_CASE_ID } from "../../scripts/seed/demo-cases";
import { seedDemoStatements } from "../../scripts/seed/demo-statements";
import { createTestDatabase } from "../support/database";
import { actorFor as freshActor, seedOrganisation } from "./attestation-fixtures";
import { pdfText, positionsInOrder } from "../fixtures/exports/inspect";
import { REFERENCE_HEADINGS } from "../fixtures/exports/reference-statement";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth", () => ({
  getActor: async () => session.actor,
  getPasswordSession: async () => null,
  requireActor: async () => {
    if (!session.actor) throw new Error("no session in this test");
    return session.actor;
  },
}));

const { default: AttestationPage } = await import("@/app/(app)/arenden/[id]/attestering/page");

const { db } = await createTestDatabase();
await seedOrganisation();
await db.$transaction((tx) => seedDemoStatements(tx));

const actorFor = (username: string) => freshActor(db, username);

const statement = await db.statement.findUniqueOrThrow({ where: { caseId: REFERENCE_CASE_ID } });
const linda = await db.user.findUniqueOrThrow({ where: { username: "linda.palo" } });
const lee = await db.user.findUniqueOrThrow({ where: { username: "lee.orberson" } });

afterEach(() => {
  session.actor = null;
});

// The page's forms are client components that ask for the App Router; server rendering
// here has no navigation, so a router that never navigates stands in for it.
const router = { back: () => {}, forward: () => {}, refresh: () => {}, push: () => {}, replace: () => {}, prefetch: () => {} } as unknown as AppRouterInstance;

/** The attestation page as the browser first receives it, for `username`. */
const attestationPageHtml = async (username: string): Promise<string> => {
  session.actor = await actorFor(username);
  const page = await AttestationPage({ params: Promise.resolve({ id: REFERENCE_CASE_ID }) });
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, page));
};

/** Visible text of an HTML fragment, one line per block, entities decoded. */
const textOf = (html: string): string =>
  html
    .replace(/<(br|\/p|\/h\d|\/li|\/tr|\/div)[^>]*>/g, "\n")
    .replace(/<\/t[dh]>/g, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\u00a0/g, " ");

const documentHtml = (html: string): string => {
  const match = html.match(/<article[^>]*data-testid="document-view"[\s\S]*<\/article>/);
  if (!match) throw new Error("the page shows no document");
  return match[0];
};

const headingsOf = (html: string): string[] => [...html.matchAll(/<h([2-5])[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) => textOf(match[2]!).trim());

/** The PDF's words in reading order, whitespace-normalised, to look things up in order. */
const flatten = (text: string): string => text.replace(/\s+/g, " ");

describe("the attester's page shows the document that is exported", () => {
  it("has the PDF's headings, decision point, signatures and Bilagor, in the PDF's order, and the form after the document", async () => {
    await sendStatementForAttestation({
      actor: await actorFor("clas.cederlid"),
      input: { caseId: REFERENCE_CASE_ID, order: "SEQUENTIAL", attesterIds: [linda.id, lee.id], versionNumber: statement.currentVersion },
    });

    const html = await attestationPageHtml("linda.palo");
    const document = documentHtml(html);
    const headings = headingsOf(document);
    // The template's headings as a person reads them — never the section keys.
    expect(headings).toEqual(REFERENCE_HEADINGS.slice(0, -1));
    expect(document).not.toMatch(/>\s*(sammanfattning|arendet|arendets-beredning|synpunkter)\s*</);

    const pdf = flatten(pdfText((await exportStatement({ actor: await actorFor("linda.palo"), statementId: statement.id, format: "pdf" })).bytes, { layout: false }));
    const shown = flatten(textOf(document));
    const decisionPoint = "Hägersten-Älvsjö stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.";
    // The PDF sets the signatures side by side, so its text reads name, name, title, title.
    const signatures = ["Lee Orberson", "Linda Palo", "avdelningschef"];
    const attachments = ["Remissunderlag", "Motion Stoppa de öppna drogscenerna"];
    // Same things, same order, on the page and in the PDF (each found after the one before).
    const sequence = [...headings.slice(0, 2), decisionPoint, ...headings.slice(2, -1), ...signatures, headings.at(-1)!, ...attachments];
    expect(positionsInOrder(shown, sequence)).not.toContain(-1);
    expect(positionsInOrder(pdf, sequence)).not.toContain(-1);

    // The running header and draft marking of the PDF, and the hash the attestation binds.
    const { caseNumber } = await db.case.findUniqueOrThrow({ where: { id: REFERENCE_CASE_ID } });
    expect(shown).toContain(`Dnr ${caseNumber}`);
    expect(pdf).toContain(`Dnr ${caseNumber}`);
    expect(shown).toContain("UTKAST");
    const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: statement.id } });
    expect(html).toContain(request.contentHash);
    // A link to the PDF of exactly this version.
    expect(html).toContain(`/api/export/statement/${statement.id}?format=pdf&amp;version=${request.versionNumber}`);
    // Read first, then attest: the form follows the document.
    expect(html.indexOf("Attestera")).toBeGreaterThan(-1);
    expect(html.lastIndexOf('data-testid="document-view"')).toBeLessThan(html.indexOf('id="my-step"'));
    expect(html).toContain("exakt den version som visas ovan");
  });

  it("shows the attestation block of the PDF once attested", async () => {
    const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: statement.id }, include: { steps: { include: { assignee: true } } } });
    for (const username of ["linda.palo", "lee.orberson"]) {
      const step = request.steps.find((candidate) => candidate.assignee.username === username)!;
      await attestStep({ actor: await actorFor(username), input: { stepId: step.id, contentHash: request.contentHash } });
    }
    const shown = flatten(textOf(documentHtml(await attestationPageHtml("clas.cederlid"))));
    const pdf = flatten(pdfText((await exportStatement({ actor: await actorFor("clas.cederlid"), statementId: statement.id, format: "pdf" })).bytes, { layout: false }));
    for (const text of ["Attesterat av", "Detta dokument har godkänts digitalt av följande personer:", "Linda Palo, avdelningschef", "Lee Orberson, stadsdelsdirektör", request.verificationCode]) {
      expect(shown).toContain(text);
      expect(pdf).toContain(text);
    }
    expect(shown).not.toContain("UTKAST");
  });
});
