// The start page per role, as the demo users see it: each section with its heading, count
// and list; the return comment on the handläggare's start page and at the top of the editor
// until the statement is sent again; the "Att justera" inbox with its count in the navigation.
import { expect, test, type Page } from "@playwright/test";
import { login } from "./support/auth";
import { createCaseWithStatement, registerSimpleCase } from "./support/cases";
import { confirmInDialog, decideEveryItem, nameChairAndChecker, planMeetingStartingSoon, saveFullAttendance, waitUntilMeetingHasStarted } from "./support/meetings";

/** The count a section's heading shows: "Att justera (2)" → 2. */
const countOf = async (page: Page, sectionId: string): Promise<number> => {
  const heading = await page.getByTestId(sectionId).getByRole("heading", { level: 2 }).innerText();
  return Number(/\((\d+)\)\s*$/.exec(heading)![1]);
};

const expectSections = async (page: Page, sectionIds: readonly string[]) => {
  for (const id of sectionIds) await expect(page.getByTestId(id).getByRole("heading", { level: 2 })).toHaveText(/\(\d+\)$/);
};

const sendForAttestation = async (page: Page, caseId: string) => {
  await page.goto(`/arenden/${caseId}/attestering`);
  await page.getByRole("button", { name: "Skicka på attestering" }).click();
  await expect(page.getByTestId("attestation-status")).toHaveText("På attestering", { timeout: 30_000 });
};

test("the handläggare sees a returned statement with the comment on the start page and in the editor until it is sent again", async ({ browser }) => {
  test.setTimeout(240_000);
  const title = `E2E återsänt ${Date.now()}`;
  const comment = "Förtydliga förvaltningens synpunkter om tryggheten.";
  const clas = await browser.newPage();
  await login(clas, "clas.cederlid");
  await expectSections(clas, ["returned", "my-overdue", "my-due-soon", "my-cases"]);
  await expect(clas.getByTestId("attest-inbox")).toHaveCount(0);
  const caseId = await createCaseWithStatement(clas, title);
  await sendForAttestation(clas, caseId);

  // The avdelningschef finds it on the start page, counted in the navigation, and returns it.
  const linda = await browser.newPage();
  await login(linda, "linda.palo");
  await expectSections(linda, ["attest-inbox", "unit-overdue"]);
  await expect(linda.getByRole("navigation", { name: "Huvudmeny" }).getByTestId("attest-inbox-count")).toHaveText(/^\d+ väntar på dig$/);
  await linda.getByTestId("attest-inbox").getByRole("link", { name: title }).click();
  await linda.getByLabel("Kommentar till handläggaren").fill(comment);
  await linda.getByRole("button", { name: "Skicka tillbaka" }).click();
  await expect(linda.getByTestId("attestation-status")).not.toHaveText("På attestering", { timeout: 30_000 });

  await clas.goto("/");
  const returned = clas.getByTestId("returned").getByRole("listitem").filter({ hasText: title });
  await expect(returned).toContainText("Återsänt av Linda Palo");
  await expect(returned).toContainText(comment);
  await returned.getByRole("link", { name: new RegExp(title) }).click();
  const notice = clas.getByTestId("return-notice");
  await expect(notice).toContainText("Återsänt av Linda Palo");
  await expect(notice).toContainText(comment);
  await expect(clas.getByTestId("editor-sammanfattning")).toBeVisible();

  await sendForAttestation(clas, caseId);
  await clas.goto("/");
  await expect(clas.getByTestId("returned")).not.toContainText(title);
  await clas.goto(`/arenden/${caseId}/tjansteutlatande`);
  await expect(clas.getByRole("heading", { name: "Tjänsteutlåtande", level: 1 })).toBeVisible();
  await expect(clas.getByTestId("return-notice")).toHaveCount(0);
});

test("the stadsdelsdirektör, the registrator and the nämndsekreterare see their own sections with counts", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "lee.orberson");
  await expectSections(page, ["attest-inbox", "unit-overdue"]);
  await expect(page.getByTestId("unit-overdue").getByRole("heading", { level: 2 })).toContainText("i förvaltningen");
  await expect(page.getByTestId("returned")).toHaveCount(0);

  await page.context().clearCookies();
  await login(page, "registrator");
  const before = await countOf(page, "recently-registered");
  const title = `E2E nyregistrerat ${Date.now()}`;
  await registerSimpleCase(page, title);
  await page.goto("/");
  expect(await countOf(page, "recently-registered")).toBe(before + 1);
  await expect(page.getByTestId("recently-registered").getByRole("row", { name: new RegExp(title) })).toBeVisible();

  await page.context().clearCookies();
  await login(page, "sekreterare");
  await expectSections(page, ["next-meetings", "ready-for-agenda", "minutes-in-justering"]);
  await expect(page.getByTestId("my-cases")).toHaveCount(0);
});

test("minutes sent for justering wait in the ordförande's and justerare's inbox, counted in the navigation, until justerade", async ({ browser }) => {
  test.setTimeout(480_000);
  const secretary = await browser.newPage();
  await login(secretary, "sekreterare");
  const inJusteringBefore = await countOf(secretary, "minutes-in-justering");
  await planMeetingStartingSoon(secretary, `E2E justering ${Date.now()}`);
  const meetingPath = new URL(secretary.url()).pathname;
  await secretary.getByLabel("Typ").selectOption("INFORMATION");
  await secretary.getByLabel("Rubrik (obligatoriskt)").fill("Stadsdelsdirektörens information");
  await secretary.getByRole("button", { name: "Lägg till punkten" }).click();
  // After HÄS's three standard opening items.
  await expect(secretary.getByTestId("agenda-item-4")).toContainText("Stadsdelsdirektörens information");
  await secretary.getByRole("button", { name: "Publicera föredragningslistan och skicka kallelse" }).click();
  await confirmInDialog(secretary, "Publicera och skicka");
  await expect(secretary.getByTestId("meeting-status")).toHaveText("Kallat");
  await waitUntilMeetingHasStarted(secretary);
  await nameChairAndChecker(secretary);
  await decideEveryItem(secretary);
  await expect(secretary.getByTestId("decision-4")).toContainText("Bifall till förvaltningens förslag");
  await saveFullAttendance(secretary);
  await secretary.getByRole("link", { name: "Protokoll", exact: true }).click();
  await secretary.getByRole("button", { name: "Skicka protokollet för justering" }).click();
  await confirmInDialog(secretary, "Skicka för justering");
  await expect(secretary.getByTestId("minutes-status")).toHaveText("Under justering");
  const minutesPath = `${meetingPath}/protokoll`;

  await secretary.goto("/");
  expect(await countOf(secretary, "minutes-in-justering")).toBe(inJusteringBefore + 1);
  await expect(secretary.getByTestId("minutes-in-justering").locator(`a[href="${minutesPath}"]`)).toBeVisible();

  for (const username of ["justerare", "ordforande"]) {
    const page = await browser.newPage();
    await login(page, username);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await expect(nav.getByRole("link", { name: "Att attestera" })).toHaveCount(0);
    const count = await countOf(page, "justering");
    expect(count).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId("justering").locator(`a[href="${minutesPath}"]`)).toBeVisible();
    await expect(nav.getByTestId("justering-inbox-count")).toHaveText(`${count} väntar på dig`);
    await nav.getByRole("link", { name: /^Att justera/ }).click();
    await expect(page.getByRole("heading", { name: "Att justera", level: 1 })).toBeVisible();
    await page.getByTestId("justering-inbox").locator(`a[href="${minutesPath}"]`).click();
    await expect(page.getByTestId("minutes-status")).toHaveText("Under justering");

    if (username === "ordforande") {
      // Once justerat by the ordförande, the minutes leave the ordförande's inbox.
      const password = page.getByTestId("approve-form").getByLabel("Lösenord");
      if (await password.isVisible()) await password.fill("demo");
      await page.getByTestId("approve-form").getByRole("button", { name: "Justera protokollet" }).click();
      await expect(page.getByTestId("justering-steps").getByRole("row", { name: /Maria Lindqvist/ })).toContainText("Justerat", { timeout: 30_000 });
      await page.goto("/justering");
      await expect(page.locator(`main a[href="${minutesPath}"]`)).toHaveCount(0);
      await page.goto("/");
      expect(await countOf(page, "justering")).toBe(count - 1);
    }
  }
});
