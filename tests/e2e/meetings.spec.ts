// Sammanträden in the browser: plan a meeting, build the agenda, send the kallelse, decide,
// record attendance, write the minutes and have them justerade by ordförande and justerare.
// Each run creates its own meeting, starting a few minutes later: decisions wait for it.
import { expect, test, type Page } from "@playwright/test";
import { login } from "./support/auth";
import { confirmInDialog, nameChairAndChecker, planMeetingStartingSoon, saveFullAttendance, todayInStockholm, waitUntilMeetingHasStarted } from "./support/meetings";

const logout = async (page: Page) => {
  await page.context().clearCookies();
};

test.describe("sammanträden", () => {
  test("refuses a meeting in the past with a Swedish message", async ({ page }) => {
    await login(page, "sekreterare");
    await page.goto("/sammantraden");
    await expect(page.getByRole("heading", { name: "Sammanträden", level: 1 })).toBeVisible();
    const form = page.getByTestId("new-meeting-form");
    await form.getByLabel("Datum").fill("2020-01-15");
    await form.getByLabel("Plats (obligatoriskt)").fill("Sammanträdesrummet");
    await form.getByRole("button", { name: "Planera sammanträde" }).click();
    await expect(form.getByRole("alert")).toContainText("kan inte planeras i det förflutna");
  });

  test("a handläggare sees no planning form and cannot open another committee's meeting list", async ({ page }) => {
    await login(page, "clas.cederlid");
    await page.goto("/sammantraden");
    await expect(page.getByRole("heading", { name: "Sammanträden", level: 1 })).toBeVisible();
    await expect(page.getByTestId("new-meeting-form")).toHaveCount(0);
    await page.goto("/sammantraden/00000000-0000-7000-8000-999999999999");
    await expect(page.getByText(/finns inte/i).first()).toBeVisible();
  });

  test("plans, calls, decides and justerar a meeting", async ({ page }) => {
    test.setTimeout(480_000);
    await login(page, "sekreterare");
    await planMeetingStartingSoon(page, "Sammanträdesrummet, Svandammsvägen 18");
    const meetingUrl = page.url();

    // Agenda: HÄS's standard opening items come first by themselves; two items added after them, reordered with the buttons.
    for (const [position, title] of [
      [1, "Upprop"],
      [2, "Val av justerare och tid för justering"],
      [3, "Godkännande av dagordningen"],
    ] as const) {
      await expect(page.getByTestId(`agenda-item-${position}`)).toContainText(title);
    }
    await page.getByLabel("Typ").selectOption("INFORMATION");
    await page.getByLabel("Rubrik (obligatoriskt)").fill("Stadsdelsdirektörens information");
    await page.getByRole("button", { name: "Lägg till punkten" }).click();
    await expect(page.getByTestId("agenda-item-4")).toContainText("Stadsdelsdirektörens information");
    await page.getByLabel("Typ").selectOption("DELEGATION_DECISIONS");
    await page.getByLabel("Rubrik (obligatoriskt)").fill("Anmälan av delegationsbeslut");
    await page.getByRole("button", { name: "Lägg till punkten" }).click();
    await expect(page.getByTestId("agenda-item-5")).toContainText("Anmälan av delegationsbeslut");
    await page.getByRole("button", { name: "Flytta punkt 5 upp" }).click();
    await expect(page.getByTestId("agenda-item-4")).toContainText("Anmälan av delegationsbeslut");

    await page.getByRole("button", { name: "Publicera föredragningslistan och skicka kallelse" }).click();
    await confirmInDialog(page, "Publicera och skicka");
    await expect(page.getByTestId("meeting-status")).toHaveText("Kallat");
    await waitUntilMeetingHasStarted(page);

    // At the start of the meeting: ordförande and justerare named (val av justerare names them).
    await nameChairAndChecker(page);

    // Övriga närvarande and tid och plats för justering, as the protokoll prints them.
    const details = page.getByTestId("record-details-form");
    await details.getByLabel("Övriga närvarande").fill("Lee Orberson, stadsdelsdirektör\nClas Cederlid, utredare");
    await details.getByLabel("Datum").fill(todayInStockholm());
    await details.getByLabel("Klockslag").fill("23:59");
    await details.getByLabel("Plats").fill("Svandammsvägen 18");
    await details.getByRole("button", { name: "Spara övriga närvarande och justering" }).click();
    await expect(details.getByText("Övriga närvarande och justeringen är sparade.")).toBeVisible({ timeout: 30_000 });
    await page.reload();

    // The opening items' decisions are written from the meeting and registered as they stand.
    await page.locator("summary", { hasText: "Registrera beslut för punkt 2" }).click();
    await expect(page.getByTestId("decision-form-2").getByLabel("Beslutspunkter (en per rad)")).toHaveValue(
      /^att utse Anders Berglund \(M\) att jämte ordföranden justera protokollet\natt justeringen sker \d{4}-\d{2}-\d{2} kl\. 23\.59 på Svandammsvägen 18$/,
    );
    for (const position of [1, 2, 3, 4, 5]) {
      if (position !== 2) await page.locator("summary", { hasText: `Registrera beslut för punkt ${position}` }).click();
      await page.getByTestId(`decision-form-${position}`).getByRole("button", { name: `Registrera beslut för punkt ${position}` }).click();
      await expect(page.getByTestId(`decision-${position}`)).toContainText(position <= 3 ? "Bifall till ordförandens förslag" : "Bifall till förvaltningens förslag");
    }
    await expect(page.getByTestId("decision-1")).toContainText("Upprop förrättades.");
    await expect(page.getByTestId("decision-2")).toContainText("att utse Anders Berglund (M) att jämte ordföranden justera protokollet");
    await expect(page.getByTestId("decision-3")).toContainText("att godkänna dagordningen");
    await expect(page.getByTestId("meeting-status")).toHaveText("Genomfört");
    await saveFullAttendance(page);

    // Votering med namnupprop on punkt 4: one vote per tjänstgörande, the result computed.
    await page.locator("summary", { hasText: "Votering med namnupprop (punkt 4)" }).click();
    const rollCall = page.getByTestId("roll-call-form-4");
    await expect(rollCall.getByLabel("Ja-röst för (obligatoriskt)")).toHaveValue("förvaltningens förslag");
    await rollCall.getByLabel("Nej-röst för (obligatoriskt)").fill("Leila Haddads (V) yrkande");
    const voteSelects = await rollCall.getByRole("combobox", { name: /^Röst för / }).all();
    expect(voteSelects.length).toBeGreaterThan(1);
    for (const [index, select] of voteSelects.entries()) await select.selectOption(index === 0 ? "NO" : "YES");
    await rollCall.getByRole("button", { name: "Registrera voteringen för punkt 4" }).click();
    await expect(rollCall.getByText(`Voteringen är registrerad: ${voteSelects.length - 1} ja, 1 nej, 0 avstår, 0 frånvarande.`)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("decision-4")).toContainText("ja för förvaltningens förslag, nej för Leila Haddads (V) yrkande");

    await page.getByRole("link", { name: "Protokoll", exact: true }).click();
    await expect(page.getByTestId("other-attendees")).toContainText("Lee Orberson, stadsdelsdirektör; Clas Cederlid, utredare");
    await expect(page.getByText(/Tid och plats för justering: \d{4}-\d{2}-\d{2} kl\. 23\.59, Svandammsvägen 18/)).toBeVisible();
    await expect(page.getByText(`Omröstning (ja för förvaltningens förslag, nej för Leila Haddads (V) yrkande): ${voteSelects.length - 1} ja,`)).toBeVisible();
    await page.getByRole("button", { name: "Skicka protokollet för justering" }).click();
    await confirmInDialog(page, "Skicka för justering");
    await expect(page.getByTestId("minutes-status")).toHaveText("Under justering");
    const minutesUrl = page.url();

    for (const [approver, name] of [
      ["ordforande", "Maria Lindqvist"],
      ["justerare", "Anders Berglund"],
    ] as const) {
      await logout(page);
      await login(page, approver);
      await page.goto(minutesUrl);
      // The re-authentication window may pass on a slow machine: then the form asks for the password.
      const password = page.getByTestId("approve-form").getByLabel("Lösenord");
      if (await password.isVisible()) await password.fill("demo");
      await page.getByTestId("approve-form").getByRole("button", { name: "Justera protokollet" }).click();
      await expect(page.getByTestId("justering-steps").getByRole("row", { name: new RegExp(name) })).toContainText("Justerat");
    }
    await expect(page.getByTestId("minutes-posted")).toContainText("Anslaget");
    await page.screenshot({ path: "test-results/e2e/meetings-minutes.png", fullPage: true });

    // Locked: the secretary no longer sees edit forms.
    await logout(page);
    await login(page, "sekreterare");
    await page.goto(meetingUrl);
    await expect(page.getByTestId("meeting-status")).toHaveText("Justerat");
    await expect(page.getByRole("button", { name: /Flytta punkt/ })).toHaveCount(0);
  });
});
