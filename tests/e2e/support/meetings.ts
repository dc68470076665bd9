import { expect, type Page } from "@playwright/test";

const stockholm = (moment: Date, options: Intl.DateTimeFormatOptions): string => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", ...options }).format(moment);

/** Today in Stockholm, ÅÅÅÅ-MM-DD. */
export const todayInStockholm = (): string => stockholm(new Date(), { year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * Plans a meeting of the signed-in secretary's committee that starts in two to three minutes:
 * time enough to build the agenda and send the kallelse before it starts (which the app
 * requires), and soon enough to record its decisions afterwards (which the app only allows
 * once it has started). Leaves the page on the new meeting; returns its date and time as shown.
 */
export const planMeetingStartingSoon = async (page: Page, place: string): Promise<{ date: string; time: string }> => {
  const startsAt = new Date(Math.ceil((Date.now() + 120_000) / 60_000) * 60_000);
  const date = stockholm(startsAt, { year: "numeric", month: "2-digit", day: "2-digit" });
  const time = stockholm(startsAt, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  await page.goto("/sammantraden");
  const form = page.getByTestId("new-meeting-form");
  await form.getByLabel("Datum").fill(date);
  await form.getByLabel("Klockslag").fill(time);
  await form.getByLabel("Plats (obligatoriskt)").fill(place);
  await form.getByRole("button", { name: "Planera sammanträde" }).click();
  const shown = time.replace(":", ".");
  await expect(page.getByRole("heading", { name: `Sammanträde ${date} kl. ${shown}` })).toBeVisible({ timeout: 30_000 });
  return { date, time: shown };
};

/**
 * On a called meeting's page: the page first says that decisions wait for the meeting to
 * start; reloads (every few seconds) until the meeting has started and that notice is gone.
 */
export const waitUntilMeetingHasStarted = async (page: Page): Promise<void> => {
  await expect(page.getByTestId("decisions-not-yet")).toContainText("Beslut kan registreras först när sammanträdet har börjat");
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("decisions-not-yet")).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 240_000, intervals: [5_000] });
};

/** Answers the confirmation dialog of an irreversible action with its confirm button. */
export const confirmInDialog = async (page: Page, confirmLabel: string): Promise<void> => {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: confirmLabel, exact: true }).click();
  await expect(dialog).toBeHidden();
};

/** On a held meeting's page: every ledamot present (the boxes start empty), no ersättare; saved. */
export const saveFullAttendance = async (page: Page): Promise<void> => {
  const form = page.getByTestId("attendance-form");
  for (const row of await form.getByRole("row").filter({ hasNot: page.getByRole("cell", { name: "Ersättare", exact: true }) }).all()) {
    const present = row.getByRole("checkbox", { name: / närvarande$/ });
    if (await present.count()) await present.check();
  }
  await form.getByRole("button", { name: "Spara närvaro" }).click();
  await expect(form.getByText("Närvaron är sparad.")).toBeVisible({ timeout: 30_000 });
};

/**
 * On a started meeting's page: ordförande and justerare named for the minutes, as at the start
 * of a meeting (val av justerare names the justerare), by the protokoll page's choice unless
 * given. Comes back to the meeting's page.
 */
export const nameChairAndChecker = async (page: Page, signers: { chair?: string; checker?: string } = {}): Promise<void> => {
  const meetingPath = new URL(page.url()).pathname;
  await page.goto(`${meetingPath}/protokoll`);
  const form = page.getByTestId("minutes-signers-form");
  if (signers.chair) await form.getByLabel(/^Ordförande/).selectOption({ label: signers.chair });
  if (signers.checker) await form.getByLabel(/^Justerare/).selectOption({ label: signers.checker });
  await form.getByRole("button", { name: "Skapa protokoll" }).click();
  await expect(page.getByText("Ordförande och justerare är sparade.")).toBeVisible({ timeout: 30_000 });
  await page.goto(meetingPath);
};

/**
 * Registers every undecided item in agenda order as its form stands: bifall, and the opening
 * items with the text written from the meeting (name the justerare first). One at a time,
 * waiting for each form to go, so that § numbers follow the agenda.
 */
export const decideEveryItem = async (page: Page): Promise<void> => {
  const forms = page.locator('[data-testid^="decision-form-"]');
  for (let left = await forms.count(); left > 0; left -= 1) {
    const form = forms.first();
    await form.locator("..").locator("summary").click();
    await form.getByRole("button", { name: /Registrera beslut/ }).click();
    await expect(forms).toHaveCount(left - 1, { timeout: 30_000 });
  }
};
