// GET /api/export/{agenda,minutes,extract}/{id}: the meeting documents as a committee
// secretary downloads them — the demo meeting of 2024-04-25 with its justerade minutes,
// a meeting of our own with att-satser, a vote and a reservation whose minutes are still a
// draft, and one justerad here through the real minutes service. Read back as a reader, a
// screen reader and an archive would (pdftotext, pdffonts, the XMP, word/document.xml).
// The session is replaced by a chosen actor; everything behind it is real.
import { afterEach, describe, expect, it, vi } from "vitest";
import { minutesToDocument } from "@/features/exports/meeting-documents";
import { renderDocx } from "@/features/exports/render/docx";
import { renderPdf } from "@/features/exports/render/pdf";
import { AttestationMismatchError } from "@/features/exports/statement-document";
import { addOtherAgendaItem } from "@/features/meetings/server/agenda-service";
import { addStatementOfOpinion, recordDecision } from "@/features/meetings/server/decision-service";
import { setAttendance } from "@/features/meetings/server/meeting-service";
import { approveMinutes, saveMinutes, sendMinutesForApproval } from "@/features/meetings/server/minutes-service";
import { loadActor, type Actor } from "@/server/auth/actor";
import { seedDemoInstallation } from "../../scripts/seed/demo";
import { REFERENCE_CASE_ID } from "../../scripts/seed/demo-cases";
import { DEMO_MEETING_2024_ID, DEMO_MEETING_PLANNED_ID } from "../../scripts/seed/demo-meetings";
import { createTestDatabase } from "../support/database";
import { docxPart, docxParagraphs, parsePgm, pdfFonts, pdfPages, pdfText, positionsInOrder } from "../fixtures/exports/inspect";
import { downloader, flatText, type MeetingExportKind } from "../fixtures/exports/meeting-downloads";
import { REFERENCE_MINUTES, referenceVerificationUrl } from "../fixtures/exports/reference-minutes";
import { planMeeting, sendKallelse } from "./meetings-fixtures";
import { formatDate } from "@/lib/dates";
import { ZAddOpinionSchema, ZAddOtherAgendaItemSchema, ZAttendanceSchema, ZRecordDecisionSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth", () => ({ getActor: async () => session.actor }));

const { db } = await createTestDatabase();
await seedDemoInstallation({ nodeEnv: "test", force: false });

const actorFor = async (username: string): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  // Logged in just now: justering asks for no password.
  return (await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) }))!;
};

// Another committee's registrar: reads Södermalm's meetings, not Hägersten-Älvsjö's.
const sosUser = await db.user.create({ data: { username: "sos.registrator", name: "SÖS registrator" } });
await db.membership.create({ data: { userId: sosUser.id, role: "REGISTRAR", committeeId: "sos" } });

const download = downloader(session);

/** The bytes of a successful download (fails the test with the server's message otherwise). */
const fetchFile = async (kind: MeetingExportKind, id: string, format: "pdf" | "docx", username = "sekreterare"): Promise<Buffer> => {
  const { response, bytes } = await download(kind, id, await actorFor(username), `format=${format}`);
  expect(response.status, bytes.toString("utf8").slice(0, 200)).toBe(200);
  return bytes;
};

afterEach(() => {
  session.actor = null;
});

/** The file name a browser saves (the UTF-8 form of Content-Disposition). */
const savedName = (response: Response): string => decodeURIComponent((response.headers.get("content-disposition") ?? "").split("filename*=UTF-8''")[1] ?? "");
const docxText = (docx: Buffer): string => docxParagraphs(docxPart(docx, "word/document.xml")).join("\n");
/** Paragraph texts by Word style ("Heading1", "Heading2" …). */
const docxStyled = (docx: Buffer, style: string): string[] =>
  [...docxPart(docx, "word/document.xml").matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g)]
    .filter((match) => match[0].includes(`<w:pStyle w:val="${style}"/>`))
    .map((match) => docxParagraphs(match[0])[0]!);

const expectNoDocument = (bytes: Buffer) => {
  expect(bytes.subarray(0, 4).toString("latin1")).not.toBe("%PDF");
  expect(bytes.subarray(0, 2).toString("latin1")).not.toBe("PK");
};

/** The flat grey of the diagonal UTKAST (#e3e3e3 = 227) covers over 1 % of every page of a draft. */
const watermarkShares = (pdf: Buffer): number[] =>
  pdfPages(pdf, 50)
    .map(parsePgm)
    .map((page) => page.pixels.filter((value) => value === 227).length / page.pixels.length);

const expectPdfA = (pdf: Buffer) => {
  expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
  const raw = pdf.toString("latin1");
  expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
  expect(raw).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
  expect(raw).toMatch(/\/Lang \(sv-SE\)/);
  expect(raw).not.toMatch(/\/JavaScript\b|\/JS\b/);
  const fonts = pdfFonts(pdf)
    .split("\n")
    .slice(2)
    .filter((line) => line.trim() !== "");
  expect(fonts.length).toBeGreaterThanOrEqual(2);
  // name type encoding emb sub uni: every font embedded (and subsetted, with a ToUnicode map).
  for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
};

const expectPageNumbers = (text: string) => {
  const pages = text.split("\f").filter((page) => page.trim() !== "");
  expect(pages.length).toBeGreaterThanOrEqual(1);
  pages.forEach((page, index) => expect(page).toContain(`Sida ${index + 1} (${pages.length})`));
};

/** A PDF/A with "Sida n (N)" on its pages, as flat text. */
const checkedPdfText = (pdf: Buffer): string => {
  expectPdfA(pdf);
  const raw = pdfText(pdf);
  expectPageNumbers(raw);
  return flatText(raw);
};

// ─── The demo meeting of 2024-04-25: agenda, justerade minutes, extract of § 5 ─────

const demoMinutes = await db.minutes.findUniqueOrThrow({ where: { meetingId: DEMO_MEETING_2024_ID } });
const demoDecision = await db.decision.findFirstOrThrow({ where: { agendaItem: { caseId: REFERENCE_CASE_ID } } });
const referenceCase = await db.case.findUniqueOrThrow({ where: { id: REFERENCE_CASE_ID } });
const demoRequest = await db.attestationRequest.findFirstOrThrow({ where: { subjectType: "MINUTES", subjectId: demoMinutes.id } });

describe("föredragningslista of the demo meeting", () => {
  it("is a PDF/A kallelse with committee, date, time, place, the standard opening items and the numbered items with dnr and handläggare", async () => {
    const pdf = await fetchFile("agenda", DEMO_MEETING_2024_ID, "pdf");
    const text = checkedPdfText(pdf);
    expect(
      positionsInOrder(text, [
        "Hägersten-Älvsjö stadsdelsnämnd",
        "Kallelse",
        "Tid: torsdag 2024-04-25 kl. 18.00",
        "Plats: Hägersten-Älvsjö stadsdelsförvaltning",
        "Föredragningslista",
        "1. Upprop",
        "2. Val av justerare och tid för justering",
        "3. Godkännande av dagordningen",
        "4. Anmälan av delegationsbeslut",
        `5. ${referenceCase.title}`,
        `Dnr ${referenceCase.caseNumber}`,
        "Handläggare: Clas Cederlid",
        "Förvaltningens förslag till beslut",
        "Hägersten-Älvsjö stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande",
        "6. Stadsdelsdirektörens information",
      ]),
      text,
    ).not.toContain(-1);
    // Published with the kallelse: final, not a draft.
    for (const share of watermarkShares(pdf)) expect(share).toBeLessThan(0.002);
  });

  it("is a DOCX with Word headings, the same texts and no watermark", async () => {
    const docx = await fetchFile("agenda", DEMO_MEETING_2024_ID, "docx");
    expect(docxStyled(docx, "Heading1")).toEqual(["Kallelse"]);
    expect(docxStyled(docx, "Heading2")).toEqual(["Föredragningslista"]);
    expect(docxStyled(docx, "Heading3")).toEqual([
      "1. Upprop",
      "2. Val av justerare och tid för justering",
      "3. Godkännande av dagordningen",
      "4. Anmälan av delegationsbeslut",
      `5. ${referenceCase.title}`,
      "6. Stadsdelsdirektörens information",
    ]);
    const text = docxText(docx);
    for (const expected of ["Sammanträde med Hägersten-Älvsjö stadsdelsnämnd", "torsdag 2024-04-25 kl. 18.00", `Dnr ${referenceCase.caseNumber}`, "Handläggare: Clas Cederlid, telefon 08-50823326"]) {
      expect(text).toContain(expected);
    }
    const header = docxPart(docx, "word/header1.xml");
    expect(header).toContain("Föredragningslista");
    expect(header).toContain("Sammanträde 2024-04-25");
    expect(header).not.toContain("UTKAST");
    expect(docxPart(docx, "docProps/core.xml")).toContain("<dc:creator>Hägersten-Älvsjö stadsdelsnämnd</dc:creator>");
  });

  it("names the file after the document, the date and the committee", async () => {
    const { response } = await download("agenda", DEMO_MEETING_2024_ID, await actorFor("clas.cederlid"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(savedName(response)).toBe("Föredragningslista 2024-04-25 Hägersten-Älvsjö stadsdelsnämnd.pdf");
  });

  it("marks the agenda of a meeting whose kallelse has not gone out UTKAST", async () => {
    const { response, bytes } = await download("agenda", DEMO_MEETING_PLANNED_ID, await actorFor("sekreterare"), "format=docx");
    const { startsAt } = await db.meeting.findUniqueOrThrow({ where: { id: DEMO_MEETING_PLANNED_ID } });
    expect(response.status).toBe(200);
    expect(savedName(response)).toBe(`Föredragningslista ${formatDate(startsAt)} Hägersten-Älvsjö stadsdelsnämnd (utkast).docx`);
    expect(docxPart(bytes, "word/header1.xml")).toMatch(/PowerPlusWaterMarkObject[\s\S]*string="UTKAST"/);
  });
});

describe("protokoll of the demo meeting (justerat)", () => {
  it("prints the header, närvarande, every § with title, dnr and beslut, the justering and the anslag, in order", async () => {
    const pdf = await fetchFile("minutes", demoMinutes.id, "pdf");
    const text = checkedPdfText(pdf);
    expect(
      positionsInOrder(text, [
        "Protokoll",
        "Sammanträde med Hägersten-Älvsjö stadsdelsnämnd",
        "Tid: torsdag 2024-04-25 kl. 18.00",
        "Paragrafer: § 1–6",
        "Närvarande",
        "Ledamöter",
        "Maria Lindqvist (S), ordförande",
        "Erik Sandberg (M), vice ordförande",
        "Tjänstgörande ersättare",
        "Sofia Andersson (S)",
        "Utsedd att justera: Anders Berglund",
        "§ 1 Upprop",
        "Upprop förrättades. Närvarande ledamöter och ersättare framgår av närvarolistan.",
        "§ 2 Val av justerare och tid för justering",
        "Hägersten-Älvsjö stadsdelsnämnd beslutar",
        "att utse Anders Berglund (M) att jämte ordföranden justera protokollet",
        "att justeringen sker 2024-04-29 kl. 15.00 på Hägersten-Älvsjö stadsdelsförvaltning, Svandammsvägen 18",
        "§ 3 Godkännande av dagordningen",
        "att godkänna dagordningen",
        "§ 4 Anmälan av delegationsbeslut",
        "Anmälan av delegationsbeslut godkänns.",
        `§ 5 ${referenceCase.title}`,
        `Dnr ${referenceCase.caseNumber}`,
        "Beslut",
        "Hägersten-Älvsjö stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande",
        "Yrkanden",
        "Maria Lindqvist (S): Bifall till förvaltningens förslag.",
        "§ 6 Stadsdelsdirektörens information",
        "Informationen noteras.",
        "Vid protokollet",
        "Karin Sjöberg",
        "Justerat",
        "Protokollet har justerats digitalt av följande personer:",
        "Maria Lindqvist, ordförande 2024-04-29",
        "Anders Berglund, justerare 2024-04-29",
        "PROT-HAS2-0425",
        "Anslag",
        "anslagstavla 2024-04-29",
        "går ut 2024-05-20",
      ]),
      text,
    ).not.toContain(-1);
    // Karl Nyberg (C) was absent and is not listed as närvarande.
    expect(text).not.toContain("Karl Nyberg");
    expect(text).not.toMatch(/\uFFFD/);
    for (const share of watermarkShares(pdf)) expect(share).toBeLessThan(0.002);
    expect(pdf.toString("latin1")).toContain(`/verifiera/${demoRequest.verificationCode}`);
  });

  it("is a DOCX with Rubrik 1/2/3, the same texts and the justering table", async () => {
    const docx = await fetchFile("minutes", demoMinutes.id, "docx");
    expect(docxStyled(docx, "Heading1")).toEqual(["Protokoll"]);
    expect(docxStyled(docx, "Heading2")).toEqual([
      "Närvarande",
      "Justering",
      "§ 1 Upprop",
      "§ 2 Val av justerare och tid för justering",
      "§ 3 Godkännande av dagordningen",
      "§ 4 Anmälan av delegationsbeslut",
      `§ 5 ${referenceCase.title}`,
      "§ 6 Stadsdelsdirektörens information",
      "Justerat",
      "Anslag",
    ]);
    expect(docxStyled(docx, "Heading3")).toEqual(expect.arrayContaining(["Ledamöter", "Tjänstgörande ersättare", "Beslut", "Yrkanden"]));
    const paragraphs = docxParagraphs(docxPart(docx, "word/document.xml"));
    expect(paragraphs).toEqual(expect.arrayContaining(["Maria Lindqvist, ordförande", "Anders Berglund, justerare", "2024-04-29", "Namn", "Datum", `Dnr ${referenceCase.caseNumber}`]));
    expect(paragraphs.join("\n")).toContain("PROT-HAS2-0425");
    expect(docxPart(docx, "word/header1.xml")).not.toContain("UTKAST");
    expect(docxPart(docx, "docProps/core.xml")).toMatch(/<dcterms:created[^>]*>2024-04-29T08:30:00Z</);
  });

  it("renders the same bytes twice, PDF and DOCX", async () => {
    const [pdfA, pdfB] = [await fetchFile("minutes", demoMinutes.id, "pdf"), await fetchFile("minutes", demoMinutes.id, "pdf", "clas.cederlid")];
    expect(pdfA.equals(pdfB)).toBe(true);
    const [docxA, docxB] = [await fetchFile("minutes", demoMinutes.id, "docx"), await fetchFile("minutes", demoMinutes.id, "docx")];
    expect(docxA.equals(docxB)).toBe(true);
    const [agendaA, agendaB] = [await fetchFile("agenda", DEMO_MEETING_2024_ID, "docx"), await fetchFile("agenda", DEMO_MEETING_2024_ID, "docx")];
    expect(agendaA.equals(agendaB)).toBe(true);
  });
});

describe("protokollsutdrag of § 5 of the demo meeting", () => {
  it("prints Utdrag ur protokoll, the §, the justering and Rätt utdraget intygar", async () => {
    const pdf = await fetchFile("extract", demoDecision.id, "pdf");
    const text = checkedPdfText(pdf);
    expect(
      positionsInOrder(text, [
        "Protokollsutdrag § 5/2024",
        `Dnr ${referenceCase.caseNumber}`,
        "Utdrag ur protokoll",
        "Sammanträde med Hägersten-Älvsjö stadsdelsnämnd",
        "Tid: torsdag 2024-04-25 kl. 18.00",
        `§ 5 ${referenceCase.title}`,
        "Beslut",
        "Hägersten-Älvsjö stadsdelsnämnd godkänner",
        "Justerat",
        "Maria Lindqvist, ordförande 2024-04-29",
        "Anders Berglund, justerare 2024-04-29",
        "PROT-HAS2-0425",
        "Rätt utdraget intygar",
        "Karin Sjöberg",
      ]),
      text,
    ).not.toContain(-1);
    // Only the one §.
    expect(text).not.toContain("§ 2 Val av justerare");
    expect(text).not.toContain("§ 4 Anmälan av delegationsbeslut");
    expect(text).not.toContain("§ 6 Stadsdelsdirektörens information");
  });

  it("is a DOCX with the same texts, and renders the same bytes twice", async () => {
    const docx = await fetchFile("extract", demoDecision.id, "docx");
    expect(docxStyled(docx, "Heading1")).toEqual(["Utdrag ur protokoll"]);
    expect(docxStyled(docx, "Heading2")).toEqual([`§ 5 ${referenceCase.title}`, "Justerat", "Anslag"]);
    expect(docxText(docx)).toContain("Rätt utdraget intygar");
    expect((await fetchFile("extract", demoDecision.id, "docx")).equals(docx)).toBe(true);
    expect((await fetchFile("extract", demoDecision.id, "pdf")).equals(await fetchFile("extract", demoDecision.id, "pdf"))).toBe(true);
  });
});

// ─── A meeting of our own: att-satser, a vote, a reservation; minutes still a draft ─────

const secretary = await actorFor("sekreterare");
const members = await db.committeeMember.findMany({ where: { committeeId: "has" } });

/**
 * A meeting held `daysAgo` days ago: HÄS's standard opening items, decided with the text the
 * app writes from the meeting (the justerare named first, as at the start of a meeting), and
 * one item whose förslag are att-satser, decided with changes.
 */
const decidedMeeting = async (daysAgo: number) => {
  const date = formatDate(new Date(Date.now() - daysAgo * 86_400_000));
  const meetingId = await planMeeting(db, secretary, { date, time: "17:30", place: "Hägerstensåsens medborgarhus, Sal Örnen" });
  const { id: itemId } = await addOtherAgendaItem({
    actor: secretary,
    input: parseInput(ZAddOtherAgendaItemSchema, {
      meetingId,
      kind: "OTHER",
      title: "Öppettider för parkleken Örnen",
      proposal: ["godkänna förvaltningens förslag till öppettider för parkleken Örnen", "uppdra åt förvaltningen att återrapportera till nämnden i december"],
    }),
  });
  await sendKallelse(db, secretary, meetingId);
  const chair = await actorFor("ordforande");
  const checker = await actorFor("justerare");
  const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId, chairId: chair.id, checkerId: checker.id } });
  const opening = await db.agendaItem.findMany({ where: { meetingId, kind: "OPENING" }, orderBy: { position: "asc" } });
  for (const item of opening) {
    await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId: item.id, kind: "AS_PROPOSED", decisionPoints: [] }) });
  }
  const { id: decisionId } = await recordDecision({
    actor: secretary,
    input: parseInput(ZRecordDecisionSchema, {
      meetingId,
      agendaItemId: itemId,
      kind: "AMENDED",
      decisionPoints: ["godkänna öppettider för parkleken Örnen med ändringen att parkleken öppnar klockan 09.00", "uppdra åt förvaltningen att återrapportera till nämnden i december"],
      motions: [
        { party: "V", member: "Leila Haddad", text: "Parkleken ska öppna klockan 09.00." },
        { party: "M", member: "Erik Sandberg", text: "Bifall till förvaltningens förslag." },
      ],
      votes: { mode: "TOTALS", question: "Ska nämnden bifalla Leila Haddads (V) yrkande?", yes: 6, no: 3, abstain: 0 },
    }),
  });
  await addStatementOfOpinion({
    actor: secretary,
    input: parseInput(ZAddOpinionSchema, { decisionId, kind: "RESERVATION", party: "M", members: "Erik Sandberg", text: "Vi reserverar oss mot beslutet till förmån för förvaltningens förslag.\n\nSkälet är kostnaden för personal på förmiddagarna." }),
  });
  await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId, entries: members.map((member) => ({ memberId: member.id, present: member.role !== "DEPUTY", serving: false })) }) });
  return { meetingId, decisionId, minutesId, date, chair, checker };
};

const draftWorld = await decidedMeeting(40);

describe("a meeting with att-satser, a vote and a reservation", () => {
  it("prints the committee's opening items first and the att-satser of the förslag on the föredragningslista", async () => {
    const text = flatText(pdfText(await fetchFile("agenda", draftWorld.meetingId, "pdf")));
    expect(positionsInOrder(text, ["Föredragningslista", "1. Upprop", "2. Val av justerare och tid för justering", "3. Godkännande av dagordningen", "4. Öppettider för parkleken Örnen"]), text).not.toContain(-1);
    expect(text).toMatch(/Förslag till beslut att godkänna förvaltningens förslag till öppettider för parkleken Örnen att uppdra åt förvaltningen/);
    expect(text).toContain("Plats: Hägerstensåsens medborgarhus, Sal Örnen");
  });

  it("prints the beslut as att-satser after the committee, the yrkanden, the omröstning and the reservation", async () => {
    const pdf = await fetchFile("minutes", draftWorld.minutesId, "pdf");
    const text = flatText(pdfText(pdf));
    const [first] = (await db.decision.findMany({ where: { agendaItem: { meetingId: draftWorld.meetingId } }, orderBy: { paragraph: "asc" } })).map((decision) => decision.paragraph);
    expect(
      positionsInOrder(text, [
        `§ ${first} Upprop`,
        "Upprop förrättades. Närvarande ledamöter och ersättare framgår av närvarolistan.",
        `§ ${first! + 1} Val av justerare och tid för justering`,
        "att utse Anders Berglund (M) att jämte",
        `§ ${first! + 2} Godkännande av dagordningen`,
        "att godkänna dagordningen",
        `§ ${first! + 3} Öppettider för parkleken Örnen`,
        "Beslut",
        "Hägersten-Älvsjö stadsdelsnämnd beslutar",
        // Short phrases: pdftotext reads letters of the diagonal UTKAST in between lines of a draft.
        "att godkänna öppettider för parkleken Örnen",
        "att uppdra åt förvaltningen",
        "Yrkanden",
        "Leila Haddad (V): Parkleken ska öppna klockan 09.00.",
        "Erik Sandberg (M): Bifall till förvaltningens förslag.",
        "Omröstning",
        "Ska nämnden bifalla Leila Haddads (V) yrkande?",
        "Ja: 6. Nej: 3. Avstår: 0.",
        "Reservation",
        "Erik Sandberg (M)",
        "Vi reserverar oss mot beslutet",
        "Skälet är kostnaden för personal",
        "Protokollet är inte justerat.",
      ]),
      text,
    ).not.toContain(-1);
    expect(text).not.toContain("Protokollet har justerats digitalt");
    expect(text).not.toContain("Anslag");

    const docx = await fetchFile("minutes", draftWorld.minutesId, "docx");
    expect(docxPart(docx, "word/numbering.xml")).toContain('<w:lvlText w:val="att"/>');
    expect(docxStyled(docx, "Heading3")).toEqual(expect.arrayContaining(["Beslut", "Yrkanden", "Omröstning", "Reservation"]));
  });

  it("marks the unjusterade minutes and their extract UTKAST in both formats", async () => {
    const { response, bytes: pdf } = await download("minutes", draftWorld.minutesId, secretary);
    expect(savedName(response)).toBe(`Protokoll ${draftWorld.date} Hägersten-Älvsjö stadsdelsnämnd (utkast).pdf`);
    for (const share of watermarkShares(pdf)) expect(share).toBeGreaterThan(0.01);
    expect(docxPart(await fetchFile("minutes", draftWorld.minutesId, "docx"), "word/header1.xml")).toMatch(/string="UTKAST"/);

    const extract = await fetchFile("extract", draftWorld.decisionId, "pdf");
    for (const share of watermarkShares(extract)) expect(share).toBeGreaterThan(0.01);
    expect(flatText(pdfText(extract))).toContain("Protokollet är inte justerat.");
    expect(docxPart(await fetchFile("extract", draftWorld.decisionId, "docx"), "word/header1.xml")).toMatch(/string="UTKAST"/);
  });
});

describe("minutes justerade through the minutes service", () => {
  it("carry today's justering and exactly the justerade text, whatever changes in the rows afterwards; a tampered snapshot is refused", async () => {
    const world = await decidedMeeting(50);
    const minutes = await db.minutes.findUniqueOrThrow({ where: { id: world.minutesId } });
    const { contentHash } = await sendMinutesForApproval({ actor: secretary, input: { minutesId: world.minutesId, version: minutes.version } });
    await approveMinutes({ actor: world.chair, input: { minutesId: world.minutesId, contentHash } });
    await approveMinutes({ actor: world.checker, input: { minutesId: world.minutesId, contentHash } });
    const today = formatDate(new Date());

    const text = flatText(pdfText(await fetchFile("extract", world.decisionId, "pdf")));
    expect(text).toContain(`Maria Lindqvist, ordförande ${today}`);
    expect(text).toContain(`Anders Berglund, justerare ${today}`);
    expect(text).toContain("Rätt utdraget intygar");
    const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectType: "MINUTES", subjectId: world.minutesId } });
    expect(text).toContain(request.verificationCode);

    // The rows change after the justering (a decision point edited, a member renamed):
    // the justerade protokoll is the stored snapshot, so the documents still say what was approved.
    await db.decision.update({ where: { id: world.decisionId }, data: { decisionPoints: ["godkänna något annat än det som justerades"] } });
    await db.user.update({ where: { username: "justerare" }, data: { name: "Anders Omdöpt" } });
    for (const [kind, id] of [["minutes", world.minutesId], ["extract", world.decisionId]] as const) {
      const after = flatText(pdfText(await fetchFile(kind, id, "pdf")));
      expect(after).toContain("parkleken öppnar klockan 09.00");
      expect(after).not.toContain("något annat än det som justerades");
      expect(after).toContain("Anders Berglund");
    }
    await db.user.update({ where: { username: "justerare" }, data: { name: "Anders Berglund" } });

    // The snapshot itself edited in the database: the hash no longer matches the justering.
    await db.$executeRaw`UPDATE minutes SET content = jsonb_set(content, '{meeting,place}', '"Någon annanstans"') WHERE id = ${world.minutesId}::uuid`;
    for (const [kind, id] of [["minutes", world.minutesId], ["extract", world.decisionId]] as const) {
      const { response, bytes } = await download(kind, id, secretary);
      expect(response.status).toBe(409);
      expect(bytes.toString("utf8")).toContain("stämmer inte med justeringen");
      expectNoDocument(bytes);
    }
  });
});

// ─── The mapping alone: a longer protokoll (tests/fixtures/exports/reference-minutes.ts) ─────

describe("protokoll → document", () => {
  it("prints övriga närvarande, the time and place of justering, a votering with propositionsordning, roll call and computed result, a särskilt uttalande and an omedelbar justering", async () => {
    const document = minutesToDocument({ minutes: REFERENCE_MINUTES, verificationUrl: referenceVerificationUrl });
    const pdf = await renderPdf(document);
    const text = checkedPdfText(pdf);
    expect(
      positionsInOrder(text, [
        "Paragrafer: § 1–5",
        "Ersättare Oskar Wikström (M)",
        "Övriga närvarande",
        "Lee Orberson, stadsdelsdirektör",
        "Clas Cederlid, utredare, § 2",
        "Tid och plats för justering: måndag 2024-04-29 kl. 15.00, Hägersten-Älvsjö stadsdelsförvaltning, Svandammsvägen 18",
        "§ 3 Verksamhetsplan för parkleken Örnen 2024",
        "Dnr HÄS 2024/131",
        "Hägersten-Älvsjö stadsdelsnämnd beslutar",
        "att godkänna verksamhetsplanen",
        "Paragrafen förklaras omedelbart justerad.",
        "Omröstning",
        "Ordföranden ställer proposition på Leila Haddads (V) ändringsyrkande mot förvaltningens förslag. Votering begärs och verkställs.",
        "Propositionsordning: Ja-röst för Leila Haddads (V) ändringsyrkande, nej-röst för förvaltningens förslag.",
        "Tjänstgörande ledamot Röst",
        "Maria Lindqvist (S) Ja",
        "Erik Sandberg (M) Nej",
        "Sofia Andersson (S) Ja",
        "Ja: 6. Nej: 4. Avstår: 0.",
        "Resultat: Hägersten-Älvsjö stadsdelsnämnd har beslutat enligt Leila Haddads (V) ändringsyrkande.",
        "Reservation",
        "Erik Sandberg, Anders Berglund, Oskar Wikström (M)",
        "§ 4 Yttrande över remiss",
        "Särskilt uttalande",
        "Johanna Ekström (L)",
        "§ 5 Stadsdelsdirektörens information",
        "Justerat",
        "https://yttra.example/verifiera/PROT-HAS2-0425",
      ]),
      text,
    ).not.toContain(-1);
    expect(pdf.toString("latin1")).toMatch(/\/S \/Table\b/);
    const docx = await renderDocx(document);
    expect(docxStyled(docx, "Heading3")).toEqual(expect.arrayContaining(["Omröstning", "Reservation", "Särskilt uttalande"]));
    expect(docxPart(docx, "word/document.xml")).toContain("<w:tblHeader/>");
    expect((await renderPdf(minutesToDocument({ minutes: REFERENCE_MINUTES, verificationUrl: referenceVerificationUrl }))).equals(pdf)).toBe(true);
  });

  it("refuses to print a justering on content other than the one justerad", () => {
    const changed = { ...REFERENCE_MINUTES, contentHash: "0".repeat(64) };
    expect(() => minutesToDocument({ minutes: changed, verificationUrl: referenceVerificationUrl })).toThrow(AttestationMismatchError);
  });
});

// ─── Who may download ───────────────────────────────────────────────────────

describe("who may download", () => {
  const targets = (): [MeetingExportKind, string][] => [
    ["agenda", DEMO_MEETING_2024_ID],
    ["minutes", demoMinutes.id],
    ["extract", demoDecision.id],
  ];

  it("answers 404 with no document to another committee's registrar (cross-unit) and to an admin", async () => {
    for (const username of ["sos.registrator", "admin"]) {
      for (const [kind, id] of targets()) {
        const { response, bytes } = await download(kind, id, await actorFor(username));
        expect(response.status, `${username} ${kind}`).toBe(404);
        expectNoDocument(bytes);
      }
    }
  });

  it("answers the same 404 for an unknown or malformed id", async () => {
    const clas = await actorFor("clas.cederlid");
    for (const kind of ["agenda", "minutes", "extract"] as const) {
      const unknown = await download(kind, "00000000-0000-7000-8000-999999999999", clas);
      const malformed = await download(kind, "../../etc/passwd", clas);
      const forbidden = await download(kind, targets().find(([candidate]) => candidate === kind)![1], await actorFor("sos.registrator"));
      expect([unknown.response.status, malformed.response.status]).toEqual([404, 404]);
      expect(unknown.bytes.toString("utf8")).toBe(forbidden.bytes.toString("utf8"));
      expect(malformed.bytes.toString("utf8")).toBe(forbidden.bytes.toString("utf8"));
    }
  });

  it("answers 401 without a session and 400 for an unknown format or a public variant", async () => {
    for (const [kind, id] of targets()) {
      const anonymous = await download(kind, id, null);
      expect(anonymous.response.status).toBe(401);
      expectNoDocument(anonymous.bytes);
      const html = await download(kind, id, secretary, "format=html");
      expect(html.response.status).toBe(400);
      expectNoDocument(html.bytes);
      const variant = await download(kind, id, secretary, "format=pdf&variant=public");
      expect(variant.response.status).toBe(400);
      expectNoDocument(variant.bytes);
    }
  });
});
