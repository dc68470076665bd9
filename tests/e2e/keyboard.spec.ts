// Keyboard only (WCAG 2.1.1, 2.4.7): a case goes from registration through the statement,
// its attestation by avdelningschef and stadsdelsdirektör, onto a meeting's agenda with
// the kallelse sent, with Tab, Shift+Tab, arrow keys, Enter, Space and typing — no clicks,
// no fill(). page.goto stands for typing an address. Every element Tab stops on must show
// a visible focus indicator. One browser context per role.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { todayInStockholm } from "./support/meetings";

/** The focused element and whether it shows a focus indicator of at least 2 px. */
const focusState = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { described: "<body>", visible: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2;
    const name = element.getAttribute("aria-label") ?? element.getAttribute("name") ?? element.textContent ?? "";
    const described = `<${element.tagName.toLowerCase()}> ${name.trim().slice(0, 40)}`;
    return { described, visible: outline || style.boxShadow !== "none" };
  });

/**
 * Presses Tab until `target` has focus — Shift+Tab when it comes before the focused element
 * (after an action, focus may be on its status message above or still on its button below)
 * — asserting at every stop on the way that the focused element shows its focus.
 */
const tabTo = async (target: Locator, { maxStops = 120 } = {}): Promise<void> => {
  const page = target.page();
  await target.waitFor();
  const backwards = await target.evaluate((element) => {
    const focused = document.activeElement;
    return focused !== null && focused !== document.body && (element.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  for (let stop = 0; stop < maxStops; stop++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const focus = await focusState(page);
    expect(focus.visible, `focus indicator on ${focus.described}`).toBe(true);
  }
  throw new Error(`Tab never reached ${target.toString()}`);
};

/** With a <select> focused: moves to the option whose text matches with the arrow keys. */
const chooseOption = async (select: Locator, option: RegExp): Promise<void> => {
  const { current, wanted } = await select.evaluate(
    (element, source) => {
      const options = [...(element as HTMLSelectElement).options];
      return { current: (element as HTMLSelectElement).selectedIndex, wanted: options.findIndex((item) => new RegExp(source).test(item.text)) };
    },
    option.source,
  );
  expect(wanted, `option ${option}`).toBeGreaterThanOrEqual(0);
  for (let step = 0; step < Math.abs(wanted - current); step++) await select.page().keyboard.press(wanted > current ? "ArrowDown" : "ArrowUp");
  await expect(select.locator("option:checked")).toHaveText(option);
};

/** Tabs to `target` and presses Enter (a link or button). */
const activate = async (target: Locator): Promise<void> => {
  await tabTo(target);
  await target.page().keyboard.press("Enter");
};

const typeInto = async (target: Locator, text: string): Promise<void> => {
  await tabTo(target);
  await target.page().keyboard.type(text);
};

/** Signs in with the keyboard in a browser context of its own. */
const signIn = async (browser: Browser, username: string): Promise<Page> => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/logga-in");
  await typeInto(page.getByLabel("Användarnamn", { exact: true }), username);
  await typeInto(page.getByLabel("Lösenord", { exact: true }), "demo");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Mina ärenden" })).toBeVisible();
  return page;
};

/** Writes a paragraph at the end of a statement section and waits until it is saved. */
const writeSection = async (page: Page, key: string, text: string): Promise<void> => {
  await tabTo(page.getByTestId(`editor-${key}`));
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
  // Saved when the editor loses focus.
  await page.keyboard.press("Tab");
  await expect(page.getByTestId(`status-${key}`)).toContainText("Sparat", { timeout: 30_000 });
};

test("register → statement → attestation → agenda and kallelse, with the keyboard only", async ({ browser }) => {
  test.setTimeout(300_000);
  const title = `Tangentbordstest ${Date.now()}`;

  // Registration, by the handläggare himself.
  const clas = await signIn(browser, "clas.cederlid");
  await clas.goto("/arenden/nytt");
  await typeInto(clas.getByLabel(/^Rubrik/), title);
  await tabTo(clas.getByLabel(/^Typ av ärende/));
  await chooseOption(clas.getByLabel(/^Typ av ärende/), /^Övrigt$/);
  await tabTo(clas.getByLabel(/^Avdelning/));
  await chooseOption(clas.getByLabel(/^Avdelning/), /^Avdelningen för samhälle och service$/);
  await tabTo(clas.getByLabel(/^Handläggare/));
  await chooseOption(clas.getByLabel(/^Handläggare/), /^Clas Cederlid$/);
  await typeInto(clas.getByLabel(/^Beskrivning/), `Inkommen skrivelse: ${title}`);
  await activate(clas.getByRole("button", { name: "Registrera ärendet" }));
  await expect(clas).toHaveURL(/\/arenden\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const caseUrl = new URL(clas.url()).pathname;

  // The statement: created from the template, the required sections written.
  await clas.goto(`${caseUrl}/tjansteutlatande`);
  await activate(clas.getByRole("button", { name: "Skapa tjänsteutlåtande" }));
  await expect(clas.getByTestId("editor-sammanfattning")).toBeVisible({ timeout: 30_000 });
  await writeSection(clas, "sammanfattning", "Förvaltningen föreslår att nämnden besvarar skrivelsen.");
  await writeSection(clas, "arendet", "Skrivelsen har inkommit till nämnden.");
  await writeSection(clas, "synpunkter", "Förvaltningen har inga invändningar.");

  await clas.goto(`${caseUrl}/attestering`);
  await activate(clas.getByRole("button", { name: "Skicka på attestering" }));
  await expect(clas.getByTestId("attestation-status")).toHaveText("På attestering", { timeout: 30_000 });

  // Attestation by avdelningschef and stadsdelsdirektör.
  for (const attester of ["linda.palo", "lee.orberson"]) {
    const page = await signIn(browser, attester);
    await page.goto(`${caseUrl}/attestering`);
    await activate(page.getByRole("button", { name: "Attestera" }));
    // The re-authentication window may pass on a slow machine: then the form asks for the password.
    const password = page.getByLabel("Bekräfta med ditt lösenord");
    await page.waitForLoadState("networkidle");
    if (await password.isVisible()) {
      await typeInto(password, "demo");
      await page.keyboard.press("Enter");
    }
    await expect(page.getByRole("heading", { name: "Din attestering" })).toBeHidden({ timeout: 30_000 });
    await page.context().close();
  }
  await clas.reload();
  await expect(clas.getByTestId("attestation-status")).toHaveText("Attesterad", { timeout: 30_000 });

  // The sekreterare plans a meeting, puts the case on its agenda and sends the kallelse.
  const secretary = await signIn(browser, "sekreterare");
  await secretary.goto("/sammantraden");
  const newMeeting = secretary.getByTestId("new-meeting-form");
  // The date field is typed as ÅÅÅÅ-MM-DD whatever the browser's locale: a year from today.
  const [year, month, day] = todayInStockholm().split("-");
  const nextYear = `${Number(year) + 1}-${month}-${day === "29" && month === "02" ? "28" : day}`;
  await typeInto(newMeeting.getByLabel(/^Datum/), nextYear);
  await typeInto(newMeeting.getByLabel(/^Plats/), "Sammanträdesrummet");
  await activate(newMeeting.getByRole("button", { name: "Planera sammanträde" }));
  await expect(secretary.getByRole("heading", { name: new RegExp(`^Sammanträde ${nextYear}`) })).toBeVisible({ timeout: 30_000 });

  const addCase = secretary.getByTestId("add-case-form");
  await tabTo(addCase.getByLabel("Attesterat ärende"));
  await chooseOption(addCase.getByLabel("Attesterat ärende"), new RegExp(title));
  await activate(addCase.getByRole("button", { name: "Lägg till ärendet" }));
  await expect(secretary.locator('[data-testid^="agenda-item-"]', { hasText: title })).toContainText("Förvaltningens förslag till beslut");

  await activate(secretary.getByRole("button", { name: "Publicera föredragningslistan och skicka kallelse" }));
  // The confirmation dialog opens with focus on "Avbryt"; the confirming button is before it.
  const dialog = secretary.getByRole("dialog", { name: "Publicera föredragningslistan och skicka kallelsen?" });
  await expect(dialog.getByRole("button", { name: "Avbryt" })).toBeFocused();
  await tabTo(dialog.getByRole("button", { name: "Publicera och skicka" }));
  await secretary.keyboard.press("Enter");
  await expect(secretary.getByTestId("meeting-status")).toHaveText("Kallat");
});
