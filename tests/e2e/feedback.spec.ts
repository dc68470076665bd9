// Feedback and safety in the browser (issue 15): dates typed as ÅÅÅÅ-MM-DD whatever the
// browser's locale, a confirmation before irreversible actions, a status message that takes
// focus after an action (also when the form goes away, as after "Attestera"), a wrong
// password said once and emptied, attendance that starts empty and no more voting than seats.
import { expect, test, type Page } from "@playwright/test";
import { login } from "./support/auth";
import { attestOnPage, createStatement, field, registerSimpleCase, writeSections } from "./support/cases";
import { confirmInDialog, planMeetingStartingSoon } from "./support/meetings";

test.describe("dates in an en-US browser", () => {
  test.use({ locale: "en-US" });

  test("a date field takes ÅÅÅÅ-MM-DD as typed and the server checks it", async ({ page }) => {
    // Sign-in, the form and a server round trip: more than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    await login(page, "registrator");
    await page.goto("/arenden/nytt");
    const received = field(page, "Inkom");
    await expect(received).toHaveAttribute("placeholder", "ÅÅÅÅ-MM-DD");
    await expect(received).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await received.fill("");
    // Typed key by key, as a person does: a native date input in en-US would read it as mm/dd/yyyy.
    await received.pressSequentially("2024-04-25");
    await expect(received).toHaveValue("2024-04-25");

    await received.fill("2024-02-30");
    await field(page, "Rubrik").fill("E2E datumfält");
    await page.getByRole("button", { name: "Registrera ärendet" }).click();
    await expect(received).toHaveAttribute("aria-invalid", "true", { timeout: 30_000 });
    await expect(received).toHaveAccessibleDescription(/Ange ett giltigt datum \(ÅÅÅÅ-MM-DD\)\./);
  });
});

test("a wrong password at login is said once and the field is emptied", async ({ page }) => {
  await page.goto("/logga-in");
  await page.getByLabel("Användarnamn", { exact: true }).fill("registrator");
  const password = page.getByLabel("Lösenord", { exact: true });
  await password.fill("fel-lösenord");
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.getByText("Fel användarnamn eller lösenord.")).toHaveCount(1, { timeout: 30_000 });
  await expect(password).toHaveValue("");
});

test("misregistering a case asks first: Escape cancels and returns focus, confirming marks it and announces it", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "registrator");
  const caseId = await registerSimpleCase(page, `E2E felregistrering ${Date.now()}`);
  await page.goto(`/arenden/${caseId}`);
  const section = page.getByRole("region", { name: "Markera som felregistrerat" });
  await section.getByLabel(/Skäl för felregistrering/).fill("Registrerat två gånger.");
  const trigger = section.getByRole("button", { name: "Markera som felregistrerat" });
  await trigger.click();

  const dialog = page.getByRole("dialog", { name: "Markera ärendet som felregistrerat?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Avbryt" })).toBeFocused();
  // Focus stays in the modal dialog.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(dialog.locator(":focus")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  await page.reload();
  await expect(page.getByText(/^Felregistrerat /)).toHaveCount(0);

  await section.getByLabel(/Skäl för felregistrering/).fill("Registrerat två gånger.");
  await trigger.click();
  await confirmInDialog(page, "Markera som felregistrerat");
  const status = page.getByRole("status").filter({ hasText: "Ärendet är markerat som felregistrerat." });
  await expect(status).toBeVisible({ timeout: 30_000 });
  await expect(status).toBeFocused();
});

const sendForAttestation = async (page: Page, title: string): Promise<string> => {
  const caseId = await registerSimpleCase(page, title);
  await createStatement(page, caseId);
  await writeSections(page, ["sammanfattning", "arendet", "synpunkter"], "Förvaltningen har inget att invända.");
  await page.reload();
  await expect(page.getByTestId("missing-required")).toHaveCount(0, { timeout: 30_000 });
  await page.goto(`/arenden/${caseId}/attestering`);
  await page.getByRole("button", { name: "Skicka på attestering" }).click();
  await expect(page.getByTestId("attestation-status")).toHaveText("På attestering", { timeout: 30_000 });
  return caseId;
};

const REAUTH_SECONDS = Number(process.env.YTTRA_REAUTH_MAX_AGE_SECONDS ?? "20");

test("after Attestera the success message is announced and focused; a wrong password is said once and emptied", async ({ browser }) => {
  test.setTimeout(240_000);
  // Lee signs in first, so that his login has aged past the re-authentication window when he attests.
  const lee = await browser.newPage();
  await login(lee, "lee.orberson");
  const signedInAt = Date.now();

  const clas = await browser.newPage();
  await login(clas, "clas.cederlid");
  const caseId = await sendForAttestation(clas, `E2E återkoppling ${Date.now()}`);

  const linda = await browser.newPage();
  await login(linda, "linda.palo");
  await linda.goto(`/arenden/${caseId}/attestering`);
  await attestOnPage(linda);
  const done = linda.getByRole("status").filter({ hasText: "Du har attesterat tjänsteutlåtandet." });
  await expect(done).toBeVisible({ timeout: 30_000 });
  await expect(linda.getByRole("heading", { name: "Din attestering" })).toBeHidden();
  await expect(done).toBeFocused();

  await lee.waitForTimeout(Math.max(0, signedInAt + (REAUTH_SECONDS + 1) * 1000 - Date.now()));
  await lee.goto(`/arenden/${caseId}/attestering`);
  await lee.getByRole("button", { name: "Attestera" }).click();
  const password = lee.getByLabel("Bekräfta med ditt lösenord");
  // The answer to this first, password-less submit asks for the password (and empties the
  // field): wait for it, or it may arrive after the fill below and empty what was typed.
  await expect(lee.getByRole("alert").getByRole("link", { name: "Bekräfta med ditt lösenord" })).toBeVisible({ timeout: 30_000 });
  await expect(password).toBeVisible();
  await password.fill("fel-lösenord");
  await lee.getByRole("button", { name: "Attestera" }).click();
  await expect(lee.getByText("Lösenordet stämmer inte.")).toHaveCount(1, { timeout: 30_000 });
  await expect(lee.getByRole("alert").getByRole("link", { name: "Bekräfta med ditt lösenord" })).toBeVisible();
  await expect(password).toHaveValue("");
});

test("attendance starts empty, and more voting members than seats are refused with a Swedish message", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "sekreterare");
  await planMeetingStartingSoon(page, `E2E närvaro ${Date.now()}`);
  await page.getByLabel("Typ").selectOption("INFORMATION");
  await page.getByLabel("Rubrik (obligatoriskt)").fill("Information");
  await page.getByRole("button", { name: "Lägg till punkten" }).click();
  // After HÄS's three standard opening items.
  await expect(page.getByTestId("agenda-item-4")).toContainText("Information");
  await page.getByRole("button", { name: "Publicera föredragningslistan och skicka kallelse" }).click();
  await confirmInDialog(page, "Publicera och skicka");
  await expect(page.getByTestId("meeting-status")).toHaveText("Kallat", { timeout: 30_000 });

  const form = page.getByTestId("attendance-form");
  const present = form.getByRole("checkbox", { name: / närvarande$/ });
  const count = await present.count();
  expect(count).toBeGreaterThan(1);
  for (const box of await present.all()) await expect(box).not.toBeChecked();

  // Every ledamot and ersättare present, every ersättare serving: more voting than seats.
  for (const box of await present.all()) await box.check();
  for (const box of await form.getByRole("checkbox", { name: / tjänstgör$/ }).all()) await box.check();
  await form.getByRole("button", { name: "Spara närvaro" }).click();
  await expect(form.getByRole("alert")).toContainText(/För många tjänstgörande: \d+ ledamöter och ersättare är markerade, men nämnden har \d+ platser\./, { timeout: 30_000 });
});
