import { expect, type Page } from "@playwright/test";

/**
 * After following an unprefixed public link (/offentligt, /offentligt-diarium …): the page of
 * the installation's only municipality, or — when it has several — the choice, where the
 * visitor picks Stockholms stad. Ends on the page whose level-1 heading is `heading`.
 */
export const throughMunicipalityChoice = async (page: Page, heading: string): Promise<void> => {
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toHaveText(new RegExp(`^(Välj kommun|${heading})$`));
  if ((await title.textContent()) === "Välj kommun") await page.getByRole("main").getByRole("link", { name: "Stockholms stad", exact: true }).click();
  await expect(title).toHaveText(heading);
};
