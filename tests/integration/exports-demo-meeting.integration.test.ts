// Every document of the demo meeting (Hägersten-Älvsjö stadsdelsnämnd 2024-04-25) rendered
// from the seeded database as the export routes render it, and read back from the PDF:
// the layout rules of a secretariat (no page ending with a heading, no near-empty page but
// the last, att-lists whole), the protokoll's votering, övriga närvarande, justering and
// "Rätt utdraget intygar" in the text, and each page compared with its baseline image (grey PGM, gzipped).
//
// UPDATE_BASELINES=1 rewrites tests/fixtures/exports/demo-*.pgm.gz (look at them before committing).
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { agendaToDocument, extractToDocument, minutesToDocument } from "@/features/exports/meeting-documents";
import type { ExportDocument } from "@/features/exports/document-model";
import { renderPdf } from "@/features/exports/render/pdf";
import { verificationUrlFor } from "@/features/exports/server/exported-file";
import { getAgendaForExport, getExtractForExport, getMinutesForExport } from "@/features/meetings/server";
import { db as sharedDb } from "@/server/db";
import { DEMO_MEETING_2024_ID, seedDemoMeetings } from "../../scripts/seed/demo-meetings";
import { seedDemoData } from "../../scripts/seed/demo";
import { pdfText } from "../fixtures/exports/inspect";
import { compareWithBaselines } from "../fixtures/exports/inspect";
import { layoutViolations } from "../fixtures/exports/layout";
import { createTestDatabase } from "../support/database";

const { db } = await createTestDatabase();
const BASELINE_DIR = path.resolve(import.meta.dirname, "../fixtures/exports");

type Rendered = { name: string; document: ExportDocument; pdf: Buffer; text: string };
const rendered: Rendered[] = [];
const render = async (name: string, document: ExportDocument): Promise<Rendered> => {
  const pdf = await renderPdf(document);
  const result = { name, document, pdf, text: pdfText(pdf, { layout: false }).replace(/\s+/g, " ") };
  rendered.push(result);
  return result;
};

let agenda: Rendered;
let minutes: Rendered;
let extracts: Rendered[];

beforeAll(async () => {
  await seedDemoData({ nodeEnv: "test", force: false });
  await sharedDb.$transaction((tx) => seedDemoMeetings(tx));
  agenda = await render("demo-agenda", agendaToDocument(await getAgendaForExport({ actor: "system", meetingId: DEMO_MEETING_2024_ID })));
  const { minutes: row, agendaItems } = await db.meeting.findUniqueOrThrow({
    where: { id: DEMO_MEETING_2024_ID },
    select: { minutes: { select: { id: true } }, agendaItems: { orderBy: { position: "asc" }, select: { decision: { select: { id: true, paragraph: true } } } } },
  });
  minutes = await render("demo-minutes", minutesToDocument({ minutes: await getMinutesForExport({ actor: "system", minutesId: row!.id }), verificationUrl: verificationUrlFor }));
  extracts = [];
  for (const item of agendaItems) {
    const extract = await getExtractForExport({ actor: "system", decisionId: item.decision!.id });
    extracts.push(await render(`demo-extract-${item.decision!.paragraph}`, extractToDocument({ extract, verificationUrl: verificationUrlFor })));
  }
}, 120_000);

describe("the demo meeting's documents", () => {
  it("renders the föredragningslista, the protokoll and an extract of every §", () => {
    expect(rendered.map((document) => document.name)).toEqual(["demo-agenda", "demo-minutes", ...[1, 2, 3, 4, 5, 6].map((paragraph) => `demo-extract-${paragraph}`)]);
  });

  it("breaks no layout rule: no page ends with a heading, no near-empty page but the last, att-lists whole", () => {
    for (const { name, pdf, document } of rendered) expect(layoutViolations(pdf, document), name).toEqual([]);
  });

  it("prints the votering with propositionsordning, roll call and result, övriga närvarande and the justering's time and place", () => {
    const { text } = minutes;
    for (const phrase of [
      "Övriga närvarande Lee Orberson, stadsdelsdirektör Linda Palo, avdelningschef Clas Cederlid, utredare, § 5",
      "Tid och plats för justering: måndag 2024-04-29 kl. 15.00, Hägersten-Älvsjö stadsdelsförvaltning, Svandammsvägen 18",
      "Ordföranden ställer proposition på förvaltningens förslag mot Peter Lunds (SD) avslagsyrkande.",
      "Propositionsordning: Ja-röst för förvaltningens förslag, nej-röst för Peter Lunds (SD) avslagsyrkande.",
      "Peter Lund (SD) Nej",
      "Sofia Andersson (S) Ja",
      "Ja: 8. Nej: 1. Avstår: 0.",
      "Resultat: Hägersten-Älvsjö stadsdelsnämnd har beslutat enligt förvaltningens förslag.",
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).not.toContain("Karl Nyberg (C) Ja");
  });

  it("opens with the standard items: upprop, val av justerare och tid för justering, godkännande av dagordningen", () => {
    expect(agenda.text).toContain("Föredragningslista 1. Upprop 2. Val av justerare och tid för justering 3. Godkännande av dagordningen 4. Anmälan av delegationsbeslut");
    for (const phrase of [
      "§ 1 Upprop Beslut Upprop förrättades. Närvarande ledamöter och ersättare framgår av närvarolistan.",
      "§ 2 Val av justerare och tid för justering Beslut Hägersten-Älvsjö stadsdelsnämnd beslutar att utse Anders Berglund (M) att jämte ordföranden justera protokollet att justeringen sker 2024-04-29 kl. 15.00 på Hägersten-Älvsjö stadsdelsförvaltning, Svandammsvägen 18",
      "§ 3 Godkännande av dagordningen Beslut Hägersten-Älvsjö stadsdelsnämnd beslutar att godkänna dagordningen",
    ]) {
      expect(minutes.text).toContain(phrase);
    }
  });

  it("signs the föredragningslista with the ordförande and the nämndsekreterare", () => {
    expect(agenda.text).toMatch(/Ordförande Nämndsekreterare Maria Lindqvist Karin Sjöberg/);
  });

  it("certifies every extract with the secretary's name and the day of the justering", () => {
    for (const { text, name } of extracts) expect(text, name).toMatch(/Rätt utdraget intygar Karin Sjöberg Nämndsekreterare Datum: 2024-04-29/);
  });

  it("looks like its PNG baselines (pixel tolerance)", () => {
    for (const { name, pdf } of rendered) expect(compareWithBaselines(pdf, BASELINE_DIR, name, { dpi: 30 }), name).toEqual([]);
  });
});
