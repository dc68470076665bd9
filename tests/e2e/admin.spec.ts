import { expect, test } from "@playwright/test";
import { firstLogin, login } from "./support/auth";

// Each run creates its own class and user, so the spec can run against a reused database.
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

test("an admin creates a KLASSA class and a handläggare who can then sign in", async ({ page }) => {
  // Two logins and five form posts: more than the default 30 s against a dev server.
  test.setTimeout(120_000);
  await login(page, "admin");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Administration" }).click();
  await expect(page.getByRole("heading", { name: "Administration", level: 1 })).toBeVisible();

  // A class with a code no one else uses.
  const code = `9.${Number.parseInt(suffix.slice(-4), 36) % 1000}.${Math.floor(Math.random() * 100)}`;
  await page.getByRole("link", { name: "Klassning (KLASSA)" }).first().click();
  const newClass = page.getByRole("region", { name: "Ny klass" });
  await newClass.getByLabel(/^Kod/).fill("1.a");
  await newClass.getByLabel(/^Rubrik/).fill("Provklass");
  await newClass.getByRole("button", { name: "Lägg till klass" }).click();
  // Bad input: a Swedish field message and the typed values are kept.
  await expect(newClass.getByText("Koden ska vara siffror med punkter", { exact: false }).first()).toBeVisible();
  await expect(newClass.getByLabel(/^Rubrik/)).toHaveValue("Provklass");
  await newClass.getByLabel(/^Kod/).fill(code);
  await newClass.getByRole("button", { name: "Lägg till klass" }).click();
  await expect(newClass.getByRole("status")).toHaveText("Klassen är tillagd.");
  await expect(page.getByRole("rowheader", { name: code, exact: true })).toBeVisible();

  // A user with a CASE_OFFICER role in a department.
  const username = `e2e.${suffix}`;
  const fullName = `Eva Testsson ${suffix}`;
  const password = "ett-långt-e2e-lösenord";
  await page.getByRole("link", { name: "Användare" }).first().click();
  const newUser = page.getByRole("region", { name: "Ny användare" });
  await newUser.getByLabel(/^Användarnamn/).fill(username);
  await newUser.getByLabel(/^Namn/).fill(fullName);
  await newUser.getByLabel(/^Titel/).fill("Utredare");
  await newUser.getByLabel(/^Lösenord/).fill(password);
  await newUser.getByLabel(/^Roll/).selectOption({ label: "Handläggare" });
  await newUser.getByLabel(/^Enhet/).selectOption({ label: "Avdelning: Avdelningen för samhälle och service (Hägersten-Älvsjö stadsdelsförvaltning)" });
  await newUser.getByRole("button", { name: "Skapa användare" }).click();
  await expect(newUser.getByRole("status")).toContainText(`Användaren ${username} är skapad.`);
  await expect(page.getByRole("row", { name: new RegExp(fullName) })).toContainText("Handläggare");

  // A new browser session rather than "Logga ut": logging out voids every session of the
  // demo admin, also those of specs running beside this one (auth.spec.ts tests logout).
  await page.context().clearCookies();
  await firstLogin(page, username, password, "mitt-eget-e2e-lösenord");
  await expect(page.getByTestId("current-user")).toHaveText(fullName);
  await expect(page.getByRole("heading", { name: "Mina ärenden" })).toBeVisible();

  // Later she changes it herself, from the header; the change signs her out everywhere.
  await page.getByRole("link", { name: "Byt lösenord" }).click();
  await expect(page.getByRole("heading", { name: "Byt lösenord" })).toBeVisible();
  await page.getByLabel(/^Nuvarande lösenord/).fill("fel-lösenord-igen");
  await page.getByLabel(/^Nytt lösenord \(/).fill("ett-annat-eget-lösenord");
  await page.getByLabel(/^Nytt lösenord igen/).fill("ett-annat-eget-lösenord");
  await page.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(page.getByText("Lösenordet stämmer inte.")).toBeVisible();
  await page.getByLabel(/^Nuvarande lösenord/).fill("mitt-eget-e2e-lösenord");
  await page.getByLabel(/^Nytt lösenord \(/).fill("ett-annat-eget-lösenord");
  await page.getByLabel(/^Nytt lösenord igen/).fill("ett-annat-eget-lösenord");
  await page.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lösenordet är bytt. Logga in med ditt nya lösenord." })).toBeVisible();
  expect((await page.goto("/"))?.url()).toMatch(/\/logga-in/);
  await login(page, username, "ett-annat-eget-lösenord");
});

test("a handläggare gets 404 for /admin and has no Administration in the menu", async ({ page }) => {
  await login(page, "clas.cederlid");
  await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Administration" })).toHaveCount(0);
  const response = await page.goto("/admin/diarieserier");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
  expect((await page.goto("/admin"))?.status()).toBe(404);
});
