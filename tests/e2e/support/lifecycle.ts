// The receiving committee's part of a remiss in Hägersten-Älvsjö, shared by the lifecycle
// and the remiss round trip: attestation by the demo attesters, then a meeting starting in a
// few minutes that decides the case and whose minutes are justerade.
import { expect, type Page } from "@playwright/test";
import { login } from "./auth";
import { attestOnPage } from "./cases";
import { confirmInDialog, decideEveryItem, nameChairAndChecker, planMeetingStartingSoon, saveFullAttendance, waitUntilMeetingHasStarted } from "./meetings";

export const signOut = async (page: Page) => page.context().clearCookies();

/** The handläggare (signed in) sends the statement; avdelningschef and stadsdelsdirektör attest it. */
export const attestByDemoAttesters = async (page: Page, caseUrl: string): Promise<void> => {
  await page.goto(`${caseUrl}/attestering`);
  await page.getByRole("button", { name: "Skicka på attestering" }).click();
  await expect(page.getByTestId("attestation-status")).toHaveText("På attestering", { timeout: 30_000 });
  for (const attester of ["linda.palo", "lee.orberson"]) {
    await signOut(page);
    await login(page, attester);
    await page.goto(`${caseUrl}/attestering`);
    await attestOnPage(page);
    await expect(page.getByRole("heading", { name: "Din attestering" })).toBeHidden({ timeout: 30_000 });
  }
  await expect(page.getByTestId("attestation-status")).toHaveText("Attesterad", { timeout: 30_000 });
};

/**
 * As sekreterare: the attested case titled `title` on a meeting starting soon, kallelse, bifall
 * to the förvaltning's proposal, attendance, minutes sent for justering and justerade by
 * ordförande and justerare. Returns the meeting's path.
 */
export const decideAndJustera = async (page: Page, title: string): Promise<string> => {
  await signOut(page);
  await login(page, "sekreterare");
  await planMeetingStartingSoon(page, "Hägersten-Älvsjö stadsdelsförvaltning, Sammanträdesrummet");
  const addCase = page.getByTestId("add-case-form");
  const caseValue = await addCase.locator("option", { hasText: title }).getAttribute("value");
  await addCase.getByLabel("Attesterat ärende").selectOption(caseValue!);
  await addCase.getByRole("button", { name: "Lägg till ärendet" }).click();
  const item = page.locator('[data-testid^="agenda-item-"]', { hasText: title });
  await expect(item).toContainText("Förvaltningens förslag till beslut");
  const position = Number((await item.getAttribute("data-testid"))!.replace("agenda-item-", ""));
  await page.getByRole("button", { name: "Publicera föredragningslistan och skicka kallelse" }).click();
  await confirmInDialog(page, "Publicera och skicka");
  await expect(page.getByTestId("meeting-status")).toHaveText("Kallat");
  await waitUntilMeetingHasStarted(page);

  // Ordförande and justerare named first (val av justerare names them); then every item in
  // order: the standard opening items as written from the meeting, bifall to the förvaltning's proposal.
  await nameChairAndChecker(page);
  await decideEveryItem(page);
  await expect(page.getByTestId(`decision-${position}`)).toContainText("Bifall till förvaltningens förslag");
  await saveFullAttendance(page);
  const meetingUrl = new URL(page.url()).pathname;

  await page.goto(`${meetingUrl}/protokoll`);
  await page.getByRole("button", { name: "Skicka protokollet för justering" }).click();
  await confirmInDialog(page, "Skicka för justering");
  await expect(page.getByTestId("minutes-status")).toHaveText("Under justering");
  for (const [approver, name] of [
    ["ordforande", "Maria Lindqvist"],
    ["justerare", "Anders Berglund"],
  ] as const) {
    await signOut(page);
    await login(page, approver);
    await page.goto(`${meetingUrl}/protokoll`);
    const password = page.getByTestId("approve-form").getByLabel("Lösenord");
    if (await password.isVisible()) await password.fill("demo");
    await page.getByTestId("approve-form").getByRole("button", { name: "Justera protokollet" }).click();
    await expect(page.getByTestId("justering-steps").getByRole("row", { name: new RegExp(name) })).toContainText("Justerat");
  }
  return meetingUrl;
};
