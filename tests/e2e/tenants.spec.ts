// Municipalities as tenants, in the browser: the installation administrator creates a
// municipality with a logo and its first administrator; that administrator signs in with the
// one-time password and sees only their own municipality; its public pages carry its name.
import { expect, test } from "@playwright/test";
import { firstLogin, login } from "./support/auth";

// Each run creates its own municipality, so the spec can run against a reused database.
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const slug = `e2eby-${suffix}`;
const name = `E2eby kommun ${suffix}`;
const adminUsername = `e2eby.admin.${suffix}`;

// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test("the installation administrator creates a municipality, whose new administrator sees only that municipality", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "installation");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Administration" }).click();
  await page.getByRole("link", { name: "Kommuner" }).click();
  await expect(page.getByRole("heading", { name: "Kommuner", level: 1 })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Stockholms stad" })).toBeVisible();

  const form = page.getByRole("region", { name: "Ny kommun" });
  await form.getByLabel(/^Kommunens namn/).fill(name);
  // Bad input first: a Swedish message at the field, nothing created, the typed name kept.
  await form.getByLabel(/^Kortnamn i webbadresser/).fill("E2E by");
  await form.getByLabel(/^Användarnamn/).fill(adminUsername);
  await form.getByLabel(/^Namn/).fill("Erika Exempel");
  await form.getByLabel(/^E-post/).fill("erika@e2eby.example");
  await form.getByRole("button", { name: "Skapa kommun" }).click();
  await expect(form.getByText("Små bokstäver a–z, siffror och bindestreck", { exact: false }).first()).toBeVisible();
  await expect(form.getByLabel(/^Kommunens namn/)).toHaveValue(name);

  await form.getByLabel(/^Kortnamn i webbadresser/).fill(slug);
  await form.getByLabel(/^Kommunens webbplats/).fill("https://www.e2eby.example");
  await form.getByLabel(/^Logotyp/).setInputFiles({ name: "logga.png", mimeType: "image/png", buffer: PNG });
  await form.getByRole("button", { name: "Skapa kommun" }).click();
  await expect(form.getByRole("status")).toContainText(`${name} är skapad`);
  const password = (await form.getByTestId("one-time-password").textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(adminUsername);

  // The municipality's public pages carry its name and logo.
  await page.goto(`/${slug}/offentligt`);
  await expect(page.getByRole("banner").getByRole("link", { name })).toBeVisible();
  const logo = page.getByRole("banner").locator("img");
  await expect(logo).toHaveAttribute("src", `/api/offentligt/logotyp/${slug}`);
  expect((await page.request.get(`/api/offentligt/logotyp/${slug}`)).headers()["content-type"]).toBe("image/png");
  await page.goto(`/${slug}/offentligt-diarium`);
  await expect(page.getByText("Inga handlingar matchar sökningen.")).toBeVisible();
  // With several municipalities, the old address lets the visitor choose.
  await page.goto("/offentligt-diarium");
  await expect(page.getByRole("heading", { name: "Välj kommun", level: 1 })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name }).click();
  await expect(page).toHaveURL(`/${slug}/offentligt-diarium`);

  // The new administrator signs in with the one-time password and must choose their own first.
  await page.context().clearCookies();
  const own = "erikas-eget-långa-lösenord";
  await firstLogin(page, adminUsername, password, own);
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Administration" }).click();
  await expect(page.getByRole("main")).toContainText(name);
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Användare" }).click();
  const main = page.getByRole("main");
  await expect(main.getByRole("row", { name: /Erika Exempel/ })).toBeVisible();
  await expect(main).not.toContainText("Clas Cederlid");
  await expect(main).not.toContainText("Stockholms stad");
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Organisation" }).click();
  await expect(page.getByRole("main")).not.toContainText("Hägersten");
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Kommunens inställningar" }).click();
  await expect(page.getByRole("main").getByLabel(/^Kommunens namn/)).toHaveValue(name);
  // Nor can they reach the installation's list of municipalities or Stockholm's settings.
  expect((await page.goto("/admin/kommuner"))?.status()).toBe(404);
  expect((await page.goto("/admin/kommuner/stockholm"))?.status()).toBe(404);

  // The one-time password was used once: it signs no one in again.
  await page.context().clearCookies();
  await page.goto("/logga-in");
  await page.getByLabel("Användarnamn", { exact: true }).fill(adminUsername);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.getByText("Fel användarnamn eller lösenord.")).toBeVisible();
  await login(page, adminUsername, own);
});
