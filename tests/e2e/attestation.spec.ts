// Server actions answer slowly on a loaded 2-core machine: waits after an action allow 30 s.
// Attestation as people do it: clas.cederlid sends his statement, linda.palo attests,
// lee.orberson attests after confirming his identity again, the case shows "Attesterad"
// with both names and dates, and the public verification page confirms it.
import { expect, test } from "@playwright/test";
import { login } from "./support/auth";
import { attestOnPage, createCaseWithStatement } from "./support/cases";

/**
 * The server asks for the password again when the login is older than
 * YTTRA_REAUTH_MAX_AGE_SECONDS (300 in production; the e2e server runs with 20).
 */
const REAUTH_SECONDS = Number(process.env.YTTRA_REAUTH_MAX_AGE_SECONDS ?? "20");

test("a statement is sent, attested by two attesters with re-authentication, and verified publicly", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `E2E attestering ${Date.now()}`;

  const clas = await browser.newPage();
  await login(clas, "clas.cederlid");
  const caseId = await createCaseWithStatement(clas, title);
  await clas.goto(`/arenden/${caseId}/attestering`);
  await expect(clas.getByLabel("Attestant 1")).toHaveValue(/.+/);
  await expect(clas.getByLabel("Attestant 1").locator("option:checked")).toHaveText(/Linda Palo/);
  await expect(clas.getByLabel("Attestant 2").locator("option:checked")).toHaveText(/Lee Orberson/);
  await clas.getByRole("button", { name: "Skicka på attestering" }).click();
  await expect(clas.getByTestId("attestation-status")).toHaveText("På attestering", { timeout: 30_000 });

  const linda = await browser.newPage();
  await login(linda, "linda.palo");
  await linda.goto("/attestera");
  await linda.getByRole("main").locator(`a[href="/arenden/${caseId}/attestering"]`).click();
  await expect(linda.getByRole("heading", { name: "Din attestering" })).toBeVisible();
  // The attester reads the document as it is exported: the template's headings, not its keys.
  await expect(linda.getByTestId("document-view").getByRole("heading", { name: "Ärendets beredning" })).toBeVisible();
  await attestOnPage(linda);
  await expect(linda.getByRole("heading", { name: "Din attestering" })).toBeHidden({ timeout: 30_000 });

  const lee = await browser.newPage();
  await login(lee, "lee.orberson");
  // Let Lee's login grow older than the re-authentication window.
  await lee.waitForTimeout((REAUTH_SECONDS + 1) * 1000);
  await lee.goto(`/arenden/${caseId}/attestering`);
  await lee.getByRole("button", { name: "Attestera" }).click();
  await expect(lee.getByText("Ange ditt lösenord.")).toBeVisible({ timeout: 30_000 });
  await lee.getByLabel("Bekräfta med ditt lösenord").fill("demo");
  await lee.getByRole("button", { name: "Attestera" }).click();
  await expect(lee.getByTestId("attestation-status")).toHaveText("Attesterad", { timeout: 30_000 });

  await clas.reload();
  await expect(clas.getByTestId("attestation-status")).toHaveText("Attesterad");
  const attestedBy = clas.getByTestId("attested-by");
  await expect(attestedBy).toContainText(/Linda Palo, avdelningschef – \d{4}-\d{2}-\d{2}/);
  await expect(attestedBy).toContainText(/Lee Orberson, stadsdelsdirektör – \d{4}-\d{2}-\d{2}/);
  const code = (await clas.getByTestId("verification-code").textContent())!.trim();

  const anonymous = await browser.newPage();
  await anonymous.goto("/verifiera");
  await anonymous.getByLabel("Verifieringskod").fill(code.toLowerCase().replaceAll("-", ""));
  await anonymous.getByRole("button", { name: "Verifiera" }).click();
  await expect(anonymous).toHaveURL(new RegExp(`/verifiera/${code}$`));
  await expect(anonymous.getByTestId("verification-verdict")).toHaveText(/Giltig/);
  await expect(anonymous.getByTestId("verification-attester")).toHaveCount(2);

  await clas.goto(`/arenden/${caseId}/handelser`);
  await expect(clas.getByTestId("case-event").filter({ hasText: /attesterade tjänsteutlåtandet \(/ })).toHaveCount(2);
  // The worker keeps the attested PDF/A as the file of its handling, its hash in the history.
  await expect(async () => {
    await clas.reload();
    await expect(clas.getByTestId("case-event").filter({ hasText: /Det attesterade tjänsteutlåtandet sparades som PDF\/A-fil i handling .+ \(SHA-256 [0-9a-f]{64}\)/ })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});
