// Word lists the bulk data (bulk.ts) builds Swedish titles and texts from. Some words are in
// almost every text (förslag, stadsdelsnämnden), most topics in a few percent, and the rare
// compounds (RARE_FIRST × RARE_SECOND) in a handful of rows each — so a benchmark can search
// a rare word, a common word and a case number on the same data.

/** In one case title in 25 000 and one handling in 250 000 (bulk.ts): the benchmark's rare word. */
export const BENCH_RARE_WORD = "fladdermusholkar";
/** In most handlings and statements: the benchmark's common word. */
export const BENCH_COMMON_WORD = "förslag";

export const TOPICS = [
  "öppna drogscener nära skolor",
  "trygga skolvägar",
  "belysning på gång- och cykelvägar",
  "utegym i parkerna",
  "fler parkbänkar för äldre",
  "upprustning av lekplatser",
  "snöröjning av trottoarer",
  "hastighetsdämpande åtgärder",
  "fritidsgårdarnas öppettider",
  "simundervisning för nyanlända barn",
  "äldreomsorgens måltider",
  "hemtjänst på kvällstid",
  "ensamhet bland äldre",
  "feriearbeten för unga",
  "föreningsbidrag",
  "nedskräpning i grönområden",
  "ökad återvinning i flerbostadshus",
  "laddplatser för elbilar",
  "cykelparkering vid tunnelbanestationer",
  "trygghetsvandringar",
  "kameraövervakning på torget",
  "stadsodling på kommunal mark",
  "pollinerande insekter i parker",
  "dagvattenhantering vid skyfall",
  "bostäder för unga vuxna",
  "hemlöshet och akutboende",
  "våld i nära relationer",
  "barn i ekonomiskt utsatta familjer",
  "tidiga insatser i förskolan",
  "språkutveckling i förskolan",
  "elevhälsans resurser",
  "skolbibliotek",
  "tillgänglighet för personer med funktionsnedsättning",
  "ledsagarservice",
  "daglig verksamhet",
  "uppsökande verksamhet bland unga",
  "fältassistenter",
  "föräldrastöd",
  "kulturskolans avgifter",
  "offentlig konst i stadsdelen",
  "idrottshallarnas bokningssystem",
  "spontanidrott",
  "hundrastgårdar",
  "buller från trafik",
  "luftkvalitet vid förskolor",
  "klimatanpassning av stadsdelen",
  "digital delaktighet för äldre",
  "medborgardialog om stadsplanering",
  "ungdomsråd",
  "pensionärsrådets arbete",
  "tolkservice",
  "samverkan med polisen",
  "platssamverkan med fastighetsägare",
  "parkeringsnormer",
  "gångfartsområden",
  "vinterbad och bastu vid sjön",
  "skolgårdarnas storlek",
  "matsvinn i skolmatsalar",
  "ekologiska livsmedel i offentliga kök",
  "energieffektivisering av kommunala lokaler",
] as const;

export const PLACES = [
  "Hägerstensåsen", "Fruängen", "Västertorp", "Älvsjö", "Liljeholmen", "Midsommarkransen", "Aspudden", "Solberga",
  "Långbro", "Herrängen", "Hägersten", "Örby slott", "Mälarhöjden", "Axelsberg", "Telefonplan", "Marievik",
  "Hornstull", "Skanstull", "Katarina", "Högalid", "Reimersholme", "Långholmen", "Södra station", "Tantolunden",
  "Exempelby centrum", "Norrby", "Söderby", "Ängsvik", "Björkdalen", "Sjöudden",
] as const;

export const SENDERS = [
  "Kommunstyrelsen", "Kommunfullmäktige", "Trafiknämnden", "Stadsbyggnadsnämnden", "Miljö- och hälsoskyddsnämnden",
  "Socialnämnden", "Utbildningsnämnden", "Kulturnämnden", "Idrottsnämnden", "Fastighetsnämnden", "Exploateringsnämnden",
  "Länsstyrelsen i Stockholms län", "Region Stockholm", "Polismyndigheten", "Trafikverket", "Boverket",
  "Socialstyrelsen", "Skolverket", "Sveriges Kommuner och Regioner", "Naturvårdsverket",
] as const;

export const ORGANISATIONS = [
  "Hyresgästföreningen", "Villaägarföreningen", "Föräldraföreningen", "Pensionärernas riksorganisation", "Naturskyddsföreningen",
  "Idrottsföreningen", "Fastighetsägarna", "Lokala företagarföreningen", "Tryggare Sverige", "En boende i stadsdelen",
] as const;

export const AUTHORS = [
  "Andréa Hedin", "Erik Lund", "Sara Nyström", "Mohammed Ali", "Karin Wallin", "Johan Berg", "Lina Holm", "Ahmed Hassan",
  "Elin Sandberg", "Per Åkesson", "Maja Lindgren", "Oskar Ek", "Fatima Yilmaz", "Gustav Öberg", "Ida Strand", "Nils Björk",
] as const;

/** The second handläggare the bulk data adds to each department (scripts/seed/bulk.ts, addColleagues). */
export const COLLEAGUES = ["Hanna Sjöberg", "Ali Karimi", "Emma Forsberg", "Jonas Ekström", "Sofia Lund", "David Nilsson", "Amira Haddad", "Henrik Dahl"] as const;

export const PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP"] as const;

export const DOCUMENT_KINDS = [
  "Kompletterande uppgifter om",
  "Skrivelse om",
  "E-post från medborgare om",
  "Minnesanteckningar från samråd om",
  "Yttrande från pensionärsrådet om",
  "Yttrande från funktionsnedsättningsrådet om",
  "Karta över",
  "Statistik om",
  "Kostnadsberäkning för",
  "Förslag till svar om",
  "Begäran om anstånd med yttrande om",
  "Följebrev om",
  "Fotografier av",
  "Enkätsvar om",
  "Underlag från fältassistenterna om",
] as const;

export const SENTENCES = [
  "Förvaltningen har tagit del av förslaget och delar i huvudsak dess bedömning.",
  "Stadsdelsnämnden har under flera år arbetat aktivt med frågan tillsammans med polisen och fastighetsägarna.",
  "Förslaget bedöms inte medföra några ökade kostnader för nämnden under innevarande år.",
  "Förvaltningen ser positivt på att insatserna utformas i nära dialog med de boende.",
  "En kartläggning genomförs minst en gång per år tillsammans med det lokala polisområdet.",
  "Förvaltningen föreslår att nämnden ställer sig bakom förslaget med de synpunkter som framförs i tjänsteutlåtandet.",
  "De fackliga organisationerna har informerats på förvaltningsgruppen.",
  "Ärendet har beretts i samråd med berörda avdelningar.",
  "Barnrättsperspektivet har beaktats i beredningen av ärendet.",
  "Jämställdhetsperspektivet bedöms inte påverkas av förslaget.",
  "Förvaltningen bedömer att arbetet bör ske inom befintlig budget.",
  "Motionären föreslår att staden utreder frågan och återkommer med förslag på åtgärder.",
  "Tryggheten i stadsdelen har ökat enligt den senaste trygghetsmätningen.",
  "Antalet anmälda brott har minskat sedan föregående år.",
  "Flera boende har framfört synpunkter vid medborgardialogen.",
  "Förvaltningen avser att följa upp insatserna och redovisa resultatet för nämnden.",
  "Förslaget ligger i linje med stadens budget och verksamhetsplan.",
  "Samverkan med civilsamhället är en viktig del av det förebyggande arbetet.",
  "Förvaltningen gör bedömningen att det arbete som redan görs motsvarar det som efterfrågas.",
  "Nämnden har tidigare yttrat sig i ett liknande ärende.",
  "Underlaget har kompletterats med uppgifter från trafikkontoret.",
  "Kostnaderna för drift och underhåll behöver belysas ytterligare.",
  "Förvaltningen föreslår att remissen besvaras med hänvisning till tjänsteutlåtandet.",
  "Insatserna ska utvärderas efter ett år.",
] as const;

const RARE_FIRST = ["fladdermus", "igelkotts", "grävlings", "trollslände", "humle", "ekorr", "näktergals", "salamander", "mård", "tornseglar"] as const;
const RARE_SECOND = ["holkar", "passager", "boplatser", "kartering", "inventering", "refuger", "korridorer", "räkning", "skyltar", "hotell"] as const;

/** A hundred compounds, each rare in the data ("igelkottspassager", "humlehotell" …). */
export const RARE_WORDS: readonly string[] = RARE_FIRST.flatMap((first) => RARE_SECOND.map((second) => `${first}${second}`));
