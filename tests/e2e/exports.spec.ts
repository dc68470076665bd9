// Downloading a tjänsteutlåtande as a logged-in person would: the session cookie of a
// real login, the route handler of the running server (bundled PDFKit, fonts, ICC
// profile), and the bytes that arrive. Also what someone without access gets: no bytes.
//
// The statement id comes from the preview page, which shows the export links (ExportButtons);
// E2E_EXPORT_STATEMENT_ID can name another statement. The föredragningslista is downloaded
// from the demo meeting of 2024-04-25 (seeded with every new installation) by clicking.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./support/auth";

const REFERENCE_CASE_ID = "00000000-0000-7000-8000-000000002001";
const DEMO_MEETING_2024_ID = "00000000-0000-7000-8000-000000005101";

const statementIdFromPage = async (page: Page): Promise<string | null> => {
  if (process.env.E2E_EXPORT_STATEMENT_ID) return process.env.E2E_EXPORT_STATEMENT_ID;
  for (const path of [`/arenden/${REFERENCE_CASE_ID}/tjansteutlatande/forhandsgranska`, `/arenden/${REFERENCE_CASE_ID}/tjansteutlatande`, `/arenden/${REFERENCE_CASE_ID}`]) {
    await page.goto(path);
    const link = page.getByRole("link", { name: /Ladda ner PDF/ }).first();
    if ((await link.count()) > 0) return (await link.getAttribute("href"))?.match(/statement\/([0-9a-f-]{36})/)?.[1] ?? null;
  }
  return null;
};

test("the handläggare downloads the tjänsteutlåtande as PDF/A and Word", async ({ page }) => {
  // The first render loads and parses the fonts; a dev server also compiles the route.
  test.setTimeout(120_000);
  await login(page, "clas.cederlid");
  const statementId = await statementIdFromPage(page);
  expect(statementId, "the preview shows the export links").toBeTruthy();

  const pdf = await page.request.get(`/api/export/statement/${statementId}?format=pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment; .*filename\*=UTF-8''Tj%C3%A4nsteutl%C3%A5tande/);
  expect(pdf.headers()["x-content-type-options"]).toBe("nosniff");
  const pdfBytes = await pdf.body();
  expect(pdfBytes.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
  expect(pdfBytes.toString("latin1")).toContain("<pdfaid:part>2</pdfaid:part>");

  const docx = await page.request.get(`/api/export/statement/${statementId}?format=docx`);
  expect(docx.status()).toBe(200);
  expect((await docx.body()).subarray(0, 2).toString("latin1")).toBe("PK");
});

test("someone without access gets no document", async ({ page, request }) => {
  const unknown = "00000000-0000-7000-8000-999999999999";
  const anonymous = await request.get(`/api/export/statement/${unknown}?format=pdf`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.body()).subarray(0, 4).toString("latin1")).not.toBe("%PDF");

  await login(page, "admin");
  const statementId = process.env.E2E_EXPORT_STATEMENT_ID ?? unknown;
  const forbidden = await page.request.get(`/api/export/statement/${statementId}?format=pdf`);
  expect(forbidden.status()).toBe(404);
  expect((await forbidden.body()).subarray(0, 4).toString("latin1")).not.toBe("%PDF");
});

test("the sekreterare downloads the föredragningslista of a meeting as PDF with the button", async ({ page }) => {
  // The first render loads and parses the fonts; a dev server also compiles the route.
  test.setTimeout(120_000);
  await login(page, "sekreterare");
  await page.goto(`/sammantraden/${DEMO_MEETING_2024_ID}`);
  await expect(page.getByRole("heading", { name: "Sammanträde 2024-04-25 kl. 18.00", level: 1 })).toBeVisible();

  const buttons = page.getByRole("group", { name: "Ladda ner föredragningslistan" });
  const link = buttons.getByRole("link", { name: "Ladda ner PDF", exact: true });
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 90_000 }), link.click()]);
  expect(download.suggestedFilename()).toBe("Föredragningslista 2024-04-25 Hägersten-Älvsjö stadsdelsnämnd.pdf");
  const file = await download.path();
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.toString("latin1")).toContain("<pdfaid:part>2</pdfaid:part>");
});
