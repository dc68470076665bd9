import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { samplePdf, samplePng } from "../../src/lib/file-type.samples";
import { login } from "./support/auth";

// An open demo case handled by Clas Cederlid (scripts/seed/demo-cases.ts); the reference
// case itself is answered and closed in the demo data, and a closed case takes no documents.
const OPEN_CASE_TITLE = "Regional handlingsplan mot öppna drogscener 2027–2028 – remiss från Länsstyrelsen";

const openCase = async (page: Page) => {
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Diarium" }).click();
  const row = page.getByRole("table", { name: "Ärenden i diariet" }).getByRole("row").filter({ hasText: OPEN_CASE_TITLE });
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/arenden\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Handlingar", level: 2 })).toBeVisible();
};

test("the handläggare registers a PDF in his case, sees it listed and downloads the same bytes", async ({ page }) => {
  const unique = Date.now().toString(36);
  const pdf = samplePdf(`E2E ${unique}`);
  const fileName = `Remissvar från Älvsjö ${unique}.pdf`;
  await login(page, "clas.cederlid");
  await openCase(page);

  const form = page.getByRole("region", { name: "Registrera handling" });
  await form.getByLabel("Inkommande").check();
  await form.getByLabel("Avsändare").fill("Kommunstyrelsen");
  await form.getByLabel("Beskrivning").fill(`Kompletterande underlag ${unique}`);
  await form.getByLabel("Filer (valfritt)").setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: Buffer.from(pdf) });
  await form.getByRole("button", { name: "Registrera handling" }).click();
  await expect(form.getByRole("status")).toContainText(/Handlingen HÄS \d{4}\/\d+-\d+ är registrerad\./);

  const table = page.getByRole("table", { name: /Handlingar i ärende/ });
  const row = table.getByRole("row").filter({ hasText: `Kompletterande underlag ${unique}` });
  await expect(row).toContainText("Inkommande");
  await expect(row).toContainText("Kommunstyrelsen");
  const link = row.getByRole("link", { name: `${fileName}, ${pdf.length} byte` });
  await expect(link).toBeVisible();

  const downloadPromise = page.waitForEvent("download");
  await link.click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(fileName);
  expect(new Uint8Array(await readFile(await download.path()))).toEqual(pdf);

  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({
    "content-type": "application/pdf",
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
    "content-security-policy": "sandbox",
  });
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; /);
});

test("a PNG named .pdf is refused with a Swedish message, the form keeps what was typed, and nothing is registered", async ({ page }) => {
  const unique = Date.now().toString(36);
  await login(page, "clas.cederlid");
  await openCase(page);
  const table = page.getByRole("table", { name: /Handlingar i ärende/ });
  const rowsBefore = await table.getByRole("row").count();

  const form = page.getByRole("region", { name: "Registrera handling" });
  await form.getByLabel("Avsändare").fill("Kommunstyrelsen");
  await form.getByLabel("Beskrivning").fill(`Felaktig fil ${unique}`);
  await form.getByLabel("Filer (valfritt)").setInputFiles({ name: "karta.pdf", mimeType: "application/pdf", buffer: Buffer.from(samplePng()) });
  await form.getByRole("button", { name: "Registrera handling" }).click();

  await expect(form.getByRole("alert")).toContainText("Kontrollera de markerade fälten.");
  const fileInput = form.getByLabel("Filer (valfritt)");
  await expect(fileInput).toHaveAttribute("aria-invalid", "true");
  await expect(fileInput).toHaveAccessibleDescription(/karta\.pdf: Filen är inte en PDF fast namnet slutar på \.pdf\./);
  await expect(form.getByLabel("Beskrivning")).toHaveValue(`Felaktig fil ${unique}`);

  await page.reload();
  await expect(page.getByRole("table", { name: /Handlingar i ärende/ }).getByRole("row")).toHaveCount(rowsBefore);
  await expect(page.getByText(`Felaktig fil ${unique}`)).toHaveCount(0);
});
