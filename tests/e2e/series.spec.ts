import { expect, test, type Page } from "@playwright/test";
import { firstLogin, login } from "./support/auth";

// Each run creates its own committee, units and users, so the spec can run against a reused database.
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const committee = `Provnämnd ${suffix}`;
const administration = `Provförvaltning ${suffix}`;
const department = `Provavdelningen ${suffix}`;
const password = "ett-långt-e2e-lösenord";
const yy = String(new Date().getFullYear() % 100).padStart(2, "0");

/** A form control by its label, with or without the "(obligatoriskt)" marker. */
const field = (scope: Page | ReturnType<Page["locator"]>, label: string) =>
  scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\(obligatoriskt\\))?$`));

/** A form's region on the organisation page, such as "Ny nämnd". */
const box = (page: Page, heading: string) => page.getByRole("region", { name: heading, exact: true });

const createUser = async (page: Page, { username, role, unit }: { username: string; role: string; unit: string }) => {
  await page.goto("/admin/anvandare");
  const newUser = page.getByRole("region", { name: "Ny användare" });
  await newUser.getByLabel(/^Användarnamn/).fill(username);
  await newUser.getByLabel(/^Namn/).fill(`${role} ${suffix}`);
  await newUser.getByLabel(/^Lösenord/).fill(password);
  await newUser.getByLabel(/^Roll/).selectOption({ label: role });
  await newUser.getByLabel(/^Enhet/).selectOption({ label: unit });
  await newUser.getByRole("button", { name: "Skapa användare" }).click();
  await expect(newUser.getByRole("status")).toContainText(`Användaren ${username} är skapad.`);
};

test("an admin sets up a class-first series with a two-digit year, and a registrator registers new and migrated numbers in it", async ({ page }) => {
  // An organisation, two users, a series and two registrations: many form posts.
  test.setTimeout(180_000);
  await login(page, "admin");

  // A committee without a series, with a förvaltning and an avdelning.
  await page.goto("/admin/organisation");
  await field(box(page, "Ny nämnd"), "Namn").fill(committee);
  await field(box(page, "Ny nämnd"), "Förkortning").fill(`P${suffix}`.slice(0, 20));
  await field(box(page, "Ny nämnd"), "Typ").selectOption({ label: "Nämnd" });
  await field(box(page, "Ny nämnd"), "Bereds av").selectOption({ value: "ADMINISTRATION" });
  await box(page, "Ny nämnd").getByRole("button", { name: "Lägg till nämnd" }).click();
  await expect(page.getByRole("rowheader", { name: new RegExp(committee) })).toBeVisible();
  await field(box(page, "Ny förvaltning"), "Namn").fill(administration);
  await field(box(page, "Ny förvaltning"), "Arbetar åt nämnd").selectOption({ label: committee });
  await box(page, "Ny förvaltning").getByRole("button", { name: "Lägg till förvaltning" }).click();
  await expect(page.getByRole("rowheader", { name: administration, exact: true })).toBeVisible();
  await field(box(page, "Ny avdelning"), "Namn").fill(department);
  await field(box(page, "Ny avdelning"), "Förvaltning").selectOption({ label: administration });
  await box(page, "Ny avdelning").getByRole("button", { name: "Lägg till avdelning" }).click();
  await expect(page.getByRole("rowheader", { name: department, exact: true })).toBeVisible();

  await createUser(page, { username: `reg.${suffix}`, role: "Registrator", unit: `Nämnd: ${committee}` });
  await createUser(page, { username: `hl.${suffix}`, role: "Handläggare", unit: `Avdelning: ${department} (${administration})` });

  // The series: class first, two-digit year; the example follows what is typed.
  await page.goto("/admin/diarieserier");
  const newSeries = page.getByRole("region", { name: "Ny diarieserie" });
  await newSeries.getByLabel(/^Nämnd/).selectOption({ label: `${committee} (${`P${suffix}`.slice(0, 20)})` });
  await newSeries.getByLabel(/^Namn/).fill(`Diarium ${committee}`);
  await newSeries.getByLabel(/^Format/).fill("{class}-{yy}/{seq}");
  await newSeries.getByLabel(/^Handlingsnummer/).fill("{number}:{n}");
  await expect(newSeries.getByTestId("series-example")).toHaveText(`Exempel: 1.5.1-${yy}/7, handling 1.5.1-${yy}/7:2`);
  await newSeries.getByRole("button", { name: "Skapa diarieserie" }).click();
  const created = page.getByRole("region", { name: committee });
  await expect(created.getByTestId("series-next")).toContainText(`-${yy}/1`);

  // The registrator registers: the next number of the series, in the class-first format.
  await page.context().clearCookies();
  await firstLogin(page, `reg.${suffix}`, password, "mitt-eget-e2e-lösenord");
  await page.goto("/arenden/nytt");
  await field(page, "Rubrik").fill(`Skrivelse om parkbelysning ${suffix}`);
  await field(page, "Typ av ärende").selectOption({ label: "Skrivelse" });
  // The case's sender (the incoming handling's own "Avsändare" below defaults to it).
  await field(page, "Avsändare").first().fill("Enskild");
  await field(page, "Handläggare").selectOption({ label: `Handläggare ${suffix}` });
  await field(page, "Klassificering (KLASSA)").selectOption({ label: "1.5.1 Yttranden över remisser" });
  await field(page, "Beskrivning").fill("Skrivelse från enskild");
  await page.getByRole("button", { name: "Registrera ärendet" }).click();
  await expect(page).toHaveURL(/\/arenden\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByTestId("case-number")).toHaveText(`1.5.1-${yy}/1`);
  // The handling suffix follows the series' format, so it cannot be read as part of the class.
  await expect(page.getByText(`Handling 1.5.1-${yy}/1:1 registrerades`)).toBeVisible();

  // A migrated record keeps its number: year and serial read from it, a wrong format refused.
  await page.goto("/arenden/nytt");
  await field(page, "Rubrik").fill(`Migrerad skrivelse ${suffix}`);
  await field(page, "Typ av ärende").selectOption({ label: "Skrivelse" });
  // The case's sender (the incoming handling's own "Avsändare" below defaults to it).
  await field(page, "Avsändare").first().fill("Enskild");
  await field(page, "Inkom").fill("2019-05-02");
  await field(page, "Handläggare").selectOption({ label: `Handläggare ${suffix}` });
  await field(page, "Klassificering (KLASSA)").selectOption({ label: "1.5.1 Yttranden över remisser" });
  await field(page, "Befintligt diarienummer").fill("1.5.1-2019-130");
  await field(page, "Skäl för befintligt nummer").fill("Migrerat från tidigare diarium");
  await field(page, "Beskrivning").fill("Skrivelse från enskild");
  await field(page, "Handlingens datum").fill("2019-05-02");
  await page.getByRole("button", { name: "Registrera ärendet" }).click();
  await expect(page.getByText("Numret följer inte diarieseriens format {class}-{yy}/{seq}", { exact: false }).first()).toBeVisible();
  await field(page, "Befintligt diarienummer").fill("1.5.1-19/130");
  await page.getByRole("button", { name: "Registrera ärendet" }).click();
  await expect(page).toHaveURL(/\/arenden\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByTestId("case-number")).toHaveText("1.5.1-19/130");
});
