// The remiss round trip in the browser (#17): kommunstyrelsen's registrator sends a motion to
// three stadsdelsnämnder and one external body → each nämnd's registrator accepts it from
// "Inkomna remisser" into a case of its own → Hägersten-Älvsjö answers through the whole
// lifecycle (tjänsteutlåtande, attestation, meeting, justering, expediering with its position)
// → kommunstyrelsen's case shows the answer with its position, registered by itself.
// Along the way: the external body, due in three days, gets exactly one påminnelse in the
// mail outbox (the worker's sweep queues it once, however often it runs; no other instans is
// reminded), and kommunstyrelsen's handläggare compiles the answers: the Remissammanställning
// of the tjänsteutlåtande (editor and preview) lists all four instanser.
// Written without a run against the built app: the steps follow the pages' labels as written
// (src/features/referrals/components, the lifecycle spec for the receiving side).
import { expect, test } from "@playwright/test";
import { login } from "./support/auth";
import { createStatement, field, writeSections } from "./support/cases";
import { attestByDemoAttesters, decideAndJustera, signOut } from "./support/lifecycle";
import { todayInStockholm } from "./support/meetings";
/** Today in Stockholm plus `days` calendar days, ÅÅÅÅ-MM-DD (calendar arithmetic: no DST surprises). */
const daysAhead = (days: number) => {
  const date = new Date(`${todayInStockholm()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The worker's sweep interval (scripts/worker.ts, YTTRA_WORKER_SWEEP_SECONDS, default 30 s);
 * the test server inherits this process's environment.
 */
const SWEEP_SECONDS = Number(process.env.YTTRA_WORKER_SWEEP_SECONDS ?? 30);

/**
 * The external remissinstans. Its remisstid falls inside the "before" window (5 days by
 * default) and the sending is dated yesterday (no "before" reminder on the day of sending),
 * so the worker's next sweep queues its påminnelse: one mail to this address.
 */
const EXTERNAL = { name: "Region Stockholm", email: "registrator@regionstockholm.example", due: daysAhead(3) } as const;

const INTERNAL = [
  { committee: "Hägersten-Älvsjö stadsdelsnämnd", registrar: "registrator", officer: "Clas Cederlid", due: daysAhead(30) },
  { committee: "Södermalms stadsdelsnämnd", registrar: "sofia.berg", officer: "Samir Haddad", due: daysAhead(35) },
  { committee: "Farsta stadsdelsnämnd", registrar: "frida.alm", officer: "Farid Nour", due: daysAhead(40) },
] as const;

test("a motion sent on remiss to three nämnder and one external body comes home answered with its position", async ({ page }) => {
  test.setTimeout(1_080_000);
  const title = `Remissrunda ${Date.now()} om fler parkbänkar`;
  // The motion came in, and the remiss was sent, yesterday: today the reminder sweep may remind.
  const yesterday = daysAhead(-1);

  // 1. Kommunstyrelsen's registrator registers the motion …
  await login(page, "eva.stromberg");
  await page.goto("/arenden/nytt");
  await field(page, "Rubrik").fill(title);
  await field(page, "Typ av ärende").selectOption("MOTION");
  await field(page, "Inkom").fill(yesterday);
  await field(page, "Avdelning").selectOption({ label: "Kommunledningsavdelningen" });
  await field(page, "Handläggare").selectOption({ label: "Petter Lind" });
  await field(page, "Väckt i kommunfullmäktige").fill(yesterday);
  await field(page, "Motionens rubrik").fill(`Motion om ${title}`);
  await field(page, "Motionär 1, namn").fill("Andréa Hedin");
  await field(page, "Motionär 1, parti").fill("M");
  await field(page, "Att-sats 1").fill("Staden sätter upp fler parkbänkar.");
  await field(page, "Beskrivning").fill("Motionen");
  await field(page, "Handlingens datum").fill(yesterday);
  await page.getByRole("button", { name: "Registrera ärendet" }).click();
  await page.waitForURL(/\/arenden\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const senderUrl = new URL(page.url()).pathname;
  const senderNumber = (await page.getByTestId("case-number").innerText()).trim();
  expect(senderNumber).toMatch(/^KS \d{4}\/\d+$/);

  // … and sends it on remiss (dated yesterday): three nämnder with their own remisstid, one
  // external body, reminders 5 days before and 1 day after the remisstid (the defaults).
  await page.getByRole("link", { name: "Skicka på remiss" }).click();
  await expect(page.getByRole("heading", { name: "Skicka på remiss" })).toBeVisible();
  const form = page.getByTestId("send-referral-form");
  await field(page, "Datum för utskicket").fill(yesterday);
  for (const { committee, due } of INTERNAL) {
    await form.getByLabel(committee, { exact: true }).check();
    await form.getByLabel(`Egen remisstid för ${committee}`).fill(due);
  }
  await field(page, "Externa remissinstanser").fill(`${EXTERNAL.name}; ${EXTERNAL.email}; ${EXTERNAL.due}`);
  await form.getByLabel(/^Motionen \(/).check();
  await expect(field(page, "Dagar före remisstiden")).toHaveValue("5");
  await expect(field(page, "Dagar efter remisstiden")).toHaveValue("1");
  await expect(field(page, "Missivets text")).toHaveValue(/remitterar härmed/);
  await form.getByRole("button", { name: "Skicka remissen" }).click();
  await page.waitForURL(new RegExp(`${senderUrl}(#remisser)?$`), { timeout: 60_000 });
  const table = page.getByTestId("referral-table");
  await expect(table.getByTestId("referral-row")).toHaveCount(4);
  for (const { committee, due } of INTERNAL) await expect(table.getByTestId("referral-row").filter({ hasText: committee })).toContainText(due);
  const externalRow = table.getByTestId("referral-row").filter({ hasText: EXTERNAL.name });
  await expect(externalRow).toContainText("Skickad");
  await expect(externalRow).toContainText(EXTERNAL.due);
  await expect(externalRow).toContainText(yesterday);

  // 1b. Påminnelser: the worker's next sweep queues one reminder mail to the external body (the
  // only instans inside its window: the nämnder's remisstid is 30–40 days away). The admin's
  // outbox lists the municipality's newest mails; this case's reminders are told apart by its
  // dnr in the subject (the internal ones would read "Yttra: Påminnelse: remiss …").
  const reminderSubject = new RegExp(`Påminnelse: remiss ${escapeRegExp(senderNumber)}, svar senast`);
  const reminders = page.getByRole("row").filter({ hasText: reminderSubject });
  await signOut(page);
  await login(page, "admin");
  await page.goto("/admin/utkorg");
  await expect(page.getByRole("heading", { name: "Utkorg för e-post" })).toBeVisible();
  await expect
    .poll(
      async () => {
        await page.reload();
        return reminders.count();
      },
      { message: "one reminder for the remiss in the outbox", timeout: (SWEEP_SECONDS + 90) * 1000, intervals: [3_000] },
    )
    .toBe(1);
  const firstReminderSeenAt = Date.now();
  await expect(reminders).toContainText(EXTERNAL.email);
  await expect(reminders).toContainText(`Påminnelse: remiss ${senderNumber}, svar senast ${EXTERNAL.due}`);

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

  // 2b. Exactly once: another sweep has run since the reminder was queued (it was queued no later
  // than it was first seen; the next sweep starts at most one interval after, plus a margin for
  // a slow sweep), and the outbox still holds one reminder for the remiss. The accepts above
  // usually took longer than that; otherwise wait only for what is left.
  await signOut(page);
  await login(page, "admin");
  const afterNextSweep = firstReminderSeenAt + (SWEEP_SECONDS + 15) * 1000 - Date.now();
  if (afterNextSweep > 0) await page.waitForTimeout(afterNextSweep);
  await page.goto("/admin/utkorg");
  await expect(page.getByRole("heading", { name: "Utkorg för e-post" })).toBeVisible();
  await expect(reminders).toHaveCount(1);
  await expect(reminders).toContainText(EXTERNAL.email);

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
  const answeredOn = todayInStockholm();
  await dispatch.getByLabel(/Expedieringsdatum/).fill(answeredOn);
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
  await expect(answered).toContainText(answeredOn);
  await expect(answered).toContainText("Tillstyrker med ändringar");
  await expect(answered).toContainText("Tillstyrker med krav på belysning.");
  await expect(answered.getByTestId("referral-answer")).toContainText(senderNumber);
  for (const { committee } of INTERNAL.slice(1)) await expect(page.getByTestId("referral-row").filter({ hasText: committee })).toContainText("Mottagen");
  await expect(page.getByTestId("referral-row").filter({ hasText: EXTERNAL.name })).toContainText("Skickad");

  // 4b. Minutes of sweeps later: no reminder for the remiss went anywhere but to the external
  // body — none to the answered Hägersten-Älvsjö (or the other nämnder) — and still at most one
  // (it may have dropped out of the outbox's newest 200 mails meanwhile, so not "exactly").
  await signOut(page);
  await login(page, "admin");
  await page.goto("/admin/utkorg");
  await expect(page.getByRole("heading", { name: "Utkorg för e-post" })).toBeVisible();
  await expect(reminders.filter({ hasNotText: EXTERNAL.email })).toHaveCount(0);
  expect(await reminders.count()).toBeLessThanOrEqual(1);

  // 5. Kommunstyrelsen's handläggare compiles the answers: the Remissammanställning of the
  // tjänsteutlåtande has one paragraph per instans — the answer with its position and summary,
  // the others not answered with their remisstid — in the editor and in the preview.
  const compiled = [
    new RegExp(`Hägersten-Älvsjö stadsdelsnämnd\\s*tillstyrker med ändringar \\(svar ${answeredOn}\\)\\. Tillstyrker med krav på belysning\\.`),
    ...INTERNAL.slice(1).map(({ committee, due }) => new RegExp(`${escapeRegExp(committee)}\\s*har inte svarat \\(remisstid ${due}\\)\\.`)),
    new RegExp(`${escapeRegExp(EXTERNAL.name)}\\s*har inte svarat \\(remisstid ${EXTERNAL.due}\\)\\.`),
  ];
  const anyCompiled = /tillstyrker med ändringar \(svar|har inte svarat \(remisstid/;
  await signOut(page);
  await login(page, "petter.lind");
  await page.goto(`${senderUrl}/tjansteutlatande`);
  const createStatementButton = page.getByRole("button", { name: "Skapa tjänsteutlåtande" });
  if (await createStatementButton.isVisible()) await createStatementButton.click();
  const compilation = page.getByTestId("section-remissammanstallning");
  await expect(compilation.getByRole("heading", { name: "Remissammanställning" })).toBeVisible({ timeout: 30_000 });
  await compilation.getByRole("button", { name: "Skapa remissammanställning" }).click();
  const compilationEditor = page.getByTestId("editor-remissammanstallning");
  await expect(compilationEditor).toBeVisible({ timeout: 30_000 });
  for (const paragraph of compiled) await expect(compilationEditor).toContainText(paragraph);
  await expect(compilationEditor.locator("p").filter({ hasText: anyCompiled })).toHaveCount(4);

  await page.getByRole("link", { name: "Förhandsgranska", exact: true }).click();
  await page.waitForURL(/\/tjansteutlatande\/forhandsgranska$/, { timeout: 30_000 });
  const preview = page.getByTestId("document-view");
  await expect(preview.getByRole("heading", { name: "Remissammanställning" })).toBeVisible({ timeout: 30_000 });
  for (const paragraph of compiled) await expect(preview).toContainText(paragraph);
  await expect(preview.locator("p").filter({ hasText: anyCompiled })).toHaveCount(4);
});
