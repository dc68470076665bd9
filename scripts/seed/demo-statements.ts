// Demo tjänsteutlåtanden: the default template for every municipality and, for the
// reference case, the full text of the reference tjänsteutlåtande
// (../shared/reference/tjansteutlatande-oppna-drogscener.md) as a draft by its handläggare.
// Runs after the demo cases exist; idempotent (an existing statement is left alone, so
// a re-seed never overwrites what someone has written since).
import { buildInitialContent, CASE_FOR_STATEMENT_SELECT, insertStatementInTx, resolveAttachments, resolveSignatories } from "@/features/statements/server/create-statement";
import { ensureDefaultTemplate } from "@/features/statements/server/templates";
import { bulletList, doc, paragraph, text } from "@/features/statements/rich-text";
import type { TStatementContent } from "@/features/statements/schemas";
import type { Tx } from "@/server/db";
import { REFERENCE_CASE_ID } from "./demo-cases";

const REFERENCE_SECTIONS: TStatementContent["sections"] = [
  {
    key: "sammanfattning",
    body: doc(
      paragraph(
        "Andréa Hedin (M) har skrivit en motion där det föreslås att Stockholms stad utreder och sätter in insatser vid varje öppen drogscen som har en skola inom en radie av 500 meter för att undvika att barn och unga rekryteras av gängkriminella eller utsätts för brott.",
      ),
      paragraph(
        "Stadsdelsförvaltningen välkomnar motionärens fokus att komma tillrätta med stadens öppna drogscener och delar uppfattningen att Stockholms stad behöver utreda och arbeta aktivt med olika insatser för att motverka problemet. Förvaltningen gör bedömningen att det arbete som redan görs inom ramen för den regionala samverkan tillsammans med de lokala polisområdena motsvarar det som motionären anför. I dagsläget utreds stadens öppna drogscener och adekvata insatser tas fram och sätts in i linje med de som motionären efterfrågar.",
      ),
    ),
  },
  {
    key: "arendet",
    body: doc(
      paragraph(
        "Andréa Hedin (M) skriver i sin motion att polisens kartläggning för 2023 visar att Stockholms län har 63 öppna drogscener och att grova våldsbrott är överrepresenterade vid områden där öppna drogscener finns. Av dessa 63 platser ligger 31 i Stockholms stad och 24 av platserna har en eller flera grundskolor inom en radie av 500 meter. Dessa platser behöver prioriteras och geografiskt anpassade trygghetsskapande insatser behöver tas fram för att vända utvecklingen, menar motionären. På vissa platser behöver helt nya insatser startas upp, medan på andra plats finns pågående insatser som behöver utvärderas och kompletteras. Exempel som ges på insatser att sätta in är platssamverkan med fastighetsägare, trygghetskameror, ordningsvakter, ökad polisnärvaro, mer belysning, ljudlarm, torghandel, föräldravandrare och fältassistenter.",
      ),
      paragraph("Motionären anser att insatserna bör utformas i nära dialog med stadsdelsnämnderna, polisen och närliggande skolor."),
      paragraph("Mot bakgrund av ovanstående yrkar motionären att."),
      bulletList([
        paragraph(
          "Stockholms stad utreder och sätter in insatser vid varje öppen drogscen som har en skola inom en radie av 500 meter för att undvika att barn och unga rekryteras av gängkriminella eller utsätts för brott.",
        ),
      ]),
    ),
  },
  {
    key: "arendets-beredning",
    body: doc(paragraph("Ärendet har beretts inom avdelningen för samhälle och service. De fackliga organisationerna informerades på förvaltningsgrupp den 16 april 2024.")),
  },
  {
    key: "synpunkter",
    body: doc(
      paragraph(
        "Som grund för stadens brottsförebyggande och trygghetsskapande arbete finns Stockholms stads Trygghetsprogram 2024-2027. Att Stockholm är en trygg och säker stad är det övergripande målet för stadens samlade brottsförebyggande och trygghetsskapande arbete och ett ansvar som sträcker sig över samtliga nämnder och bolagsstyrelser. Genom att långsiktigt minska bakgrundsorsakerna till brott och otrygghet så som segregation, bristande integration, ekonomisk och social utsatthet, otrygga familjeförhållanden, planering och skötsel av den offentliga miljön har staden som vision att öka tryggheten i hela staden och att inte ha några särskilt utsatta eller utsatta områden. Staden har en central roll i arbetet med att öka trygghet och minska brottslighet och från och med den 1 juli 2023 har kommuner genom ",
        text("Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete", [{ type: "italic" }]),
        " ett ansvar för det brottsförebyggande arbetet.",
      ),
      paragraph(
        "Stockholms stad och dess förvaltningar och bolag arbetar aktivt för att öka tryggheten, förebygga brott i stadens offentliga miljöer och för att beakta brottsförebyggande och trygghetsskapande frågor i stadens utvecklingsarbete. Detta sker bland annat genom platssamverkan och platsaktivering, som pågår på en mängd platser i staden, bland annat där öppna drogscener identifierats.",
      ),
      paragraph(
        "Myndigheter på regional nivå i Stockholms län arbetar tillsammans mot den öppna narkotikahanteringen i länet. Länets alla 26 kommuner, Region Stockholm, Polismyndigheten, Kriminalvården, Tullverket och Länsstyrelsen i Stockholms län ökar förmågan att nå resultat i gemensamt brottsförebyggande och trygghetsskapande arbete. En viktig del är arbetet mot öppna drogscener. Arbetet utgår från tidigare erfarenhet och kunskap, men med en tydlig gemensam styrning och struktur för genomförandet. En länsövergripande styrgrupp av ledande beslutsfattare som representerar samtliga aktörer har satt målet att tillsammans kraftigt minska antalet öppna drogscener i länet. Det lokala arbetet ska fortgå, utvecklas och stärkas. Arbetet koordineras genom samordningskansliet för Samverkan Stockholmsregionen.",
      ),
      paragraph(
        "Målet är att antalet öppna drogscener i Stockholms län ska minska varje år fram till år 2027. Uppsatta delmål är att antalet våldsbrott minskar och antalet upptäcksbrott ökar, att tryggheten ökar samt stärkt strategisk och operativ samverkan för att nå gemensamma brottsförebyggande mål vid dessa platser.",
      ),
      paragraph(
        "En kartläggning per öppen drogscen görs minst en gång per år. I Stockholms stad gör respektive stadsdelsförvaltning kartläggningen tillsammans med ansvarigt lokalpolisområde. I kartläggningen ges en bild av den fysiska platsen, vilka individer det är som säljer respektive köper droger på platsen, vilket preparat det främst är som distribueras på platsen, hur polisen har arbetat på platsen och vilka möjliga samarbetspartners det finns på platsen som kan samverka med polisen och stadsdelsförvaltningen. Stadsdelsförvaltningarna får också via enkäter beskriva vilka insatser som görs vid de öppna drogscenerna. Kunskap om verkningsfulla arbetssätt och metoder kopplade till öppna drogscener följs upp och utvärderas för att öka förmågan att kontinuerligt minska antalet öppna drogscener.",
      ),
      paragraph(
        "Den senaste kartläggningen som kommunicerades den 20 februari 2024 visar positiva resultat. I dag finns 53 öppna drogscener i 8 av länets 26 kommuner. Det innebär att tio öppna drogscener har arbetats bort under 2023. Resultatet visar också att drogscenerna totalt sett har blivit mindre till ytan samt att inga nya drogscener har tillkommit.",
      ),
      paragraph("Förvaltningen gör bedömningen att det arbete som redan görs inom ramen för den regionala samverkan tillsammans med de lokala polisområdena motsvarar det som motionären anför."),
      paragraph("Mer information om öppna drogscener finns på ", text("www.oppnadrogscener.se", [{ type: "link", attrs: { href: "http://www.oppnadrogscener.se" } }])),
    ),
  },
];

/**
 * Call inside the seed transaction, after `seedDemoCases(tx)`. Returns whether the
 * reference statement was created by this run.
 */
/** A second demo case ("Trygga skolvägar"): a statement as the prefill leaves it, for the attestation inbox. */
export const SCHOOL_ROUTES_CASE_ID = "00000000-0000-7000-8000-000000002005";

const seedPrefilledStatement = async (tx: Tx, caseId: string): Promise<void> => {
  const row = await tx.case.findUnique({ where: { id: caseId }, select: CASE_FOR_STATEMENT_SELECT });
  if (!row || row.statement) return;
  const template = await ensureDefaultTemplate(tx, row.committee.municipalityId);
  const incoming = await tx.caseDocument.findMany({ where: { caseId: row.id, direction: "INCOMING" }, orderBy: { number: "asc" }, select: { id: true } });
  const content = buildInitialContent(
    row,
    template.definition,
    await resolveSignatories(tx, row, template.definition),
    await resolveAttachments(tx, row.id, row.caseNumber, incoming.map((document) => document.id)),
  );
  await insertStatementInTx(tx, { actorId: row.caseOfficerId, caseId: row.id, templateId: template.id, content });
};

export const seedDemoStatements = async (tx: Tx): Promise<{ statementCreated: boolean }> => {
  for (const { id } of await tx.municipality.findMany({ select: { id: true } })) await ensureDefaultTemplate(tx, id);

  await seedPrefilledStatement(tx, SCHOOL_ROUTES_CASE_ID);
  const row = await tx.case.findUnique({ where: { id: REFERENCE_CASE_ID }, select: CASE_FOR_STATEMENT_SELECT });
  if (!row || row.statement) return { statementCreated: false };
  const template = await ensureDefaultTemplate(tx, row.committee.municipalityId);
  const incoming = await tx.caseDocument.findMany({ where: { caseId: row.id, direction: "INCOMING" }, orderBy: { number: "asc" }, select: { id: true } });
  const prefilled = buildInitialContent(
    row,
    template.definition,
    await resolveSignatories(tx, row, template.definition),
    await resolveAttachments(tx, row.id, row.caseNumber, incoming.map((document) => document.id)),
  );
  const content: TStatementContent = {
    ...prefilled,
    header: { ...prefilled.header, meetingDate: "2024-04-25", subtitle: "Yttrande till kommunstyrelsen" },
    sections: prefilled.sections.map((section) => REFERENCE_SECTIONS.find((reference) => reference.key === section.key) ?? section),
  };
  await insertStatementInTx(tx, { actorId: row.caseOfficerId, caseId: row.id, templateId: template.id, content });
  return { statementCreated: true };
};
