import { expect, test } from "@playwright/test";
import { login } from "./support/auth";
import { signOut } from "./support/lifecycle";

// Search from the header of every signed-in page (#14), on the demo data (scripts/seed/demo-cases.ts):
// stemming finds the reference case, a hit opens its case, filters narrow, a bad date is named,
// and a confidential case is found only by those who may read it — its snippet included.
const REFERENCE_TITLE = "Stoppa de öppna drogscenerna";
const CONFIDENTIAL_TITLE = "Skrivelse om en enskilds boendesituation";

test("the handläggare searches from the header, finds the case by another form of the word, and opens it", async ({ page }) => {
  await login(page, "clas.cederlid");
  const header = page.getByRole("search", { name: "Sök i Yttra" });
  await header.getByLabel("Sök ärenden, handlingar och utlåtanden").fill("drogscen");
  await header.getByRole("button", { name: "Sök" }).click();
  await expect(page).toHaveURL(/\/sok\?q=drogscen/);
  await expect(page.getByRole("heading", { name: "Sök", level: 1 })).toBeVisible();

  const hits = page.getByRole("list", { name: "Sökträffar" });
  const reference = hits.getByTestId("search-result").filter({ hasText: REFERENCE_TITLE });
  await expect(reference).toBeVisible();
  // "drogscen" finds "drogscenerna": the snippet marks the hit.
  await expect(reference.locator("mark").first()).toHaveText(/^drogscen/i);

  // A filter narrows the hits; the search form keeps what was asked.
  const form = page.getByRole("search", { name: "Sök i ärenden" });
  await expect(form.getByLabel("Sökord eller diarienummer")).toHaveValue("drogscen");
  await form.getByLabel("Ärendetyp").selectOption("LETTER");
  await form.getByRole("button", { name: "Sök" }).click();
  await expect(page).toHaveURL(/typ=LETTER/);
  await expect(page.getByTestId("search-result").filter({ hasText: REFERENCE_TITLE })).toHaveCount(0);

  // A date that is not ÅÅÅÅ-MM-DD is named and left out, not silently applied.
  await page.goto("/sok?q=drogscen&fran=2024-13-01");
  await expect(page.getByRole("alert").filter({ hasText: "Ogiltigt värde ignorerades" })).toBeVisible();
  await expect(page.getByTestId("search-result").filter({ hasText: REFERENCE_TITLE })).toBeVisible();

  await page.getByTestId("search-result").filter({ hasText: REFERENCE_TITLE }).getByRole("link", { name: new RegExp(REFERENCE_TITLE) }).click();
  await expect(page).toHaveURL(/\/arenden\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(REFERENCE_TITLE);
});

test("a confidential case is found by the registrator, and not by the chair, not even as a snippet", async ({ page }) => {
  await login(page, "registrator");
  await page.goto(`/sok?q=${encodeURIComponent("boendesituation")}`);
  await expect(page.getByTestId("search-result").filter({ hasText: CONFIDENTIAL_TITLE })).toBeVisible();

  await signOut(page);
  await login(page, "ordforande");
  const response = await page.goto(`/sok?q=${encodeURIComponent("boendesituation")}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "Inga träffar." })).toBeVisible();
  expect(await page.content()).not.toContain("enskilds boendesituation");
});
