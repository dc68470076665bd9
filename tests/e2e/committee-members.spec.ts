import { expect, test } from "@playwright/test";
import { login } from "./support/auth";

// Each run creates its own committee, so the spec can run against a reused database.
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

test("an admin creates a kommunstyrelse with its own kansli and imports its members from a CSV file", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "admin");
  await page.goto("/admin/organisation");
  await expect(page.getByRole("heading", { name: "Organisation", level: 1 })).toBeVisible();

  const name = `Provstyrelsen ${suffix}`;
  const newCommittee = page.getByRole("region", { name: "Ny nämnd" });
  await newCommittee.getByLabel(/^Namn/).fill(name);
  await newCommittee.getByLabel(/^Förkortning/).fill(`P${suffix}`.slice(0, 20));
  await newCommittee.getByLabel(/^Typ/).selectOption({ label: "Kommunstyrelse" });
  await newCommittee.getByLabel(/^Bereds av/).selectOption({ value: "OWN_KANSLI" });
  await newCommittee.getByRole("button", { name: "Lägg till nämnd" }).click();
  await expect(newCommittee.getByRole("status")).toHaveText("Nämnden är tillagd.");

  // The committee is listed with its kind, and its kansli serves it.
  const committees = page.getByRole("table", { name: "Nämnder med typ, förkortning och ledamöter" });
  const row = committees.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
  await expect(row).toContainText("Kommunstyrelse");
  await expect(page.getByRole("row", { name: new RegExp(`${name}s kansli ${name}`) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`Kansliet ${name}s kansli`) })).toBeVisible();

  await row.getByRole("link", { name: `Ledamöter i ${name}` }).click();
  await expect(page.getByRole("heading", { name: `Ledamöter – ${name}`, level: 1 })).toBeVisible();
  await expect(page.getByText("Nämnden har inga ledamöter i dag.")).toBeVisible();

  const importRegion = page.getByRole("region", { name: "Importera en ny mandatperiod (CSV)" });
  const header = "namn;parti;roll;från;till;e-post;telefon;användarnamn";
  // A file with a bad row: the preview names the row and the reason, and offers no import.
  await importRegion.getByLabel("CSV-fil").setInputFiles({
    name: "ledamoter.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${header}\nAnna Ordförande;S;ordförande;2023-01-01;2099-12-31;anna@example.org;070-111 11 11;ordforande\nBo Fel;M;talman;2023-01-01;;;;\n`, "utf8"),
  });
  await expect(importRegion.getByLabel(/^Innehåll/)).toHaveValue(/Bo Fel;M;talman/);
  await importRegion.getByRole("button", { name: "Förhandsgranska" }).click();
  const preview = importRegion.getByTestId("member-import-preview");
  await expect(preview.getByRole("row", { name: /Bo Fel/ })).toContainText('Okänd roll "talman"');
  await expect(importRegion.getByRole("button", { name: /^Importera/ })).toHaveCount(0);

  // The corrected file: previewed, then imported in one go.
  await importRegion.getByLabel("CSV-fil").setInputFiles({
    name: "ledamoter.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${header}\nAnna Ordförande;S;ordförande;2023-01-01;2099-12-31;anna@example.org;070-111 11 11;ordforande\nBo Ledamot;M;ledamot;2023-01-01;;;;\nCia Ersättare;V;ersättare;2023-01-01;;;;\n`, "utf8"),
  });
  await importRegion.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(importRegion.getByText("3 rader kan importeras.")).toBeVisible();
  await importRegion.getByRole("button", { name: "Importera 3 ledamöter och ersättare" }).click();
  // The import form goes away with its answer: the page's status region tells.
  await expect(page.getByRole("status").filter({ hasText: "3 ledamöter och ersättare är importerade." })).toBeVisible();

  const current = page.getByRole("region", { name: /^Nuvarande ledamöter och ersättare \(3\)/ });
  await expect(current.getByRole("row", { name: /Anna Ordförande/ })).toContainText("Ordförande");
  await expect(current.getByRole("row", { name: /Anna Ordförande/ })).toContainText("Maria Lindqvist (ordforande)");
  await expect(current.getByRole("row", { name: /Bo Ledamot/ })).toContainText("Ledamot");
  await expect(current.getByRole("row", { name: /Cia Ersättare/ })).toContainText("från 2023-01-01");

  // A member's login is named by its username, as in the file: an unknown one is refused at the field.
  const bo = current.getByRole("row", { name: /Bo Ledamot/ });
  await bo.getByText("Ändra").click();
  const edit = bo.getByRole("form", { name: "Ändra Bo Ledamot" });
  await edit.getByLabel(/^Användarnamn för inloggning/).fill("finns.inte");
  await edit.getByRole("button", { name: "Spara" }).click();
  await expect(edit.getByText('Användarnamnet "finns.inte" finns inte i kommunen.').first()).toBeVisible();
  await edit.getByLabel(/^Användarnamn för inloggning/).fill("justerare");
  await edit.getByRole("button", { name: "Spara" }).click();
  await expect(bo).toContainText("(justerare)");
});
