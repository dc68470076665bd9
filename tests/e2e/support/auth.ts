import { expect, type Page } from "@playwright/test";

/**
 * Signs in through the Swedish login form and waits until the start page has rendered.
 * Demo users (see the seed) all have the password "demo".
 */
export async function login(page: Page, username: string, password = "demo"): Promise<void> {
  await page.goto("/logga-in");
  await page.getByLabel("Användarnamn", { exact: true }).fill(username);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Mina ärenden" })).toBeVisible();
}
