// A samlingsärende in the browser: once its handlingar fill more than a page, the case page
// lists them a hundred at a time; a new handling on another page is one click away from its
// confirmation, a search hit in a handling opens the page that lists it, and the case page
// shows its newest events with the way to all of them.
import { expect, test } from "@playwright/test";
import { login } from "./support/auth";
import { registerSimpleCase } from "./support/cases";

test("the registrator pages through a case of 101 handlingar and finds a new one and a search hit on its page", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const unique = Date.now().toString(36);
  const word = `sjöbodsarrende${unique}`;
  await login(page, "registrator");
  const caseId = await registerSimpleCase(page, `Delegationsbeslut ${unique}`);
  const today = new Date().toISOString().slice(0, 10);

  // Handlingar 2–100 through the same route as the form (it has registered number 1 with the case).
  for (let number = 2; number <= 100; number++) {
    const response = await page.request.post("/api/filer", {
      headers: { origin: baseURL! },
      multipart: { caseId, direction: "INCOMING", documentDate: today, counterpart: "Avdelningen för samhälle och service", description: `Delegationsbeslut nummer ${number}` },
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  await page.goto(`/arenden/${caseId}`);
  const documents = page.getByRole("table", { name: /Handlingar i ärende/ });
  await expect(documents.getByRole("row")).toHaveCount(101);
  await expect(page.getByText(/ av 100 visas\./)).toHaveCount(0);

  const form = page.getByRole("region", { name: "Registrera handling" });
  await form.getByLabel("Inkommande").check();
  await form.getByLabel("Avsändare").fill("Kommunstyrelsen");
  await form.getByLabel("Beskrivning").fill(`Beslut om ${word}`);
  await form.getByRole("button", { name: "Registrera handling" }).click();
  const status = form.getByRole("status");
  await expect(status).toContainText(/Handlingen HÄS \d{4}\/\d+-101 är registrerad\./);

  await status.getByRole("link", { name: "Visa den i listan" }).click();
  await expect(page).toHaveURL(new RegExp(`/arenden/${caseId}\\?sida=2#handling-[0-9a-f-]{36}$`));
  await expect(page.getByText("Handling 101 av 101 visas.")).toBeVisible();
  await expect(documents.getByRole("row").filter({ hasText: `Beslut om ${word}` })).toBeInViewport();

  await page.getByRole("navigation", { name: /Sidor med handlingar/ }).getByRole("link", { name: "← Föregående sida" }).click();
  await expect(page.getByText("Handlingarna 1–100 av 101 visas.")).toBeVisible();
  await expect(documents.getByRole("row")).toHaveCount(101);
  await expect(documents).not.toContainText(word);

  // The newest events, and the way to all of them.
  await expect(page.getByRole("heading", { name: "Senaste händelser" })).toBeVisible();
  await expect(page.getByText(/Ärendet har \d+ händelser\./)).toBeVisible();
  await page.getByRole("link", { name: "Visa de tidigare" }).click();
  await expect(page.getByRole("heading", { name: "Händelser", level: 1 })).toBeVisible();
  await expect(page.getByTestId("case-event").filter({ hasText: /-101 registrerades/ })).toHaveCount(1);

  // A search hit in handling 101 opens the page that lists it.
  await page.goto(`/sok?q=${encodeURIComponent(word)}`);
  const hit = page.getByTestId("search-result").filter({ hasText: `Delegationsbeslut ${unique}` });
  await hit.getByRole("link", { name: /-101$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/arenden/${caseId}\\?sida=2#handling-`));
  await expect(documents.getByRole("row").filter({ hasText: `Beslut om ${word}` })).toBeVisible();
});
