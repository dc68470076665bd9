// Templates per committee with their proposer: the admin copies the municipality's template
// for Södermalms stadsdelsnämnd with "presidiet" proposing, and a statement on a case of that
// committee is written from it: its preview and its PDF say "Presidiets förslag till beslut".
// Södermalm's demo committee has no users and no cases of the other specs, so its own
// template changes nothing for them; the handläggare is created here (a reused database
// keeps the committee's template from an earlier run, which is then used as it is).
import { expect, test } from "@playwright/test";
import { firstLogin, login } from "./support/auth";
import { field } from "./support/cases";
import { pdfToText } from "./support/pdf";

const COMMITTEE = "Södermalms stadsdelsnämnd";
const TEMPLATE_NAME = "Södermalms presidiemall";
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

test("an admin gives a committee its own template with presidiet proposing; a statement there is headed Presidiets förslag till beslut", async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, "admin");
  await page.goto("/admin/mallar");
  await expect(page.getByRole("heading", { name: "Mallar", level: 1 })).toBeVisible();
  const ownRow = page.getByRole("row").filter({ hasText: COMMITTEE });
  if ((await ownRow.count()) === 0) {
    const form = page.getByRole("region", { name: "Ny mall" });
    // Without a name: refused in Swedish, nothing created.
    await form.getByLabel(/^Utgår från/).selectOption({ label: "Tjänsteutlåtande – yttrande över remiss" });
    await form.getByLabel(/^Gäller/).selectOption({ label: COMMITTEE });
    await form.getByLabel("Förslag till beslut från").selectOption("presidiet");
    await form.getByRole("button", { name: "Skapa mallen" }).click();
    await expect(form.getByText("Ange ett namn.").first()).toBeVisible({ timeout: 30_000 });
    await expect(ownRow).toHaveCount(0);
    await form.getByLabel(/^Namn/).fill(TEMPLATE_NAME);
    await form.getByRole("button", { name: "Skapa mallen" }).click();
    await expect(form.getByRole("status")).toHaveText("Mallen är skapad.", { timeout: 30_000 });
  }
  await expect(ownRow).toHaveCount(1);
  await expect(ownRow).toContainText("presidiet");

  // A handläggare and registrator of Södermalm, created by the admin.
  const username = `e2e.sos.${suffix}`;
  const fullName = `Sofia Söder ${suffix}`;
  const password = "ett-långt-e2e-lösenord";
  await page.goto("/admin/anvandare");
  const newUser = page.getByRole("region", { name: "Ny användare" });
  await newUser.getByLabel(/^Användarnamn/).fill(username);
  await newUser.getByLabel(/^Namn/).fill(fullName);
  await newUser.getByLabel(/^Lösenord/).fill(password);
  await newUser.getByLabel(/^Roll/).selectOption({ label: "Handläggare" });
  await newUser.getByLabel(/^Enhet/).selectOption({ label: "Avdelning: Avdelningen för samhälle och service (Södermalms stadsdelsförvaltning)" });
  await newUser.getByRole("button", { name: "Skapa användare" }).click();
  await expect(newUser.getByRole("status")).toContainText(`Användaren ${username} är skapad.`, { timeout: 30_000 });
  await newUser.getByRole("status").getByRole("link", { name: "Visa användaren" }).click();
  const roles = page.getByRole("region", { name: "Roller" });
  await roles.getByRole("combobox", { name: /^Roll/ }).selectOption({ label: "Registrator" });
  await roles.getByRole("combobox", { name: /^Enhet/ }).selectOption({ label: `Nämnd: ${COMMITTEE}` });
  await roles.getByRole("button", { name: "Lägg till roll" }).click();
  await expect(roles.getByRole("row").filter({ hasText: "Registrator" })).toHaveCount(1, { timeout: 30_000 });

  await page.context().clearCookies();
  await firstLogin(page, username, password, "mitt-eget-e2e-lösenord");
  const today = new Date().toISOString().slice(0, 10);
  await page.goto("/arenden/nytt");
  await field(page, "Rubrik").fill(`Mall med presidiets förslag ${suffix}`);
  await field(page, "Typ av ärende").selectOption("OTHER");
  await field(page, "Inkom").fill(today);
  await field(page, "Nämnd").selectOption({ label: COMMITTEE });
  await field(page, "Avdelning").selectOption({ label: "Avdelningen för samhälle och service" });
  await field(page, "Handläggare").selectOption({ label: fullName });
  await field(page, "Beskrivning").fill("Inkommen skrivelse");
  await field(page, "Handlingens datum").fill(today);
  await page.getByRole("button", { name: "Registrera ärendet" }).click();
  await expect(page).toHaveURL(/\/arenden\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const caseId = /\/arenden\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  // The committee's template is preselected; the municipality's is offered too.
  await page.goto(`/arenden/${caseId}/tjansteutlatande`);
  const templateChoice = field(page, "Mall");
  await expect(templateChoice.locator("option:checked")).toHaveText(new RegExp(`^${TEMPLATE_NAME} \\(${COMMITTEE}s mall, förslag från presidiet\\)`));
  await expect(templateChoice.locator("option")).toContainText(["Tjänsteutlåtande – yttrande över remiss (kommunens mall, förslag från förvaltningen)"]);
  await page.getByRole("button", { name: "Skapa tjänsteutlåtande" }).click();
  await expect(page.getByRole("heading", { name: "Presidiets förslag till beslut" })).toBeVisible({ timeout: 30_000 });

  await page.goto(`/arenden/${caseId}/tjansteutlatande/forhandsgranska`);
  const document = page.getByRole("main");
  await expect(document).toContainText("Presidiets förslag till beslut");
  await expect(document).toContainText("Presidiets synpunkter och förslag");
  await expect(document).not.toContainText("Förvaltningens förslag till beslut");

  const href = await page.locator('a[href*="/api/export/statement/"]').first().getAttribute("href");
  const statementId = href?.match(/statement\/([0-9a-f-]{36})/)?.[1];
  expect(statementId).toBeTruthy();
  const pdf = await page.request.get(`/api/export/statement/${statementId}?format=pdf`);
  expect(pdf.status()).toBe(200);
  const text = pdfToText(await pdf.body());
  expect(text).toContain("Presidiets förslag till beslut");
  expect(text).not.toContain("Förvaltningens förslag till beslut");
});
