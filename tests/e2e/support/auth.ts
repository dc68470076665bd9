import { expect, type Page } from "@playwright/test";

/**
 * Signs in through the Swedish login form and waits until the start page has rendered.
 * Demo users (see the seed) all have the password "demo".
 */
export async function login(page: Page, username: string, password = "demo"): Promise<void> {
  await submitLogin(page, username, password);
  await expect(page.getByRole("heading", { name: "Mina ärenden" })).toBeVisible();
}

async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/logga-in");
  await page.getByLabel("Användarnamn", { exact: true }).fill(username);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
}

/**
 * The first login of a user whose password an administrator gave (`given`): Yttra asks for
 * their own (`own`) before anything else, ends the session, and the user signs in with it.
 */
export async function firstLogin(page: Page, username: string, given: string, own: string): Promise<void> {
  await submitLogin(page, username, given);
  await expect(page.getByRole("heading", { name: "Välj ett eget lösenord" })).toBeVisible();
  await expect(page).toHaveURL(/\/byt-losenord$/);
  await page.getByLabel(/^Nuvarande lösenord/).fill(given);
  await page.getByLabel(/^Nytt lösenord \(/).fill(own);
  await page.getByLabel(/^Nytt lösenord igen/).fill(own);
  await page.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lösenordet är bytt. Logga in med ditt nya lösenord." })).toBeVisible();
  await login(page, username, own);
}
