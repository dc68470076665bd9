import { expect, type Page } from "@playwright/test";

/** A form control by its label, with or without the "(obligatoriskt)" marker. */
export const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\(obligatoriskt\\))?$`));

/**
 * Registers a simple case (kind "övrigt") in Hägersten-Älvsjö, department samhälle och
 * service, handled by Clas Cederlid, through the registration form. Returns the case id.
 * `secrecyReference`: the case is marked confidential (OSL) under that provision.
 * The page must be signed in as someone who may register there.
 */
export const registerSimpleCase = async (page: Page, title: string, { secrecyReference }: { secrecyReference?: string } = {}): Promise<string> => {
  await page.goto("/arenden/nytt");
  await expect(page.getByRole("heading", { name: "Registrera ärende" })).toBeVisible();
  await field(page, "Rubrik").fill(title);
  await field(page, "Typ av ärende").selectOption("OTHER");
  const today = new Date().toISOString().slice(0, 10);
  await field(page, "Inkom").fill(today);
  await field(page, "Avdelning").selectOption({ label: "Avdelningen för samhälle och service" });
  await field(page, "Handläggare").selectOption({ label: "Clas Cederlid" });
  await field(page, "Beskrivning").fill(`Inkommen skrivelse: ${title}`);
  await field(page, "Handlingens datum").fill(today);
  if (secrecyReference) {
    await page.getByLabel("Sekretessmarkera enligt offentlighets- och sekretesslagen (OSL)").check();
    await field(page, "Sekretessbestämmelse").fill(secrecyReference);
    await field(page, "Skäl").fill("Uppgifter om enskildas personliga förhållanden.");
  }
  await page.getByRole("button", { name: "Registrera ärendet" }).click();
  await expect(page).toHaveURL(/\/arenden\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  return /\/arenden\/([0-9a-f-]{36})/.exec(page.url())![1]!;
};

/** Creates the case's tjänsteutlåtande from the template (as its handläggare) and waits for the editor. */
export const createStatement = async (page: Page, caseId: string): Promise<void> => {
  await page.goto(`/arenden/${caseId}/tjansteutlatande`);
  const create = page.getByRole("button", { name: "Skapa tjänsteutlåtande" });
  if (await create.isVisible()) await create.click();
  await expect(page.getByTestId("editor-sammanfattning")).toBeVisible({ timeout: 30_000 });
};

/**
 * Writes `text` as a new paragraph at the end of each section and waits until each is saved.
 * A statement is sent for attestation only when its required sections have text.
 */
export const writeSections = async (page: Page, sectionKeys: readonly string[], text: string): Promise<void> => {
  for (const key of sectionKeys) {
    await page.getByTestId(`editor-${key}`).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type(text);
    await expect(page.getByTestId(`status-${key}`)).toContainText("Sparat", { timeout: 30_000 });
  }
};

/**
 * A fresh case with a saved statement, through the case registration (/arenden/nytt) and
 * the statement editor (/arenden/<id>/tjansteutlatande). Returns the case id.
 * E2E_ATTESTATION_CASE_ID skips this (a prepared case whose statement is a draft), for
 * running the attestation part alone against a dev server.
 */
export const createCaseWithStatement = async (page: Page, title: string): Promise<string> => {
  if (process.env.E2E_ATTESTATION_CASE_ID) return process.env.E2E_ATTESTATION_CASE_ID;
  const caseId = await registerSimpleCase(page, title);
  await createStatement(page, caseId);
  // The required sections that the prefill leaves empty for a case without a motion.
  await writeSections(page, ["sammanfattning", "arendet", "synpunkter"], "Förvaltningen har inget att invända.");
  await page.reload();
  await expect(page.getByTestId("editor-sammanfattning")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("missing-required")).toHaveCount(0);
  return caseId;
};

/**
 * Clicks "Attestera" on the attestation page; the re-authentication window may pass on a
 * slow machine, and then the form asks for the password (by default the demo users' "demo").
 */
export const attestOnPage = async (page: Page, passwordValue = "demo"): Promise<void> => {
  await page.getByRole("button", { name: "Attestera" }).click();
  const password = page.getByLabel("Bekräfta med ditt lösenord");
  await page.waitForLoadState("networkidle");
  if (await password.isVisible()) {
    await password.fill(passwordValue);
    await page.getByRole("button", { name: "Attestera" }).click();
  }
};
