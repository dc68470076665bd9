// A samlingsärende in the browser: once its handlingar fill more than a page, the case page
// lists them a hundred at a time; a new handling on another page is one click away from its
// confirmation, a search hit in a handling opens the page that lists it, the case page
// shows its newest events with the way to all of them, and the remiss form and the
// tjänsteutlåtande offer the newest handlingar and a search for the others.
import { expect, test } from "@playwright/test";
import { login } from "./support/auth";
import { field, registerSimpleCase } from "./support/cases";
import { connectE2eDatabase } from "./support/database";
import { signOut } from "./support/lifecycle";

test("the registrator pages through a case of 101 handlingar and finds a new one and a search hit on its page", async ({ browser, page, baseURL }) => {
  test.setTimeout(180_000);
  const unique = Date.now().toString(36);
  const word = `sjöbodsarrende${unique}`;
  await login(page, "registrator");
  const caseId = await registerSimpleCase(page, `Delegationsbeslut ${unique}`);
  const today = new Date().toISOString().slice(0, 10);

  // Handlingar 2–100 through the same route as the form (it has registered number 1 with the case).
  for (let number = 2; number <= 100; number++) {
    const response = await page.request.post("/api/filer", {
      headers: { origin: baseURL! },
      multipart: { caseId, direction: "INCOMING", documentDate: today, counterpart: "Avdelningen för samhälle och service", description: `Delegationsbeslut nummer ${number}` },
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  await page.goto(`/arenden/${caseId}`);
  const documents = page.getByRole("table", { name: /Handlingar i ärende/ });
  await expect(documents.getByRole("row")).toHaveCount(101);
  await expect(page.getByText(/ av 100 visas\./)).toHaveCount(0);

  const form = page.getByRole("region", { name: "Registrera handling" });
  await form.getByLabel("Inkommande").check();
  await form.getByLabel("Avsändare").fill("Kommunstyrelsen");
  await form.getByLabel("Beskrivning").fill(`Beslut om ${word}`);
  await form.getByRole("button", { name: "Registrera handling" }).click();
  const status = form.getByRole("status");
  await expect(status).toContainText(/Handlingen HÄS \d{4}\/\d+-101 är registrerad\./);

  await status.getByRole("link", { name: "Visa den i listan" }).click();
  await expect(page).toHaveURL(new RegExp(`/arenden/${caseId}\\?sida=2#handling-[0-9a-f-]{36}$`));
  await expect(page.getByText("Handling 101 av 101 visas.")).toBeVisible();
  await expect(documents.getByRole("row").filter({ hasText: `Beslut om ${word}` })).toBeInViewport();

  await page.getByRole("navigation", { name: /Sidor med handlingar/ }).getByRole("link", { name: "← Föregående sida" }).click();
  await expect(page.getByText("Handlingarna 1–100 av 101 visas.")).toBeVisible();
  await expect(documents.getByRole("row")).toHaveCount(101);
  await expect(documents).not.toContainText(word);

  // The newest events, and the way to all of them.
  await expect(page.getByRole("heading", { name: "Senaste händelser" })).toBeVisible();
  await expect(page.getByText(/Ärendet har \d+ händelser\./)).toBeVisible();
  await page.getByRole("link", { name: "Visa de tidigare" }).click();
  await expect(page.getByRole("heading", { name: "Händelser", level: 1 })).toBeVisible();
  await expect(page.getByTestId("case-event").filter({ hasText: /-101 registrerades/ })).toHaveCount(1);

  // A search hit in handling 101 opens the page that lists it.
  await page.goto(`/sok?q=${encodeURIComponent(word)}`);
  const hit = page.getByTestId("search-result").filter({ hasText: `Delegationsbeslut ${unique}` });
  await hit.getByRole("link", { name: /-101$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/arenden/${caseId}\\?sida=2#handling-`));
  await expect(documents.getByRole("row").filter({ hasText: `Beslut om ${word}` })).toBeVisible();

  // Remisshandlingar: the newest 50 of 101 and a search that finds an older one by its words.
  await page.goto(`/arenden/${caseId}/remiss`);
  const remiss = page.getByTestId("send-referral-form");
  await expect(remiss.getByText("Ärendet har 101 handlingar. Här visas de 50 senaste och de du har valt.")).toBeVisible();
  const offered = remiss.getByRole("list", { name: "Senaste och valda handlingar" });
  await expect(offered.getByRole("checkbox")).toHaveCount(50);
  await expect(offered.getByRole("checkbox", { name: /^Delegationsbeslut nummer 37 \(/ })).toHaveCount(0);
  // Enter searches; it does not send the form.
  await remiss.getByLabel("Sök bland ärendets handlingar").fill("nummer 37");
  await remiss.getByLabel("Sök bland ärendets handlingar").press("Enter");
  await expect(remiss.getByText("1 handling matchar ”nummer 37”.")).toBeVisible();
  await remiss.getByRole("list", { name: "Sökträffar" }).getByRole("checkbox", { name: /^Delegationsbeslut nummer 37 \(/ }).check();
  await expect(offered.getByRole("checkbox", { name: /^Delegationsbeslut nummer 37 \(/ })).toBeChecked();
  await offered.getByRole("checkbox", { name: /^Delegationsbeslut nummer 99 \(/ }).check();
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await field(page, "Externa remissinstanser").fill(`Länsstyrelsen i Stockholms län; registrator@lansstyrelsen.example; ${due}`);
  await remiss.getByRole("button", { name: "Skicka remissen" }).click();
  await page.waitForURL(new RegExp(`/arenden/${caseId}(#remisser)?$`), { timeout: 60_000 });
  const database = await connectE2eDatabase();
  try {
    const sent = await database.query<{ number: number }>(
      "SELECT d.number FROM referral_round_document rd JOIN referral_round r ON r.id = rd.round_id JOIN case_document d ON d.id = rd.document_id WHERE r.case_id = $1 ORDER BY d.number",
      [caseId],
    );
    expect(sent.rows.map((row) => row.number)).toEqual([37, 99]);
  } finally {
    await database.end();
  }

  // Bilagor of the tjänsteutlåtande: none of many preselected; an older one found by its number.
  await signOut(page);
  await login(page, "clas.cederlid");
  await page.goto(`/arenden/${caseId}/tjansteutlatande`);
  const bilagor = page.getByRole("group", { name: "Bilagor" });
  await expect(bilagor.getByRole("checkbox", { checked: true })).toHaveCount(0);
  await bilagor.getByLabel("Sök bland ärendets handlingar").fill("4");
  await bilagor.getByRole("button", { name: "Sök" }).click();
  const found = bilagor.getByRole("list", { name: "Sökträffar" }).getByRole("checkbox");
  // The handling of the number first, then those whose description has it.
  await expect(found.first()).toHaveAccessibleName(/^Delegationsbeslut nummer 4 \(HÄS \d{4}\/\d+-4\)$/);
  await found.first().check();
  await page.getByRole("button", { name: "Skapa tjänsteutlåtande" }).click();
  const attachments = page.getByTestId("section-attachments");
  await expect(attachments.getByRole("checkbox", { checked: true })).toHaveCount(1, { timeout: 30_000 });
  await expect(attachments.getByRole("checkbox", { name: /^Delegationsbeslut nummer 4 \(/ })).toBeChecked();

  // Two editors of Bilagor at once: the other chooses an older handling by search, this one a
  // recent one. "Behåll båda" keeps both, and the other's handling, which this page never
  // listed, gets its checkbox without a reload.
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await login(otherPage, "clas.cederlid");
    await otherPage.goto(`/arenden/${caseId}/tjansteutlatande`);
    const otherBilagor = otherPage.getByTestId("section-attachments");
    await otherBilagor.getByLabel("Sök bland ärendets handlingar").fill("7");
    await otherBilagor.getByRole("button", { name: "Sök" }).click();
    await otherBilagor.getByRole("list", { name: "Sökträffar" }).getByRole("checkbox", { name: /^Delegationsbeslut nummer 7 \(/ }).check();
    await expect(otherPage.getByTestId("status-attachments")).toContainText("Sparat");
  } finally {
    await other.close();
  }
  await expect(attachments.getByRole("checkbox", { name: /^Delegationsbeslut nummer 7 \(/ })).toHaveCount(0);
  await attachments.getByRole("checkbox", { name: /^Delegationsbeslut nummer 100 \(/ }).check();
  const conflict = page.getByTestId("conflict-panel");
  await expect(conflict).toBeVisible();
  await expect(page.getByTestId("conflict-theirs")).toContainText("Delegationsbeslut nummer 7");
  await conflict.getByRole("button", { name: "Behåll båda" }).click();
  await expect(page.getByTestId("status-attachments")).toContainText("Sparat");
  await expect(attachments.getByRole("checkbox", { checked: true })).toHaveCount(3);
  for (const number of [4, 7, 100]) await expect(attachments.getByRole("checkbox", { name: new RegExp(`^Delegationsbeslut nummer ${number} \\(`) })).toBeChecked();
});
