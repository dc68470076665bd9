// The canary crawl: unique strings are put, through the browser, in a confidential case's
// title, its tjänsteutlåtande's text, and the description and file of a secret handling in
// an open case. Then everything a user without access can reach is fetched from the running
// server — the pages linked from where they start (crawled, bounded), each page again as an
// RSC payload (`RSC: 1`), exports incl. the public copy, the e-mail outbox, the public
// diarium and /verifiera — and no response may contain a canary. The same crawl as the
// users with access finds them, so the check can fail.
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { samplePdf } from "../../src/lib/file-type.samples";
import { login } from "./support/auth";
import { createStatement, registerSimpleCase, writeSections } from "./support/cases";
import { pdfToText } from "./support/pdf";

const SECRECY = "26 kap. 1 § OSL";
// Searches ask for the suffix alone: a page echoes its query, and the echo is no leak.
const suffix = randomBytes(5).toString("hex").toUpperCase();
const CANARY = {
  caseTitle: `KANARIETITEL${suffix}`,
  section: `KANARIEAVSNITT${suffix}`,
  documentDescription: `KANARIEHANDLING${suffix}`,
  file: `KANARIEFIL${suffix}`,
} as const;
const CANARIES = Object.values(CANARY);

// An open demo case handled by Clas Cederlid (scripts/seed/demo-cases.ts).
const OPEN_CASE_TITLE = "Regional handlingsplan mot öppna drogscener 2027–2028 – remiss från Länsstyrelsen";

/** Pages per crawl are capped (seeds first, then what they link to): the test stays bounded in time. */
const CRAWL_LIMIT = { reader: 35, other: 15 } as const;
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

const signedIn = async (browser: Browser, username: string): Promise<Page> => {
  const page = await (await browser.newContext()).newPage();
  await login(page, username);
  return page;
};

/** The readable text of a response: headers (file names), and the body as text (a PDF through pdftotext, a DOCX as its XML). */
const responseText = async (response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<string> => {
  const headers = decodeURIComponent(JSON.stringify(response.headers()));
  const body = await response.body();
  const type = response.headers()["content-type"] ?? "";
  if (type.includes("application/pdf")) return `${headers}\n${pdfToText(body)}`;
  if (type.includes("wordprocessingml")) throw new Error("DOCX is checked by the integration tests; the crawl asks for PDF");
  return `${headers}\n${body.toString("utf8")}`;
};

/** Never followed: they change the session or are the framework's assets. */
const SKIP = /^\/(api\/auth|_next|logga-ut)|format=docx/;

type Finding = { url: string; rsc: boolean; canaries: string[] };

/** Fetches `seeds` and the same-origin pages they link to (breadth first, bounded), each as HTML and as RSC payload. */
const crawl = async (request: APIRequestContext, seeds: readonly string[], limit: number): Promise<{ visited: string[]; findings: Finding[] }> => {
  const queue = [...seeds];
  const seen = new Set<string>(queue);
  const visited: string[] = [];
  const findings: Finding[] = [];
  while (queue.length > 0 && visited.length < limit) {
    const url = queue.shift()!;
    visited.push(url);
    const response = await request.get(url, { failOnStatusCode: false });
    const text = await responseText(response);
    const found = CANARIES.filter((value) => text.includes(value));
    if (found.length > 0) findings.push({ url, rsc: false, canaries: found });
    if ((response.headers()["content-type"] ?? "").includes("text/html")) {
      const rsc = await request.get(url, { headers: { RSC: "1" }, failOnStatusCode: false });
      const rscText = await rsc.text();
      const inRsc = CANARIES.filter((value) => rscText.includes(value));
      if (inRsc.length > 0) findings.push({ url, rsc: true, canaries: inRsc });
      for (const match of text.matchAll(/href="(\/[^"#]*)"/g)) {
        const link = match[1]!.replaceAll("&amp;", "&");
        if (SKIP.test(link) || seen.has(link)) continue;
        seen.add(link);
        queue.push(link);
      }
    }
  }
  return { visited, findings };
};

test("no canary of secret text reaches a user, a channel or a public page without access to it", async ({ browser, playwright, baseURL }) => {
  // Setting up through the browser takes most of the time; the bound leaves room for a loaded runner.
  test.setTimeout(240_000);

  // The secret data, put in through the browser as registrator and handläggare.
  const registrar = await signedIn(browser, "registrator");
  const secretCaseId = await registerSimpleCase(registrar, `Placering i familjehem ${CANARY.caseTitle}`, { secrecyReference: SECRECY });

  const officer = await signedIn(browser, "clas.cederlid");
  await officer.goto("/diarium");
  await officer.getByRole("table", { name: "Ärenden i diariet" }).getByRole("row").filter({ hasText: OPEN_CASE_TITLE }).getByRole("link").first().click();
  await expect(officer).toHaveURL(new RegExp(`/arenden/${UUID}$`));
  const openCaseId = new RegExp(`/arenden/(${UUID})`).exec(officer.url())![1]!;
  const form = officer.getByRole("region", { name: "Registrera handling" });
  await form.getByLabel("Inkommande").check();
  await form.getByLabel("Avsändare").fill("Socialtjänsten");
  await form.getByLabel("Beskrivning").fill(`Utredning om enskild ${CANARY.documentDescription}`);
  await form.getByLabel("Handlingen innehåller uppgifter som omfattas av sekretess").check();
  await form.getByLabel("Sekretessbestämmelse").fill(SECRECY);
  await form.getByLabel("Filer (valfritt)").setInputFiles({ name: `utredning ${CANARY.file}.pdf`, mimeType: "application/pdf", buffer: Buffer.from(samplePdf(`Utredning ${CANARY.file}`)) });
  await form.getByRole("button", { name: "Registrera handling" }).click();
  await expect(form.getByRole("status")).toContainText(/Handlingen .* är registrerad\./);

  // The open case's tjänsteutlåtande lists its incoming handlingar as bilagor, the secret one too.
  await createStatement(officer, openCaseId);
  await expect(officer.getByTestId("section-attachments").getByRole("checkbox", { name: new RegExp(CANARY.documentDescription) })).toBeChecked();

  await createStatement(officer, secretCaseId);
  await writeSections(officer, ["sammanfattning"], `Förvaltningen bedömer ${CANARY.section}.`);
  const preview = await (await officer.request.get(`/arenden/${secretCaseId}/tjansteutlatande/forhandsgranska`)).text();
  const statementId = new RegExp(`/api/export/statement/(${UUID})`).exec(preview)![1]!;

  // Those with access find every canary: the check below can fail.
  const ownText = [
    await responseText(await officer.request.get(`/arenden/${secretCaseId}/tjansteutlatande/forhandsgranska`)),
    await responseText(await officer.request.get(`/arenden/${openCaseId}`)),
    await responseText(await officer.request.get(`/arenden/${openCaseId}/tjansteutlatande/forhandsgranska`)),
    await responseText(await officer.request.get(`/api/export/statement/${statementId}?format=pdf`)),
  ].join("\n");
  expect(CANARIES.filter((value) => !ownText.includes(value))).toEqual([]);

  // The public copy, downloaded by someone who may read the case, carries none.
  const publicCopy = await registrar.request.get(`/api/export/statement/${statementId}?format=pdf&variant=public`);
  expect(publicCopy.status()).toBe(200);
  const publicCopyText = await responseText(publicCopy);
  expect(CANARIES.filter((value) => publicCopyText.includes(value))).toEqual([]);

  // A reader of the committee's cases and meetings who may not read the secret ones.
  const checker = await signedIn(browser, "justerare");
  const direct = [
    `/arenden/${secretCaseId}`,
    `/arenden/${secretCaseId}/tjansteutlatande`,
    `/arenden/${secretCaseId}/tjansteutlatande/forhandsgranska`,
    `/arenden/${secretCaseId}/tjansteutlatande/historik`,
    `/arenden/${secretCaseId}/attestering`,
    `/arenden/${secretCaseId}/handelser`,
    `/api/export/statement/${statementId}?format=pdf`,
    `/api/export/statement/${statementId}?format=pdf&variant=public`,
    `/arenden/${openCaseId}`,
    `/arenden/${openCaseId}/tjansteutlatande`,
    `/arenden/${openCaseId}/tjansteutlatande/forhandsgranska`,
    `/arenden/${openCaseId}/tjansteutlatande/historik`,
    `/arenden/${openCaseId}/handelser`,
  ];
  const asChecker = await crawl(checker.request, ["/", "/diarium", `/diarium?q=${suffix}`, "/bevakning", "/sammantraden", "/attestera", "/justering", ...direct], CRAWL_LIMIT.reader);

  // The administrator: the e-mail outbox and the admin pages.
  const admin = await signedIn(browser, "admin");
  const asAdmin = await crawl(admin.request, ["/admin/utkorg", "/admin", `/arenden/${secretCaseId}`, `/arenden/${openCaseId}`], CRAWL_LIMIT.other);

  // Anyone: the public start page, the public diarium (also searched for the canaries), the
  // committees' meeting documents, /verifiera, the login page.
  const anonymous = await playwright.request.newContext({ baseURL });
  const asAnonymous = await crawl(anonymous, ["/stockholm/offentligt", "/stockholm/offentligt-diarium", `/stockholm/offentligt-diarium?q=${suffix}`, "/stockholm/offentligt/sammantraden", "/verifiera", "/logga-in", `/arenden/${secretCaseId}`, `/api/export/statement/${statementId}?format=pdf&variant=public`], CRAWL_LIMIT.other);

    expect([...asChecker.findings, ...asAdmin.findings, ...asAnonymous.findings]).toEqual([]);
  // The crawl reached pages that show the cases (not only refusals).
  expect(asChecker.visited.length).toBe(CRAWL_LIMIT.reader);
  expect(asChecker.visited).toContain(`/arenden/${openCaseId}`);
  await anonymous.dispose();
});
