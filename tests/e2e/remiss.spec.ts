// The remiss round trip in the browser (#17): kommunstyrelsen's registrator sends a motion to
// three stadsdelsnämnder and one external body → each nämnd's registrator accepts it from
// "Inkomna remisser" into a case of its own → Hägersten-Älvsjö answers through the whole
// lifecycle (tjänsteutlåtande, attestation, meeting, justering, expediering with its position)
// → kommunstyrelsen's case shows the answer with its position, registered by itself.
// Written without a run against the built app: the steps follow the pages' labels as written
// (src/features/referrals/components, the lifecycle spec for the receiving side).
import { expect, test } from "@playwright/test";
import { login } from "./support/auth";
import { createStatement, field, writeSections } from "./support/cases";
import { attestByDemoAttesters, decideAndJustera, signOut } from "./support/lifecycle";
import { todayInStockholm } from "./support/meetings";
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

const INTERNAL = [
  { committee: "Hägersten-Älvsjö stadsdelsnämnd", registrar: "registrator", officer: "Clas Cederlid", due: daysAhead(30) },
  { committee: "Södermalms stadsdelsnämnd", registrar: "sofia.berg", officer: "Samir Haddad", due: daysAhead(35) },
  { committee: "Farsta stadsdelsnämnd", registrar: "frida.alm", officer: "Farid Nour", due: daysAhead(40) },
] as const;

test("a motion sent on remiss to three nämnder and one external body comes home answered with its position", async ({ page }) => {
  test.setTimeout(900_000);
  const title = `Remissrunda ${Date.now()} om fler parkbänkar`;

  // 1. Kommunstyrelsen's registrator registers the motion …
  await login(page, "eva.stromberg");
  await page.goto("/arenden/nytt");
  await field(page, "Rubrik").fill(title);
  await field(page, "Typ av ärende").selectOption("MOTION");
  await field(page, "Inkom").fill(todayInStockholm());
  await field(page, "Avdelning").selectOption({ label: "Kommunledningsavdelningen" });
  await field(page, "Handläggare").selectOption({ label: "Petter Lind" });
  await field(page, "Väckt i kommunfullmäktige").fill(todayInStockholm());
  await field(page, "Motionens rubrik").fill(`Motion om ${title}`);
  await field(page, "Motionär 1, namn").fill("Andréa Hedin");
  await field(page, "Motionär 1, parti").fill("M");
  await field(page, "Att-sats 1").fill("Staden sätter upp fler parkbänkar.");
  await field(page, "Beskrivning").fill("Motionen");
  await field(page, "Handlingens datum").fill(todayInStockholm());
  await page.getByRole("button", { name: "Registrera ärendet" }).click();
  await page.waitForURL(/\/arenden\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const senderUrl = new URL(page.url()).pathname;
  const senderNumber = (await page.getByTestId("case-number").innerText()).trim();
  expect(senderNumber).toMatch(/^KS \d{4}\/\d+$/);

  // … and sends it on remiss: three nämnder with their own remisstid, one external body.
  await page.getByRole("link", { name: "Skicka på remiss" }).click();
  await expect(page.getByRole("heading", { name: "Skicka på remiss" })).toBeVisible();
  const form = page.getByTestId("send-referral-form");
  for (const { committee, due } of INTERNAL) {
    await form.getByLabel(committee, { exact: true }).check();
    await form.getByLabel(`Egen remisstid för ${committee}`).fill(due);
  }
  await field(page, "Externa remissinstanser").fill(`Region Stockholm; registrator@regionstockholm.example; ${daysAhead(45)}`);
  await form.getByLabel(/Motionen$/).check();
  await expect(field(page, "Missivets text")).toHaveValue(/remitterar härmed/);
  await form.getByRole("button", { name: "Skicka remissen" }).click();
  await page.waitForURL(new RegExp(`${senderUrl}(#remisser)?$`), { timeout: 60_000 });
  const table = page.getByTestId("referral-table");
  await expect(table.getByTestId("referral-row")).toHaveCount(4);
  for (const { committee, due } of INTERNAL) await expect(table.getByTestId("referral-row").filter({ hasText: committee })).toContainText(due);
  await expect(table.getByTestId("referral-row").filter({ hasText: "Region Stockholm" })).toContainText("Skickad");

  // 2. Each nämnd's registrator finds it in "Inkomna remisser" and registers it as a case.
  const receivingCases: Record<string, string> = {};
  for (const { committee, registrar, officer } of INTERNAL) {
    await signOut(page);
    await login(page, registrar);
    await page.getByRole("link", { name: "Inkomna remisser" }).click();
    const incoming = page.getByTestId("incoming-referral").filter({ hasText: senderNumber });
    await expect(incoming).toContainText(title);
    await expect(incoming).toContainText(committee);
    const accept = incoming.getByTestId("accept-referral-form");
    await accept.getByLabel(/^Avdelning/).selectOption({ label: "Avdelningen för samhälle och service" });
    await accept.getByLabel(/^Handläggare/).selectOption({ label: officer });
    await accept.getByRole("button", { name: "Registrera som ärende" }).click();
    await page.waitForURL(/\/arenden\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await expect(page.getByText(senderNumber).first()).toBeVisible();
    receivingCases[committee] = new URL(page.url()).pathname;
  }

  // 3. Hägersten-Älvsjö answers through the whole lifecycle.
  const caseUrl = receivingCases["Hägersten-Älvsjö stadsdelsnämnd"]!;
  const caseId = caseUrl.split("/").pop()!;
  await signOut(page);
  await login(page, "clas.cederlid");
  await createStatement(page, caseId);
  await writeSections(page, ["sammanfattning", "arendet", "synpunkter"], "Förvaltningen tillstyrker motionen med krav på belysning.");
  await attestByDemoAttesters(page, caseUrl);
  const meetingUrl = await decideAndJustera(page, title);

  // Expediering with the nämnd's position: the answer goes home by itself.
  await signOut(page);
  await login(page, "sekreterare");
  await page.goto(`${meetingUrl}/protokoll`);
  await page.getByRole("link", { name: new RegExp(`^Protokollsutdrag § \\d+$`) }).last().click();
  await expect(page.getByRole("heading", { name: /Protokollsutdrag §/ })).toBeVisible();
  const dispatch = page.getByTestId("dispatch-form");
  await expect(dispatch).toContainText("svaret registreras automatiskt i avsändarens ärende");
  await dispatch.getByLabel(/Expedieringsdatum/).fill(todayInStockholm());
  await dispatch.getByLabel(/^Nämndens ställningstagande/).selectOption({ label: "Tillstyrker med ändringar" });
  await dispatch.getByLabel(/^Kort sammanfattning av svaret/).fill("Tillstyrker med krav på belysning.");
  await dispatch.getByRole("button", { name: "Expediera" }).click();
  await expect(page.getByRole("table", { name: "Expedieringar" })).toContainText("Kommunstyrelsen");

  // 4. Kommunstyrelsen's case shows the answer with its position — nobody registered it by hand.
  await signOut(page);
  await login(page, "eva.stromberg");
  await page.goto(senderUrl);
  const answered = page.getByTestId("referral-table").getByTestId("referral-row").filter({ hasText: "Hägersten-Älvsjö stadsdelsnämnd" });
  await expect(answered).toContainText("Besvarad");
  await expect(answered).toContainText(todayInStockholm());
  await expect(answered).toContainText("Tillstyrker med ändringar");
  await expect(answered).toContainText("Tillstyrker med krav på belysning.");
  await expect(answered.getByTestId("referral-answer")).toContainText(senderNumber);
  for (const { committee } of INTERNAL.slice(1)) await expect(page.getByTestId("referral-row").filter({ hasText: committee })).toContainText("Mottagen");
  await expect(page.getByTestId("referral-row").filter({ hasText: "Region Stockholm" })).toContainText("Skickad");
});
