// The public front door, as a visitor without an account uses it: from the login page to the
// public start page, on to each public page, and to the committees' meeting documents, where
// the justerade protokoll of a meeting with a confidential case is downloaded. The case's
// title (a canary) is in the protokoll the secretary downloads, and absent from the public
// copy, which shows what the public diarium shows: the dnr and "Sekretessmarkerat ärende".
// Before the justering the protokoll is not offered to the public at all.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { login } from "./support/auth";
import { createStatement, registerSimpleCase, writeSections } from "./support/cases";
import { confirmInDialog, decideEveryItem, nameChairAndChecker, planMeetingStartingSoon, saveFullAttendance, waitUntilMeetingHasStarted } from "./support/meetings";
import { statutoryLastDay } from "../../src/lib/swedish-holidays";
import { pdfToText } from "./support/pdf";
import { throughMunicipalityChoice } from "./support/public";

const SECRECY = "26 kap. 1 § OSL";
const CANARY = `KANARIEPROTOKOLL${randomBytes(5).toString("hex").toUpperCase()}`;
const COMMITTEE = "Hägersten-Älvsjö stadsdelsnämnd";

const signedIn = async (browser: Browser, username: string): Promise<Page> => {
  const page = await (await browser.newContext()).newPage();
  await login(page, username);
  return page;
};

/** The public list's entry of a meeting. */
const publicMeeting = (page: Page, heading: string) =>
  page.getByRole("region", { name: COMMITTEE }).getByTestId("public-meeting").filter({ has: page.getByRole("heading", { name: heading }) });

test("a visitor reaches the public pages from the login page, and the public protokoll masks a confidential case", async ({ browser }) => {
  test.setTimeout(600_000);
  const visitor = await (await browser.newContext()).newPage();

  // The front door: login page → public start page → each public page.
  await visitor.goto("/logga-in");
  await visitor.getByRole("navigation", { name: "Offentliga sidor" }).getByRole("link", { name: "Startsida för allmänheten" }).click();
  await throughMunicipalityChoice(visitor, "Nämndernas ärenden och handlingar");
  await expect(visitor).toHaveURL("/stockholm/offentligt");
  const main = visitor.getByRole("main");
  for (const [name, url, heading] of [
    ["Offentligt diarium", "/stockholm/offentligt-diarium", "Offentligt diarium"],
    ["Verifiera ett dokument", "/verifiera", "Verifiera ett attesterat dokument"],
    ["Tillgänglighetsredogörelse", "/tillganglighet", "Tillgänglighetsredogörelse för Yttra"],
    ["loggar in här", "/logga-in", "Logga in"],
    ["Anslagstavla", "/stockholm/anslagstavla", "Anslagstavla"],
    ["Nämndernas sammanträdeshandlingar", "/stockholm/offentligt/sammantraden", "Nämndernas sammanträdeshandlingar"],
  ] as const) {
    await visitor.goto("/stockholm/offentligt");
    await main.getByRole("link", { name }).click();
    await expect(visitor).toHaveURL(url);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
  // The demo's justerade protokoll of 2024 is there for anyone.
  await expect(publicMeeting(visitor, "Sammanträde 2024-04-25 kl. 18.00").getByRole("link", { name: "Justerat protokoll, PDF" })).toBeVisible();

  // A confidential case, registered, drafted and attested through the browser.
  const registrar = await signedIn(browser, "registrator");
  const caseId = await registerSimpleCase(registrar, `Placering i familjehem ${CANARY}`, { secrecyReference: SECRECY });
  const officer = await signedIn(browser, "clas.cederlid");
  await createStatement(officer, caseId);
  await writeSections(officer, ["sammanfattning", "arendet", "synpunkter"], "Förvaltningen föreslår att placeringen godkänns.");
  await officer.goto(`/arenden/${caseId}/attestering`);
  await officer.getByRole("button", { name: "Skicka på attestering" }).click();
  await expect(officer.getByTestId("attestation-status")).toHaveText("På attestering", { timeout: 30_000 });
  for (const username of ["linda.palo", "lee.orberson"]) {
    const attester = await signedIn(browser, username);
    await attester.goto(`/arenden/${caseId}/attestering`);
    await attester.getByRole("button", { name: "Attestera" }).click();
    // The re-authentication window may pass on a slow machine: then the form asks for the password.
    const password = attester.getByLabel("Bekräfta med ditt lösenord");
    await attester.waitForLoadState("networkidle");
    if (await password.isVisible()) {
      await password.fill("demo");
      await attester.getByRole("button", { name: "Attestera" }).click();
    }
    await expect(attester.getByRole("heading", { name: "Din attestering" })).toBeHidden({ timeout: 30_000 });
  }

  // On the agenda of a meeting, decided, and its minutes sent for justering.
  const secretary = await signedIn(browser, "sekreterare");
  const { date, time } = await planMeetingStartingSoon(secretary, "Sammanträdesrummet, Svandammsvägen 18");
  const meetingPath = new URL(secretary.url()).pathname;
  const addCase = secretary.getByTestId("add-case-form");
  await addCase.getByLabel("Attesterat ärende").selectOption((await addCase.locator("option", { hasText: CANARY }).getAttribute("value"))!);
  await addCase.getByRole("button", { name: "Lägg till ärendet" }).click();
  await expect(secretary.locator('[data-testid^="agenda-item-"]', { hasText: CANARY })).toBeVisible();
  await secretary.getByRole("button", { name: "Publicera föredragningslistan och skicka kallelse" }).click();
  await confirmInDialog(secretary, "Publicera och skicka");
  await expect(secretary.getByTestId("meeting-status")).toHaveText("Kallat");
  await waitUntilMeetingHasStarted(secretary);
  await nameChairAndChecker(secretary);
  await decideEveryItem(secretary);
  await expect(secretary.getByTestId("meeting-status")).toHaveText("Genomfört");
  await saveFullAttendance(secretary);
  await secretary.goto(`${meetingPath}/protokoll`);
  await secretary.getByRole("button", { name: "Skicka protokollet för justering" }).click();
  await confirmInDialog(secretary, "Skicka för justering");
  await expect(secretary.getByTestId("minutes-status")).toHaveText("Under justering");

  // Published but not justerat: the public sees the kallelse, not the protokoll.
  const heading = `Sammanträde ${date} kl. ${time}`;
  await visitor.reload();
  const meeting = publicMeeting(visitor, heading);
  await expect(meeting.getByRole("link", { name: "Kallelse och föredragningslista, PDF" })).toBeVisible();
  await expect(meeting).toContainText("Protokollet är inte justerat ännu.");
  await expect(meeting.getByRole("link", { name: /Justerat protokoll/ })).toHaveCount(0);

  for (const [username, name] of [
    ["ordforande", "Maria Lindqvist"],
    ["justerare", "Anders Berglund"],
  ] as const) {
    const approver = await signedIn(browser, username);
    await approver.goto(`${meetingPath}/protokoll`);
    const password = approver.getByTestId("approve-form").getByLabel("Lösenord");
    if (await password.isVisible()) await password.fill("demo");
    await approver.getByTestId("approve-form").getByRole("button", { name: "Justera protokollet" }).click();
    await expect(approver.getByTestId("justering-steps").getByRole("row", { name: new RegExp(name) })).toContainText("Justerat");
  }

  // Justerat: the visitor downloads the public protokoll.
  await visitor.reload();
  const link = meeting.getByRole("link", { name: "Justerat protokoll, PDF" });
  const [download] = await Promise.all([visitor.waitForEvent("download"), link.click()]);
  const publicText = pdfToText(readFileSync((await download.path())!)).replace(/\s+/g, " ");
  expect(publicText).not.toContain(CANARY);
  expect(publicText).toContain("Sekretessmarkerat ärende");
  expect(publicText).toContain(`Sekretess enligt ${SECRECY}.`);
  expect(publicText).toContain("Protokollet har justerats digitalt av följande personer:");

  // The same protokoll as the secretary downloads it carries the title: the check above can fail.
  const minutesId = /\/api\/offentligt\/protokoll\/([0-9a-f-]{36})/.exec((await link.getAttribute("href"))!)![1]!;
  const internal = await secretary.request.get(`/api/export/minutes/${minutesId}?format=pdf`);
  expect(internal.status()).toBe(200);
  expect(pdfToText(await internal.body())).toContain(CANARY);

  // On the anslagstavla from today, the last day to appeal three weeks later, the case's title masked.
  await visitor.goto("/stockholm/anslagstavla");
  const posted = visitor.getByTestId("posted-minutes").filter({ has: visitor.locator(`a[href="/api/offentligt/protokoll/${minutesId}?format=pdf"]`) });
  await expect(posted.getByRole("heading", { level: 3 })).toHaveText(`Protokoll, ${COMMITTEE}, sammanträde ${date}`);
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
  const threeWeeksLater = new Date(`${today}T00:00:00Z`);
  threeWeeksLater.setUTCDate(threeWeeksLater.getUTCDate() + 21);
  // A last day on a weekend or holiday moves to the next working day, as the service dates it.
  const lastDay = statutoryLastDay(threeWeeksLater.toISOString().slice(0, 10));
  await expect(posted).toContainText(`Datum för anslag${today}`);
  await expect(posted).toContainText(`Sista dag att överklaga${lastDay}`);
  await expect(posted).toContainText("Sekretessmarkerat ärende");
  await expect(posted).not.toContainText(CANARY);
});
