// WCAG 2.1 A and AA: axe-core, injected into the page (page.evaluate, which the nonce CSP
// does not apply to), finds no violation on any page in its main states: as first shown,
// filled, with validation errors, and with its disclosures (<details>) open. One browser
// context per role, signed in once; each test visits every page that role works with.
// Violations are soft failures, so one run names every page and rule that fails.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { login } from "./support/auth";
import { DEMO_MEETING_2024_ID, DEMO_MEETING_PAGES, DEMO_PLANNED_MEETING_ID } from "./support/demo";
import { createStatement, field, registerSimpleCase } from "./support/cases";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// Demo data (the seed).
const CLAS_USER_ID = "00000000-0000-7000-8000-000000000001";
const REFERENCE_CASE_ID = "00000000-0000-7000-8000-000000002001";
const SCHOOL_ROADS_CASE_ID = "00000000-0000-7000-8000-000000002005";
const DEMO_VERIFICATION_CODE = "DEMO-2024-0409";
const TEMPLATE_NAME = "Tjänsteutlåtande – yttrande över remiss";

// Each test visits many pages, each checked once or twice.
test.describe.configure({ timeout: 180_000 });

/** Runs axe on the page as it is now (legacy mode: in the page itself, without a helper page per run); `state` names it in the failure message. */
const expectAccessible = async (page: Page, state: string): Promise<void> => {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode().analyze();
  const found = violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect.soft(found, `${new URL(page.url()).pathname} – ${state}`).toEqual([]);
};

/** The error summary (or message) `scope` shows after a failed submit. */
const shownError = (scope: Page | Locator) => scope.getByRole("alert").filter({ hasText: /\S/ }).first();

/** Opens every disclosure of the page (the notification bell, decision forms, …). */
const openDisclosures = async (page: Page): Promise<number> =>
  page.evaluate(() => {
    const closed = [...document.querySelectorAll("details")].filter((details) => !details.open);
    for (const details of closed) details.open = true;
    return closed.length;
  });

/** Opens `path`, checks it as first shown and, if it has disclosures, with all of them open. */
const checkPage = async (page: Page, path: string): Promise<void> => {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.locator("h1").first()).toBeVisible();
  await expectAccessible(page, "as shown");
  if ((await openDisclosures(page)) > 0) await expectAccessible(page, "disclosures open");
};

test("public pages: login (with a failed attempt), public diarium, anslagstavla, verification and accessibility statement", async ({ page }) => {
  await checkPage(page, "/logga-in");
  await page.getByLabel("Användarnamn", { exact: true }).fill("ingen.sadan.anvandare");
  await page.getByLabel("Lösenord", { exact: true }).fill("fel");
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(shownError(page.getByRole("main"))).toBeVisible();
  await expectAccessible(page, "wrong password");

  await checkPage(page, "/offentligt");
  await checkPage(page, "/offentligt/sammantraden");
  await checkPage(page, "/offentligt-diarium");
  await checkPage(page, "/anslagstavla");
  for (const kommun of ["stockholm", "exempelby"]) {
    await checkPage(page, `/${kommun}/anslagstavla`);
    await checkPage(page, `/${kommun}/anslagstavla/arkiv`);
  }
  await checkPage(page, "/tillganglighet");
  await checkPage(page, `/verifiera/${DEMO_VERIFICATION_CODE}`);
  await checkPage(page, "/verifiera");
  await page.getByRole("textbox").first().fill("FEL-0000-0000");
  await page.getByRole("button", { name: "Verifiera" }).click();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "unknown code");
});

test("handläggare: start, diarium, bevakning, registration, case, statement editor, preview, history", async ({ page }) => {
  await login(page, "clas.cederlid");
  for (const path of ["/", "/byt-losenord", "/diarium", "/bevakning", "/sok?q=drogscen", `/arenden/${REFERENCE_CASE_ID}`, `/arenden/${REFERENCE_CASE_ID}/handelser`, `/arenden/${REFERENCE_CASE_ID}/attestering`]) {
    await checkPage(page, path);
  }

  await checkPage(page, "/arenden/nytt");
  await page.getByRole("button", { name: "Registrera ärendet" }).click();
  await expect(shownError(page.getByRole("main"))).toBeVisible();
  await expectAccessible(page, "validation errors");
  await field(page, "Rubrik").fill("Tillgänglighetsgranskning");
  await field(page, "Typ av ärende").selectOption("MOTION_REFERRAL");
  await expectAccessible(page, "filled, motion fields shown");

  const caseId = await registerSimpleCase(page, `Tillgänglighetsgranskning ${Date.now()}`);
  await checkPage(page, `/arenden/${caseId}/tjansteutlatande`);
  await createStatement(page, caseId);
  await expectAccessible(page, "editor");
  await checkPage(page, `/arenden/${caseId}/tjansteutlatande/forhandsgranska`);
  await checkPage(page, `/arenden/${caseId}/attestering`);
  await checkPage(page, `/arenden/${REFERENCE_CASE_ID}/tjansteutlatande/historik`);
});

test("attestant: the attestation inbox and a statement waiting for attestation", async ({ page }) => {
  await login(page, "linda.palo");
  await checkPage(page, "/");
  await checkPage(page, "/attestera");
  await checkPage(page, `/arenden/${SCHOOL_ROADS_CASE_ID}/attestering`);
});

test("registrator: start page and registration", async ({ page }) => {
  await login(page, "registrator");
  await checkPage(page, "/");
  await checkPage(page, "/arenden/nytt");
});

test("sekreterare: meetings plan (with errors), meeting detail, minutes and extract", async ({ page }) => {
  await login(page, "sekreterare");
  await checkPage(page, "/");
  await checkPage(page, "/sammantraden");
  await page.getByTestId("new-meeting-form").getByRole("button", { name: "Planera sammanträde" }).click();
  await expect(shownError(page.getByTestId("new-meeting-form"))).toBeVisible();
  await expectAccessible(page, "validation errors");
  for (const path of DEMO_MEETING_PAGES) await checkPage(page, path);

  // An irreversible action asks first: the page with its confirmation dialog open.
  await page.goto(`/sammantraden/${DEMO_PLANNED_MEETING_ID}`);
  await page.getByRole("button", { name: "Publicera föredragningslistan och skicka kallelse" }).click();
  const dialog = page.getByRole("dialog", { name: "Publicera föredragningslistan och skicka kallelsen?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "confirmation dialog open");
  await dialog.getByRole("button", { name: "Avbryt" }).click();
  await expect(dialog).toBeHidden();
});

test("ordförande: start page, justering inbox and the justered minutes", async ({ page }) => {
  await login(page, "ordforande");
  await checkPage(page, "/");
  await checkPage(page, "/justering");
  await checkPage(page, `/sammantraden/${DEMO_MEETING_2024_ID}/protokoll`);
});

test("admin: users (with errors), user detail, organisation, series, classification, templates, outbox", async ({ page }) => {
  await login(page, "admin");
  for (const path of ["/admin", `/admin/anvandare/${CLAS_USER_ID}`, "/admin/organisation", "/admin/diarieserier", "/admin/klassning", "/admin/utkorg"]) {
    await checkPage(page, path);
  }
  await checkPage(page, "/admin/anvandare");
  const newUser = page.getByRole("region", { name: "Ny användare" });
  await newUser.getByRole("button", { name: "Skapa användare" }).click();
  await expect(shownError(newUser)).toBeVisible();
  await expectAccessible(page, "validation errors");

  await checkPage(page, "/admin/mallar");
  await page.getByRole("link", { name: TEMPLATE_NAME }).first().click();
  await expect(page.getByTestId("template-version")).toBeVisible();
  await expectAccessible(page, "template editor");
  await page.getByRole("button", { name: "Lägg till avsnitt" }).click();
  await page.getByRole("button", { name: "Spara som ny version" }).click();
  await expect(shownError(page.getByRole("main"))).toBeVisible();
  await expectAccessible(page, "template editor, validation errors");
});
