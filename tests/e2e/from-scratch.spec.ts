// A municipality sets itself up from scratch, in the browser only (issue 13's first
// acceptance test). Runs in the "from-scratch" project against an installation that has
// nothing but its installation administrator (playwright.config.ts): the installation
// administrator creates Provstad kommun; its administrator builds KF, KS and a nämnd with
// their own kansli, KLASSA classes, two number series (one class-first with a two-digit
// year), the users and the nämnd's members (CSV); each new user, the administrator first,
// replaces the password given at the first login with their own; the registrator registers a motion raised
// in KF and a remiss in the nämnd with a medhandläggare; both handläggare write, the
// avdelningschef and the director attest; the sekreterare holds the meeting, the ordförande
// and the justerare justera, and the protokollsutdrag is downloaded as PDF.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { firstLogin, login } from "./support/auth";
import { attestOnPage, createStatement, field, writeSections } from "./support/cases";
import { confirmInDialog, decideEveryItem, nameChairAndChecker, planMeetingStartingSoon, saveFullAttendance, todayInStockholm, waitUntilMeetingHasStarted } from "./support/meetings";
import { pdfToText } from "./support/pdf";
import { SCRATCH_INSTALLATION_ADMIN } from "./support/scratch";

const PASSWORD = "ett-långt-provstad-lösenord";
const year = Number(todayInStockholm().slice(0, 4));
const yy = String(year % 100).padStart(2, "0");

const KF = { name: "Kommunfullmäktige", shortName: "KF", kind: "Kommunfullmäktige" };
const KS = { name: "Kommunstyrelsen", shortName: "KS", kind: "Kommunstyrelse" };
const MN = { name: "Miljönämnden", shortName: "MN", kind: "Nämnd" };
const MINUTES_KEPT_AT = "Provstads stadshus, registraturen";
const KF_DEPARTMENT = "Avdelning: Kansliet (Kommunfullmäktiges kansli)";
const MN_DEPARTMENT = "Avdelning: Kansliet (Miljönämndens kansli)";

const USERS = {
  registrator: { username: "rut.registrator", name: "Rut Registrator", role: "Registrator", unit: "Kommun: Provstad kommun" },
  kfOfficer: { username: "kalle.kansli", name: "Kalle Kansli", role: "Handläggare", unit: KF_DEPARTMENT },
  officer: { username: "hanna.handlaggare", name: "Hanna Handläggare", role: "Handläggare", unit: MN_DEPARTMENT },
  coOfficer: { username: "mats.medhandlaggare", name: "Mats Medhandläggare", role: "Handläggare", unit: MN_DEPARTMENT },
  head: { username: "anna.avdelningschef", name: "Anna Avdelningschef", role: "Avdelningschef", unit: MN_DEPARTMENT },
  director: { username: "dan.direktor", name: "Dan Direktör", role: "Stadsdelsdirektör", unit: "Förvaltning: Miljönämndens kansli" },
  secretary: { username: "sara.sekreterare", name: "Sara Sekreterare", role: "Nämndsekreterare", unit: `Nämnd: ${MN.name}` },
  chair: { username: "olle.ordforande", name: "Olle Ordförande", role: "Ordförande", unit: `Nämnd: ${MN.name}` },
  checker: { username: "jenny.justerare", name: "Jenny Justerare", role: "Justerare", unit: `Nämnd: ${MN.name}` },
} as const;

/** The password the administrator gives each new user; each replaces it with PASSWORD at the first login. */
const GIVEN_PASSWORD = "ett-givet-provstad-lösenord";
/** Users' own passwords: the installation administrator's (scripts/user-create.ts), and PASSWORD of those who chose it. */
const ownPasswords = new Map<string, string>([[SCRATCH_INSTALLATION_ADMIN.username, SCRATCH_INSTALLATION_ADMIN.password]]);

/**
 * Signs in as `username` in a fresh browser context; the page is closed with its context. A user
 * an administrator created chooses their own password (PASSWORD) at the first login, from `given`.
 */
const signIn = async (browser: Browser, username: string, given = GIVEN_PASSWORD): Promise<Page> => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const own = ownPasswords.get(username);
  if (own) {
    await login(page, username, own);
  } else {
    await firstLogin(page, username, given, PASSWORD);
    ownPasswords.set(username, PASSWORD);
  }
  return page;
};

const done = async (page: Page) => page.context().close();

test("a municipality set up from scratch in the browser takes a remiss through to a justerat protokollsutdrag", async ({ browser }) => {
  test.setTimeout(600_000);

  // 1. The installation administrator creates the municipality and its first administrator.
  const installation = await signIn(browser, SCRATCH_INSTALLATION_ADMIN.username);
  await installation.goto("/admin/kommuner");
  const newMunicipality = installation.getByRole("region", { name: "Ny kommun" });
  await newMunicipality.getByLabel(/^Kommunens namn/).fill("Provstad kommun");
  await newMunicipality.getByLabel(/^Kortnamn i webbadresser/).fill("provstad");
  await newMunicipality.getByLabel(/^Användarnamn/).fill("petra.admin");
  await newMunicipality.getByLabel(/^Namn/).fill("Petra Admin");
  await newMunicipality.getByLabel(/^E-post/).fill("petra.admin@provstad.example");
  await newMunicipality.getByRole("button", { name: "Skapa kommun" }).click();
  await expect(newMunicipality.getByRole("status")).toContainText("Provstad kommun är skapad");
  const oneTimePassword = (await newMunicipality.getByTestId("one-time-password").textContent())!.trim();
  await done(installation);

  // 2. Its administrator: KLASSA classes, committees with their own kansli, series, users, members.
  const admin = await signIn(browser, "petra.admin", oneTimePassword);
  await admin.goto("/admin/klassning");
  const newClass = admin.getByRole("region", { name: "Ny klass" });
  for (const [code, title] of [
    ["1.1.2", "Motioner"],
    ["1.5.1", "Yttranden över remisser"],
  ] as const) {
    await field(admin, "Kod").fill(code);
    await field(admin, "Rubrik").fill(title);
    await newClass.getByRole("button", { name: "Lägg till klass" }).click();
    await expect(admin.getByLabel(`Rubrik för ${code}`)).toHaveValue(title);
  }

  await admin.goto("/admin/organisation");
  const newCommittee = admin.getByRole("region", { name: "Ny nämnd" });
  for (const committee of [KF, KS, MN]) {
    await newCommittee.getByLabel(/^Namn/).fill(committee.name);
    await newCommittee.getByLabel(/^Förkortning/).fill(committee.shortName);
    await newCommittee.getByLabel(/^Typ/).selectOption({ label: committee.kind });
    await newCommittee.getByLabel(/^Bereds av/).selectOption({ value: "OWN_KANSLI" });
    await newCommittee.getByRole("button", { name: "Lägg till nämnd" }).click();
    await expect(newCommittee.getByRole("status")).toHaveText("Nämnden är tillagd.");
    await expect(admin.getByRole("rowheader", { name: new RegExp(`^${committee.name}`) }).first()).toBeVisible();
  }

  await admin.goto("/admin/diarieserier");
  const newSeries = admin.getByRole("region", { name: "Ny diarieserie" });
  await newSeries.getByLabel(/^Nämnd/).selectOption({ label: `${KF.name} (${KF.shortName})` });
  await newSeries.getByLabel(/^Namn/).fill("Fullmäktiges diarium");
  await newSeries.getByLabel(/^Prefix/).fill("KF");
  await newSeries.getByRole("button", { name: "Skapa diarieserie" }).click();
  await expect(admin.getByRole("region", { name: KF.name }).getByTestId("series-next")).toContainText(`KF ${year}/1`);
  await newSeries.getByLabel(/^Nämnd/).selectOption({ label: `${MN.name} (${MN.shortName})` });
  await newSeries.getByLabel(/^Namn/).fill("Miljönämndens diarium");
  await newSeries.getByLabel(/^Prefix/).fill("");
  await newSeries.getByLabel(/^Format/).fill("{class}-{yy}/{seq}");
  await newSeries.getByRole("button", { name: "Skapa diarieserie" }).click();
  await expect(admin.getByRole("region", { name: MN.name }).getByTestId("series-next")).toContainText(`-${yy}/1`);

  for (const user of Object.values(USERS)) {
    await admin.goto("/admin/anvandare");
    const newUser = admin.getByRole("region", { name: "Ny användare" });
    await newUser.getByLabel(/^Användarnamn/).fill(user.username);
    await newUser.getByLabel(/^Namn/).fill(user.name);
    await newUser.getByLabel(/^Lösenord/).fill(GIVEN_PASSWORD);
    await newUser.getByLabel(/^Roll/).selectOption({ label: user.role });
    await newUser.getByLabel(/^Enhet/).selectOption({ label: user.unit });
    await newUser.getByRole("button", { name: "Skapa användare" }).click();
    await expect(newUser.getByRole("status")).toContainText(`Användaren ${user.username} är skapad.`);
  }
  // The list finds a user by a part of the name (it shows 50 at a time; a city has thousands).
  const search = admin.getByRole("search", { name: "Sök användare" });
  await search.getByLabel(/^Sök användare/).fill("justerare");
  await search.getByRole("button", { name: "Sök" }).click();
  const found = admin.getByRole("table", { name: /användare matchar ”justerare”/ });
  await expect(found.getByRole("rowheader")).toHaveText([USERS.checker.name]);

  // The nämnd's meetings are open to the public, and its protokoll kept at the registry: both go on the anslagstavla.
  await admin.goto("/admin/organisation");
  const editMN = admin.getByRole("form", { name: `Ändra ${MN.name}` });
  await editMN.getByLabel(/^Förvaringsplats för protokoll/).fill(MINUTES_KEPT_AT);
  await editMN.getByLabel(/^Offentliga sammanträden/).check();
  await editMN.getByRole("button", { name: "Spara" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Sparat." })).toBeVisible();

  // The nämnd's members for this term, the ordförande and a ledamot linked to their logins.
  await admin.goto("/admin/organisation");
  await admin.getByRole("link", { name: `Ledamöter i ${MN.name}` }).click();
  const importRegion = admin.getByRole("region", { name: "Importera en ny mandatperiod (CSV)" });
  const term = `${year - 1}-01-01;${year + 2}-12-31`;
  const csv = [
    "namn;parti;roll;från;till;e-post;telefon;användarnamn",
    `${USERS.chair.name};S;ordförande;${term};olle@provstad.example;;${USERS.chair.username}`,
    `Vera Vice;M;vice ordförande;${term};;;`,
    `${USERS.checker.name};C;ledamot;${term};;;${USERS.checker.username}`,
    `Lars Ledamot;V;ledamot;${term};;;`,
    `Eva Ersättare;L;ersättare;${term};;;`,
  ].join("\n");
  await importRegion.getByLabel("CSV-fil").setInputFiles({ name: "ledamoter.csv", mimeType: "text/csv", buffer: Buffer.from(`${csv}\n`, "utf8") });
  await importRegion.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(importRegion.getByText("5 rader kan importeras.")).toBeVisible();
  await importRegion.getByRole("button", { name: "Importera 5 ledamöter och ersättare" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "5 ledamöter och ersättare är importerade." })).toBeVisible();
  await done(admin);

  // 3. The registrator: a motion raised in KF (no motionär yet) and a remiss in the nämnd.
  const registrar = await signIn(browser, USERS.registrator.username);
  const today = todayInStockholm();
  await registrar.goto("/arenden/nytt");
  await field(registrar, "Rubrik").fill("Motion om fler cykelbanor");
  await field(registrar, "Typ av ärende").selectOption("MOTION");
  await field(registrar, "Nämnd").selectOption({ label: KF.name });
  await field(registrar, "Avdelning").selectOption({ label: "Kansliet" });
  await field(registrar, "Handläggare").selectOption({ label: USERS.kfOfficer.name });
  await field(registrar, "Klassificering (KLASSA)").selectOption({ label: "1.1.2 Motioner" });
  await field(registrar, "Väckt i kommunfullmäktige").fill(today);
  await field(registrar, "Motionens rubrik").fill("Motion om fler cykelbanor");
  await field(registrar, "Beskrivning").fill("Motionen väckt i kommunfullmäktige");
  await registrar.getByRole("button", { name: "Registrera ärendet" }).click();
  await expect(registrar).toHaveURL(/\/arenden\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(registrar.getByTestId("case-number")).toHaveText(`KF ${year}/1`);
  await expect(registrar.getByRole("main")).toContainText(/komplettera/i);

  const title = "Remiss om regional avfallsplan";
  await registrar.goto("/arenden/nytt");
  await field(registrar, "Rubrik").fill(title);
  await field(registrar, "Typ av ärende").selectOption("AGENCY_REFERRAL");
  await field(registrar, "Remittent").fill("Länsstyrelsen i Provlän");
  await field(registrar, "Avsändarens diarienummer").fill("LST 512-2026");
  await field(registrar, "Remisstid").fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await field(registrar, "Nämnd").selectOption({ label: MN.name });
  await field(registrar, "Avdelning").selectOption({ label: "Kansliet" });
  await field(registrar, "Handläggare").selectOption({ label: USERS.officer.name });
  await field(registrar, "Klassificering (KLASSA)").selectOption({ label: "1.5.1 Yttranden över remisser" });
  await field(registrar, "Beskrivning").fill("Remissunderlag regional avfallsplan");
  await registrar.getByRole("button", { name: "Registrera ärendet" }).click();
  await expect(registrar).toHaveURL(/\/arenden\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(registrar.getByTestId("case-number")).toHaveText(`1.5.1-${yy}/1`);
  const caseId = /\/arenden\/([0-9a-f-]{36})/.exec(registrar.url())![1]!;
  // The second handläggare: added by whoever may change the handläggare.
  await field(registrar, "Ny medhandläggare").selectOption({ label: USERS.coOfficer.name });
  await registrar.getByRole("region", { name: "Medhandläggare" }).getByRole("button", { name: "Lägg till medhandläggare" }).click();
  await expect(registrar.getByTestId("co-officers")).toContainText(USERS.coOfficer.name);
  await done(registrar);

  // 4. Both handläggare write; the responsible one sends it for attestation.
  const officer = await signIn(browser, USERS.officer.username);
  await createStatement(officer, caseId);
  await writeSections(officer, ["sammanfattning", "arendet"], "Miljönämnden ställer sig bakom planens inriktning.");
  const coOfficer = await signIn(browser, USERS.coOfficer.username);
  await coOfficer.goto(`/arenden/${caseId}/tjansteutlatande`);
  await expect(coOfficer.getByTestId("section-header")).toContainText(USERS.officer.name);
  await expect(coOfficer.getByTestId("section-header")).toContainText(USERS.coOfficer.name);
  await writeSections(coOfficer, ["synpunkter"], "Insamlingen av matavfall bör byggas ut i hela kommunen.");
  await done(coOfficer);
  await officer.goto(`/arenden/${caseId}/attestering`);
  await officer.getByRole("button", { name: "Skicka på attestering" }).click();
  await expect(officer.getByTestId("attestation-status")).toHaveText("På attestering", { timeout: 30_000 });
  await done(officer);

  for (const attester of [USERS.head, USERS.director]) {
    const page = await signIn(browser, attester.username);
    await page.goto(`/arenden/${caseId}/attestering`);
    await attestOnPage(page, PASSWORD);
    await expect(page.getByRole("heading", { name: "Din attestering" })).toBeHidden({ timeout: 30_000 });
    if (attester === USERS.director) await expect(page.getByTestId("attestation-status")).toHaveText("Attesterad", { timeout: 30_000 });
    await done(page);
  }

  // 5. The sekreterare: agenda, kallelse, decision, attendance, minutes.
  const secretary = await signIn(browser, USERS.secretary.username);
  await planMeetingStartingSoon(secretary, "Stadshuset, Sammanträdesrummet");
  const addCase = secretary.getByTestId("add-case-form");
  const caseValue = await addCase.locator("option", { hasText: title }).getAttribute("value");
  await addCase.getByLabel("Attesterat ärende").selectOption(caseValue!);
  await addCase.getByRole("button", { name: "Lägg till ärendet" }).click();
  const item = secretary.locator('[data-testid^="agenda-item-"]', { hasText: title });
  await expect(item).toBeVisible();
  const position = Number((await item.getAttribute("data-testid"))!.replace("agenda-item-", ""));
  await secretary.getByRole("button", { name: "Publicera föredragningslistan och skicka kallelse" }).click();
  await confirmInDialog(secretary, "Publicera och skicka");
  await expect(secretary.getByTestId("meeting-status")).toHaveText("Kallat");
  // Kungjort on the municipality's anslagstavla, seen without login.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/provstad/anslagstavla");
  await expect(visitor.getByTestId("meeting-notice").filter({ hasText: MN.name })).toContainText(title);
  await waitUntilMeetingHasStarted(secretary);
  // The committee was created with the standard opening items: they come first on the agenda.
  await expect(secretary.getByTestId("agenda-item-1")).toContainText("Upprop");
  await expect(secretary.getByTestId("agenda-item-2")).toContainText("Val av justerare och tid för justering");
  await expect(secretary.getByTestId("agenda-item-3")).toContainText("Godkännande av dagordningen");
  // Ordförande and justerare named at the start (val av justerare names the justerare), then every item in order.
  await nameChairAndChecker(secretary, { chair: USERS.chair.name, checker: USERS.checker.name });
  await decideEveryItem(secretary);
  await expect(secretary.getByTestId("decision-2")).toContainText(`att utse ${USERS.checker.name}`);
  await expect(secretary.getByTestId(`decision-${position}`)).toContainText("Bifall");
  // "§ 1/2026 – Bifall …" and the decision's first point: to find again in the extract.
  const decision = secretary.getByTestId(`decision-${position}`);
  const [, paragraphNumber] = /^§ (\d+)\/\d+ – /m.exec(await decision.innerText())!;
  const decisionPoint = (await decision.locator("li").first().innerText()).trim();
  await saveFullAttendance(secretary);
  const meetingUrl = new URL(secretary.url()).pathname;
  await secretary.goto(`${meetingUrl}/protokoll`);
  await secretary.getByRole("button", { name: "Skicka protokollet för justering" }).click();
  await confirmInDialog(secretary, "Skicka för justering");
  await expect(secretary.getByTestId("minutes-status")).toHaveText("Under justering");

  // 6. The ordförande and the justerare justera.
  for (const signer of [USERS.chair, USERS.checker]) {
    const page = await signIn(browser, signer.username);
    await page.goto(`${meetingUrl}/protokoll`);
    const approve = page.getByTestId("approve-form");
    const password = approve.getByLabel("Lösenord");
    if (await password.isVisible()) await password.fill(PASSWORD);
    await approve.getByRole("button", { name: "Justera protokollet" }).click();
    await expect(page.getByTestId("justering-steps").getByRole("row", { name: new RegExp(signer.name) })).toContainText("Justerat");
    await done(page);
  }

  // 7. The protokollsutdrag, downloaded as PDF: the § and the decision.
  await secretary.reload();
  await expect(secretary.getByTestId("minutes-posted")).toContainText("Anslaget");
  await secretary.getByRole("link", { name: `Protokollsutdrag § ${paragraphNumber}`, exact: true }).click();
  await expect(secretary.getByRole("heading", { name: /Protokollsutdrag §/ })).toBeVisible();
  const pdf = await secretary.request.get(await secretary.getByTestId("export-extract").getByRole("link", { name: "Ladda ner PDF" }).getAttribute("href").then((href) => href!));
  expect(pdf.status()).toBe(200);
  const text = pdfToText(await pdf.body());
  expect(text).toContain(`§ ${paragraphNumber}`);
  expect(text).toContain(title);
  // pdftotext breaks long lines: compared with whitespace collapsed.
  expect(text.replace(/\s+/g, " ")).toContain(decisionPoint.replace(/\s+/g, " "));
  expect(text).toContain(MN.name);
  await done(secretary);

  // 8. The justerade protokoll on the anslagstavla: anslag, the last day to appeal, where it is kept.
  await visitor.reload();
  const posted = visitor.getByTestId("posted-minutes").filter({ hasText: MN.name });
  await expect(posted).toContainText("Sista dag att överklaga");
  await expect(posted).toContainText(MINUTES_KEPT_AT);
  await expect(posted).toContainText(`§ ${paragraphNumber}`);
  await done(visitor);
});
