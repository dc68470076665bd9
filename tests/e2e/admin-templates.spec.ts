// The admin edits the tjänsteutlåtande template: a section added without a heading is
// refused with a Swedish message and nothing typed is lost; with a heading it is saved as
// the next version. The spec then removes its section again (one more version), so that
// statements other specs create meanwhile or later are not affected by it for long, and
// a reused database does not collect sections.
import { expect, test, type Page } from "@playwright/test";
import { login } from "./support/auth";

const TEMPLATE_NAME = "Tjänsteutlåtande – yttrande över remiss";

const currentVersion = async (page: Page): Promise<number> => {
  const text = await page.getByTestId("template-version").innerText();
  return Number(/Version (\d+)/.exec(text)?.[1]);
};

const save = async (page: Page, version: number) => {
  await page.getByRole("button", { name: "Spara som ny version" }).click();
  await expect(page.getByTestId("template-save-status")).toHaveText(`Sparat. Mallen är nu version ${version}.`, { timeout: 30_000 });
  await expect(page.getByTestId("template-version")).toContainText(`Version ${version},`, { timeout: 30_000 });
};

test("an admin adds a section to the statement template and saves it as a new version", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "admin");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Administration" }).click();
  await expect(page.getByRole("heading", { name: "Administration", level: 1 })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Mallar", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Mallar", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: TEMPLATE_NAME }).click();
  await expect(page.getByRole("heading", { name: TEMPLATE_NAME, level: 1 })).toBeVisible();
  // A fresh installation starts at version 1; a reused database may be further on.
  const before = await currentVersion(page);
  expect(before).toBeGreaterThanOrEqual(1);

  const sections = page.getByRole("group", { name: /^Avsnitt \d+/ });
  const count = await sections.count();
  await page.getByRole("button", { name: "Lägg till avsnitt" }).click();
  await expect(sections).toHaveCount(count + 1);
  const added = sections.nth(count);
  await expect(added.getByLabel(/^Rubrik/)).toBeFocused();

  // Without a heading: refused, with the message at the field and a link to it in the summary.
  await added.getByLabel("Typ", { exact: true }).selectOption({ label: "Text" });
  await added.getByLabel("Obligatoriskt", { exact: true }).check();
  await page.getByRole("button", { name: "Spara som ny version" }).click();
  await expect(page.getByText("Ange en rubrik.")).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByRole("alert").getByRole("link", { name: /Rubrik$/ })).toBeVisible();
  await expect(added.getByLabel(/^Rubrik/)).toHaveAttribute("aria-invalid", "true");
  await expect(sections).toHaveCount(count + 1);
  await expect(added.getByLabel("Obligatoriskt", { exact: true })).toBeChecked();

  // A link inside the app asks before leaving unsaved changes; staying keeps everything.
  // The confirm dialog blocks the click until answered, so it is answered by a handler.
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Administration" }).click();
  expect(asked).toContain("inte är sparade");
  await expect(page).toHaveURL(/\/admin\/mallar\//);
  await expect(sections).toHaveCount(count + 1);

  await added.getByLabel(/^Rubrik/).fill("Ekonomiska konsekvenser");
  await added.getByLabel("Obligatoriskt", { exact: true }).uncheck();
  await save(page, before + 1);
  await expect(page.getByRole("group", { name: `Avsnitt ${count + 1}: Ekonomiska konsekvenser` })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`^${before + 1}\\s*\\(gäller nya\\)`) })).toBeVisible();

  // After a reload the section is part of the stored template.
  await page.reload();
  await expect(page.getByTestId("template-version")).toContainText(`Version ${before + 1},`);
  const stored = page.getByRole("group", { name: `Avsnitt ${count + 1}: Ekonomiska konsekvenser` });
  await expect(stored.getByLabel(/^Rubrik/)).toHaveValue("Ekonomiska konsekvenser");

  // Clean up: remove the section again.
  await stored.getByRole("button", { name: "Ta bort avsnittet Ekonomiska konsekvenser" }).click();
  await expect(sections).toHaveCount(count);
  await save(page, before + 2);
});
