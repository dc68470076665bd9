import { expect, test, type Page } from "@playwright/test";
import { login } from "./support/auth";

// Each test registers in its own (past) year, so its numbers are not shared with other
// tests that register cases today: the year's sequence shows exactly how many cases
// each submit created.
const yearForTest = (offset: number): number => 2001 + ((Math.floor(Date.now() / 1000) + offset) % 19);

/** A form control by its label, with or without the "(obligatoriskt)" marker. */
const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\(obligatoriskt\\))?$`));

const fillReferenceLikeCase = async (page: Page, { title, year }: { title: string; year: number }) => {
  await page.goto("/arenden/nytt");
  await expect(page.getByRole("heading", { name: "Registrera ärende" })).toBeVisible();
  await field(page, "Rubrik").fill(title);
  await field(page, "Typ av ärende").selectOption("MOTION_REFERRAL");
  await field(page, "Remittent").fill("Kommunstyrelsen");
  await field(page, "Avsändarens diarienummer").fill(`KS ${year}/312`);
  await field(page, "Inkom").fill(`${year}-02-12`);
  await field(page, "Remisstid").fill(`${year}-05-03`);
  await field(page, "Avdelning").selectOption({ label: "Avdelningen för samhälle och service" });
  await field(page, "Handläggare").selectOption({ label: "Clas Cederlid" });
  await field(page, "Klassificering (KLASSA)").selectOption({ label: "1.5.1 Yttranden över remisser" });
  await field(page, "Nummer").fill(`${year}:12`);
  await field(page, "Väckt i kommunfullmäktige").fill(`${year}-01-24`);
  await field(page, "Motionens rubrik").fill(`Motion (${year}:12) av Andréa Hedin (M) om att stoppa de öppna drogscenerna`);
  await field(page, "Motionär 1, namn").fill("Andréa Hedin");
  await field(page, "Motionär 1, parti").fill("M");
  await field(page, "Att-sats 1")
    .fill("Stockholms stad utreder och sätter in insatser vid varje öppen drogscen som har en skola inom en radie av 500 meter.");
  await page.getByRole("button", { name: "Lägg till att-sats" }).click();
  await field(page, "Att-sats 2").fill("insatserna utformas i nära dialog med stadsdelsnämnderna, polisen och närliggande skolor.");
  await field(page, "Beskrivning").fill("Remissunderlag Motion Stoppa de öppna drogscenerna");
  await field(page, "Handlingens datum").fill(`${year}-02-12`);
};

const caseNumberOnPage = async (page: Page): Promise<{ year: number; sequence: number }> => {
  await expect(page).toHaveURL(/\/arenden\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const text = (await page.getByTestId("case-number").textContent()) ?? "";
  const match = /^HÄS (\d{4})\/(\d+)$/.exec(text.trim());
  expect(match, `case number "${text}"`).not.toBeNull();
  return { year: Number(match![1]), sequence: Number(match![2]) };
};

test("a registrator registers a remiss of a motion, lands on the new case and finds it in the diarium", async ({ page }) => {
  const year = yearForTest(0);
  const title = `Stoppa de öppna drogscenerna – motion från (M) ${Date.now()}`;
  await login(page, "registrator");
  await fillReferenceLikeCase(page, { title, year });
  await page.getByRole("button", { name: "Registrera ärendet" }).click();

  const number = await caseNumberOnPage(page);
  expect(number.year).toBe(year);
  await expect(page.getByText("Status: Öppet")).toBeVisible();
  await expect(page.getByText("Andréa Hedin (M)", { exact: true })).toBeVisible();
  // The motion's facts (the Komplettera form further down holds the same att-satser, editable).
  await expect(page.getByRole("region", { name: "Motionen" }).getByRole("listitem").filter({ hasText: "insatserna utformas i nära dialog" })).toBeVisible();
  await expect(page.getByText(`Deras diarienummer: KS ${year}/312`)).toBeVisible();
  await expect(page.getByText("Ärendet registrerades av Johan Ek")).toBeVisible();
  await expect(page.getByText(`Handling HÄS ${year}/${number.sequence}-1 registrerades`)).toBeVisible();

  // The diarium finds it by its number.
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Diarium" }).click();
  await page.getByLabel("Sök diarienummer, avsändarens diarienummer eller rubrik").fill(`HÄS ${year}/${number.sequence}`);
  await page.getByRole("button", { name: "Filtrera" }).click();
  const row = page.getByRole("table", { name: "Ärenden i diariet" }).getByRole("row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText(`HÄS ${year}/${number.sequence}`);
});

test("shows the form's errors in Swedish and keeps what was typed", async ({ page }) => {
  const year = yearForTest(7);
  await login(page, "registrator");
  await fillReferenceLikeCase(page, { title: "Remiss med fel remisstid", year });
  await field(page, "Remisstid").fill(`${year}-02-01`);
  await page.getByRole("button", { name: "Registrera ärendet" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Kontrollera de markerade fälten." });
  await expect(summary.getByRole("link", { name: "Remisstid" })).toBeVisible();
  await expect(page.getByText("Remisstiden kan inte vara före datumet då ärendet kom in.")).toHaveCount(1);
  await expect(field(page, "Remisstid")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Motionär 1, namn")).toHaveValue("Andréa Hedin");
});

test("a double click and a resent request register one case", async ({ page }) => {
  test.setTimeout(240_000);
  const year = yearForTest(13);
  await login(page, "registrator");

  // 1. Double click on the submit button.
  await fillReferenceLikeCase(page, { title: `Dubbelklick ${Date.now()}`, year });
  await page.getByRole("button", { name: "Registrera ärendet" }).dblclick();
  const first = await caseNumberOnPage(page);

  // 2. The same request reaches the server twice (a retry by the network or the browser):
  //    both answers redirect to the same case.
  await fillReferenceLikeCase(page, { title: `Omsändning ${Date.now()}`, year });
  const redirects: string[] = [];
  await page.route("**/arenden/nytt", async (route) => {
    if (route.request().method() !== "POST" || redirects.length > 0) return route.continue();
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await route.fetch({ timeout: 60_000 });
      redirects.push((response.headers()["x-action-redirect"] ?? "").split(";")[0]!);
      if (attempt === 1) await route.fulfill({ response });
    }
  });
  await page.getByRole("button", { name: "Registrera ärendet" }).click();
  await expect.poll(() => redirects.length, { timeout: 60_000 }).toBe(2);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  expect(redirects[0]).toMatch(/^\/arenden\/[0-9a-f-]{36}$/);
  expect(redirects[1]).toBe(redirects[0]);
  await page.goto(redirects[0]!);
  const second = await caseNumberOnPage(page);

  // 3. The next registration proves that neither submit used an extra number.
  await fillReferenceLikeCase(page, { title: `Kontroll ${Date.now()}`, year });
  await page.getByRole("button", { name: "Registrera ärendet" }).click();
  const third = await caseNumberOnPage(page);
  expect([second.sequence - first.sequence, third.sequence - second.sequence]).toEqual([1, 1]);
});
