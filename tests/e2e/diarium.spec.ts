import { expect, test } from "@playwright/test";
import { login } from "./support/auth";

// Demo data (scripts/seed/demo-cases.ts): the reference case was answered and closed at
// the meeting of 2024-04-25, the Länsstyrelsen remiss is open and overdue, "Trygga skolvägar"
// is open with a later remisstid, and "Skrivelse om en enskilds boendesituation" is
// confidential (26 kap. 1 § OSL).
const REFERENCE_TITLE = "Stoppa de öppna drogscenerna";
const OVERDUE_TITLE = "Regional handlingsplan mot öppna drogscener";
const CONFIDENTIAL_TITLE = "Skrivelse om en enskilds boendesituation";
const CONFIDENTIAL_DESCRIPTION = "Skrivelse från enskild";

test("the registrator finds the reference case in the diarium and can filter on overdue cases", async ({ page }) => {
  await login(page, "registrator");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Diarium" }).click();
  await expect(page.getByRole("heading", { name: "Diarium", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Ärenden i diariet" });
  const referenceRow = table.getByRole("row").filter({ hasText: REFERENCE_TITLE });
  await expect(referenceRow).toBeVisible();
  await expect(referenceRow).toContainText("Avslutat");
  await expect(table.getByRole("row").filter({ hasText: OVERDUE_TITLE })).toContainText("försenad");
  // Each row links to its case page.
  await expect(referenceRow.getByRole("link").first()).toHaveAttribute("href", /^\/arenden\/[0-9a-f-]{36}$/);
  // The registrator reads confidential cases of the committee.
  await expect(table).toContainText(CONFIDENTIAL_TITLE);

  await page.getByLabel("Endast försenade").check();
  await page.getByRole("button", { name: "Filtrera" }).click();
  await expect(page).toHaveURL(/forsenade=1/);
  await expect(table.getByRole("row").filter({ hasText: OVERDUE_TITLE })).toBeVisible();
  await expect(table).not.toContainText(REFERENCE_TITLE);
  await expect(table).not.toContainText("Trygga skolvägar");
  for (const row of await table.getByRole("row").filter({ has: page.getByRole("link") }).all()) {
    await expect(row).toContainText("försenad");
  }

});

test("a page full of links sends the server no prefetches, and a click on one still navigates without reloading the page", async ({ page }) => {
  await login(page, "registrator");
  // Every page is dynamic and per user: a prefetch would only cost the server a request.
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"] !== undefined) prefetches.push(request.url());
  });
  await page.goto("/diarium");
  const caseLink = page.getByRole("table", { name: "Ärenden i diariet" }).getByRole("link").first();
  await caseLink.hover();
  await caseLink.focus();
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);

  // The same document: a client-side navigation, not a reload.
  await page.evaluate(() => document.documentElement.setAttribute("data-before-click", "kvar"));
  const href = await caseLink.getAttribute("href");
  await caseLink.click();
  await expect(page).toHaveURL(href!);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-before-click", "kvar");
  expect(prefetches).toEqual([]);
});

test("an invalid filter value in the URL is ignored with a notice instead of an error", async ({ page }) => {
  await login(page, "registrator");
  const response = await page.goto("/diarium?ar=abc&status=KANSKE&efter=%%%");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "Ogiltigt värde ignorerades" })).toContainText("år, status");
  await expect(page.getByRole("table", { name: "Ärenden i diariet" })).toContainText(REFERENCE_TITLE);
});

test("a committee chair without confidential access does not see the confidential case in the diarium", async ({ page }) => {
  await login(page, "ordforande");
  await page.goto(`/diarium?q=${encodeURIComponent("enskilds")}`);
  await expect(page.getByRole("status").filter({ hasText: "Inga ärenden" })).toBeVisible();
  expect(await page.content()).not.toContain(CONFIDENTIAL_TITLE);
});

test("the public diarium is open without login and shows the secrecy marking, never the protected text", async ({ request, page }) => {
  const response = await request.get("/stockholm/offentligt-diarium");
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain("Sekretess enligt 26 kap. 1 § OSL");
  expect(html).toContain("Remissunderlag Motion Stoppa de öppna drogscenerna");
  expect(html).not.toContain(CONFIDENTIAL_TITLE);
  expect(html).not.toContain(CONFIDENTIAL_DESCRIPTION);
  expect(html).not.toContain("personliga förhållanden");

  // Searching for the protected text finds nothing.
  const search = await request.get(`/stockholm/offentligt-diarium?q=${encodeURIComponent("enskild")}`);
  expect(await search.text()).not.toContain(CONFIDENTIAL_DESCRIPTION);

  await page.goto("/stockholm/offentligt-diarium");
  await expect(page.getByRole("heading", { name: "Offentligt diarium" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Logga in" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Felregistrerad" }).or(page.getByText("Felregistrerad")).first()).toBeVisible();
});

test("bevakning lists the overdue Länsstyrelsen remiss for its handläggare", async ({ page }) => {
  await login(page, "clas.cederlid");
  await expect(page.getByRole("table", { name: "Dina försenade bevakningar" })).toContainText(OVERDUE_TITLE);
  await page.getByRole("link", { name: "Gå till bevakning" }).click();
  await expect(page.getByRole("heading", { name: "Bevakning", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Försenade" })).toContainText(OVERDUE_TITLE);

  // One section alone, paged: a page past its end says so and leads back.
  await page.goto("/bevakning?avsnitt=forsenade");
  await expect(page.getByRole("heading", { name: "Bevakning: försenade", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Försenade" })).toContainText(OVERDUE_TITLE);
  await expect(page.getByTestId("due-soon")).toHaveCount(0);
  await page.goto("/bevakning?avsnitt=forsenade&sida=99");
  await expect(page.getByText(/^Sidan 99 finns inte: avsnittet har \d+\./)).toBeVisible();
  await expect(page.getByRole("table", { name: /Försenade/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Till första sidan" }).click();
  await expect(page.getByRole("table", { name: "Försenade" })).toContainText(OVERDUE_TITLE);
  await page.getByRole("link", { name: "Alla avsnitt" }).click();
  await expect(page.getByTestId("due-soon")).toBeVisible();
  // A page number without a section is not applied, and the page says so.
  await page.goto("/bevakning?sida=2");
  await expect(page.getByRole("region", { name: "Bevakning" }).getByRole("alert")).toContainText("Ogiltigt värde ignorerades: sida");
  await expect(page.getByTestId("due-soon")).toBeVisible();
});
