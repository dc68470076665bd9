// Reflow (WCAG 1.4.10): every page is usable at 320 CSS px — a phone, or 200 % zoom on a
// small laptop — without scrolling the page sideways. Tables become stacked rows there,
// each cell labelled by its column header, so the description is on screen, not cut off.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { login } from "./support/auth";
import { DEMO_MEETING_2024_ID, DEMO_MEETING_PAGES } from "./support/demo";
import { createStatement, registerSimpleCase } from "./support/cases";

// Demo data (the seed): the reference case, answered at the meeting of 2024-04-25, its
// attested statement and verification code; "Trygga skolvägar" waits for Linda Palo's attestation.
const REFERENCE_CASE_ID = "00000000-0000-7000-8000-000000002001";
const SCHOOL_ROADS_CASE_ID = "00000000-0000-7000-8000-000000002005";
const DEMO_VERIFICATION_CODE = "DEMO-2024-0409";
const REFERENCE_TITLE = "Stoppa de öppna drogscenerna";


/** Opens `path` and asserts the page does not scroll sideways; names the elements that stick out. */
const expectReflows = async (page: Page, path: string): Promise<void> => {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const { scrollWidth, clientWidth, overflowing } = await page.evaluate(() => {
    const root = document.documentElement;
    // Innermost elements reaching past the right edge (their ancestors would be noise),
    // except those inside a scroll container of their own.
    const past = [...document.body.querySelectorAll<HTMLElement>("*")].filter((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= root.clientWidth + 0.5) return false;
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflowX = getComputedStyle(parent).overflowX;
        if (overflowX === "auto" || overflowX === "scroll" || overflowX === "hidden") return false;
      }
      return true;
    });
    const innermost = past.filter((element) => !past.some((other) => other !== element && element.contains(other)));
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      overflowing: innermost.slice(0, 5).map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">${(element.textContent ?? "").slice(0, 40)}`),
    };
  });
  // Soft: one run names every page that does not reflow, not just the first.
  expect.soft(scrollWidth, `${path} scrolls sideways: ${overflowing.join(" | ")}`).toBeLessThanOrEqual(clientWidth);
};

/** The element lies within the viewport's width (not cut off or scrolled away to the side). */
const expectOnScreen = async (locator: Locator): Promise<void> => {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x, "left edge").toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, "right edge").toBeLessThanOrEqual(locator.page().viewportSize()!.width);
};

/** A table cell, shown on screen and labelled by its column header (the stacked layout). */
const expectLabelledCell = async (cell: Locator, columnHeader: string): Promise<void> => {
  await expectOnScreen(cell);
  const label = await cell.evaluate((element) => getComputedStyle(element, "::before").content);
  expect(label).toBe(`"${columnHeader}"`);
};

/** The cell of `table` in the row containing `rowText`, under the column `columnHeader`. */
const cellOf = async (table: Locator, rowText: string, columnHeader: string): Promise<Locator> => {
  const headers = await table.locator("thead th").allTextContents();
  const index = headers.indexOf(columnHeader);
  expect(index, `column ${columnHeader} in ${headers.join(", ")}`).toBeGreaterThanOrEqual(0);
  return table.locator("tbody tr").filter({ hasText: rowText }).first().locator(":scope > th, :scope > td").nth(index);
};

test.describe("at 320 px", () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test("the public pages reflow, and the public diarium shows each document's description", async ({ page }) => {
    // Nine pages, each loaded and measured: more than the default bound on a loaded runner.
    test.setTimeout(60_000);
    for (const path of ["/logga-in", "/verifiera", `/verifiera/${DEMO_VERIFICATION_CODE}`, "/tillganglighet", "/stockholm/offentligt", "/stockholm/offentligt/sammantraden", "/stockholm/anslagstavla", "/stockholm/anslagstavla/arkiv", "/stockholm/offentligt-diarium"]) {
      await expectReflows(page, path);
    }
    // The last page visited is the public diarium.
    const table = page.getByRole("table", { name: "Registrerade handlingar, senast registrerade först" });
    const description = await cellOf(table, `Remissunderlag Motion ${REFERENCE_TITLE}`, "Beskrivning");
    await expect(description).toContainText(`Remissunderlag Motion ${REFERENCE_TITLE}`);
    await expectLabelledCell(description, "Beskrivning");
    await expectLabelledCell(await cellOf(table, `Remissunderlag Motion ${REFERENCE_TITLE}`, "Diarienummer"), "Diarienummer");
  });

  test("the main navigation collapses behind a disclosure button that opens it", async ({ page }) => {
    await login(page, "clas.cederlid");
    const menu = page.getByRole("button", { name: "Meny" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    const navigation = page.getByRole("navigation", { name: "Huvudmeny" });
    await expect(navigation.getByRole("link", { name: "Diarium" })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expectOnScreen(navigation.getByRole("link", { name: "Diarium" }));
    // Escape closes it and returns focus to the button.
    await navigation.getByRole("link", { name: "Diarium" }).focus();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    // Following a link closes it on the next page.
    await menu.click();
    await navigation.getByRole("link", { name: "Diarium" }).click();
    await expect(page.getByRole("heading", { name: "Diarium", level: 1 })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });

  test("the handläggare's pages reflow: start, diarium, case, statement editor and its history", async ({ page }) => {
    test.setTimeout(120_000);
    await login(page, "clas.cederlid");

    for (const path of ["/", "/bevakning", "/arenden/nytt", `/arenden/${REFERENCE_CASE_ID}`, `/arenden/${REFERENCE_CASE_ID}/handelser`]) {
      await expectReflows(page, path);
    }
    await expectReflows(page, "/diarium");
    const diarium = page.getByRole("table", { name: "Ärenden i diariet" });
    await expectLabelledCell(await cellOf(diarium, REFERENCE_TITLE, "Rubrik"), "Rubrik");

    await expectReflows(page, `/arenden/${REFERENCE_CASE_ID}/tjansteutlatande`);
    await expectReflows(page, `/arenden/${REFERENCE_CASE_ID}/tjansteutlatande/forhandsgranska`);
    await expectReflows(page, `/arenden/${REFERENCE_CASE_ID}/tjansteutlatande/historik`);

    // A new case and its statement editor, written at 320 px.
    const title = `Mobil ${Date.now().toString(36)}`;
    const caseId = await registerSimpleCase(page, title);
    await expectReflows(page, `/arenden/${caseId}`);
    const documents = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Beskrivning" }) });
    await expectLabelledCell(await cellOf(documents, `Inkommen skrivelse: ${title}`, "Beskrivning"), "Beskrivning");
    await createStatement(page, caseId);
    await expectReflows(page, `/arenden/${caseId}/tjansteutlatande`);
    await expectOnScreen(page.getByTestId("editor-sammanfattning"));

    await expectReflows(page, "/");
    const myCases = page.getByRole("table").filter({ hasText: title });
    await expectLabelledCell(await cellOf(myCases, title, "Rubrik"), "Rubrik");
  });

  test("the avdelningschef's attestation inbox and attestation page reflow", async ({ page }) => {
    await login(page, "linda.palo");
    await expectReflows(page, "/attestera");
    await expectReflows(page, `/arenden/${SCHOOL_ROADS_CASE_ID}/attestering`);
  });

  test("the nämndsekreterare's meeting pages reflow", async ({ page }) => {
    await login(page, "sekreterare");
    for (const path of [
      "/sammantraden",
      ...DEMO_MEETING_PAGES,
    ]) {
      await expectReflows(page, path);
    }
  });

  test("the administrator's pages reflow", async ({ page }) => {
    // Nine pages, each laid out and measured at 320 px.
    test.setTimeout(90_000);
    await login(page, "admin");
    for (const path of ["/admin", "/admin/organisation", "/admin/diarieserier", "/admin/klassning", "/admin/mallar", "/admin/mallar/yttrande-remiss", "/admin/utkorg"]) {
      await expectReflows(page, path);
    }
    await expectReflows(page, "/admin/anvandare");
    const users = page.getByRole("table").filter({ hasText: "Clas Cederlid" });
    await expectLabelledCell(await cellOf(users, "Clas Cederlid", "Namn"), "Namn");
    await users.getByRole("link", { name: "Clas Cederlid" }).click();
    await expect(page).toHaveURL(/\/admin\/anvandare\/[0-9a-f-]{36}$/);
    await expectReflows(page, new URL(page.url()).pathname);
  });
});

test.describe("at 200 % zoom (640 px on a 1280 px screen)", () => {
  test.use({ viewport: { width: 640, height: 800 } });

  test("the diarium, the public diarium and a meeting page reflow with their tables stacked", async ({ page }) => {
    await expectReflows(page, "/stockholm/offentligt-diarium");
    const publicTable = page.getByRole("table", { name: "Registrerade handlingar, senast registrerade först" });
    await expectLabelledCell(await cellOf(publicTable, `Remissunderlag Motion ${REFERENCE_TITLE}`, "Beskrivning"), "Beskrivning");
    await login(page, "sekreterare");
    await expectReflows(page, "/diarium");
    await expectLabelledCell(await cellOf(page.getByRole("table", { name: "Ärenden i diariet" }), REFERENCE_TITLE, "Rubrik"), "Rubrik");
    await expectReflows(page, `/sammantraden/${DEMO_MEETING_2024_ID}`);
    await expectReflows(page, `/sammantraden/${DEMO_MEETING_2024_ID}/protokoll`);
  });
});
