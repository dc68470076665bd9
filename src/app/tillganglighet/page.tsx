// The tillgänglighetsredogörelse that the law on accessible digital public services
// (DOS-lagen, 2018:1937) requires, following the structure of Digg's model statement.
// Public, linked from the footer of every page and from the login page. Update the list of
// gaps and the dates whenever an assessment changes them.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LINK_CLASS } from "@/components/link";
import { PublicShell } from "@/components/public-shell";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Tillgänglighetsredogörelse" };

/** The last self-assessment, and the last change of this statement. */
const ASSESSED = { iso: "2026-12-01", text: "1 december 2026" };
const UPDATED = { iso: "2026-12-01", text: "1 december 2026" };

const DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan";

const H2 = "mt-8 text-2xl font-semibold";

/** Known gaps, each with the WCAG 2.1 success criterion it fails. */
const GAPS: ReactNode[] = [
  "Efter vissa åtgärder, till exempel en attestering, visas inget statusmeddelande som skärmläsare läser upp, och fokus flyttas inte till resultatet (WCAG 4.1.3 Statusmeddelanden, 2.4.3 Fokusordning).",
  "Åtgärder som inte går att ångra – att markera ett ärende som felregistrerat, publicera föredragningslistan och skicka kallelsen, skicka protokollet för justering – utförs utan att du först får bekräfta dem (WCAG 3.3.4 Förhindra fel).",
  "Ett felaktigt lösenord ger samma felmeddelande två gånger, och det felaktiga lösenordet ligger kvar i fältet (WCAG 3.3.1 Identifiering av fel).",
  "Datumfälten visar webbläsarens datumformat, som kan skilja sig från instruktionen ÅÅÅÅ-MM-DD (WCAG 3.3.2 Etiketter eller instruktioner).",
  "Närvarorutorna för ett sammanträde är förifyllda, och fler tjänstgörande ledamöter än nämnden har platser godtas utan varning (WCAG 3.3.4 Förhindra fel).",
  "Textredigeraren för tjänsteutlåtanden går att använda med tangentbord, men har inte prövats med skärmläsare.",
  "På smala skärmar visas tabeller som staplade rader med kolumnrubriken vid varje uppgift. Hur skärmläsare läser tabellerna i det läget har inte prövats.",
  "Exporterade dokument (PDF/A med taggad struktur och språkangivelse, Word) har inte granskats med skärmläsare eller mot PDF/UA.",
];

const Contact = () =>
  env.YTTRA_ACCESSIBILITY_EMAIL ? (
    <a href={`mailto:${env.YTTRA_ACCESSIBILITY_EMAIL}`} className={LINK_CLASS}>
      {env.YTTRA_ACCESSIBILITY_EMAIL}
    </a>
  ) : (
    <>kommunens kontaktcenter eller växel, och be att få tala med systemförvaltaren för Yttra</>
  );

const AccessibilityStatementPage = () => {
  const operator = env.YTTRA_OPERATOR_NAME ?? "Kommunen som driver den här installationen";
  return (
    <PublicShell subtitle="tillgänglighet" narrow>
      <article className="max-w-3xl space-y-4 leading-relaxed">
        <h1 className="text-2xl font-bold sm:text-3xl">Tillgänglighetsredogörelse för Yttra</h1>
        <p>
          {operator} står bakom Yttra: ärendehanteringen för nämndernas remissvar, det offentliga diariet och verifieringen av attesterade
          dokument. Vi vill att så många som möjligt ska kunna använda webbplatsen. Här beskriver vi hur Yttra uppfyller lagen (2018:1937) om
          tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera brister till oss så att vi kan
          åtgärda dem.
        </p>

        <h2 className={H2}>Hur tillgänglig är webbplatsen?</h2>
        <p>
          Vi vet att delar av webbplatsen inte är helt tillgängliga. Kraven är de i standarden EN 301 549, som för webbsidor motsvarar WCAG 2.1
          på nivå AA. Bristerna står under <a href="#brister" className={LINK_CLASS}>Innehåll som inte är tillgängligt</a>.
        </p>

        <h2 className={H2}>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
        <p>
          Behöver du innehåll från Yttra i en annan form, till exempel en handling ur det offentliga diariet, kontakta <Contact />. Allmänna
          handlingar kan du alltid begära ut hos nämndens registrator.
        </p>

        <h2 className={H2}>Rapportera brister i webbplatsens tillgänglighet</h2>
        <p>
          Upptäcker du problem som inte står på den här sidan, eller tycker du att vi inte uppfyller lagens krav, kontakta <Contact />. Berätta
          vilken sida det gäller och vad som inte fungerar, så återkommer vi.
        </p>

        <h2 className={H2}>Tillsyn</h2>
        <p>
          Myndigheten för digital förvaltning (Digg) har tillsyn över lagen om tillgänglighet till digital offentlig service. Är du inte nöjd
          med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det:{" "}
          <a href={DIGG_REPORT_URL} className={LINK_CLASS}>
            Anmäl bristande tillgänglighet hos Digg
          </a>
          .
        </p>

        <h2 className={H2}>Teknisk information om webbplatsens tillgänglighet</h2>
        <p data-testid="compliance-status">
          Webbplatsen är <strong>delvis förenlig</strong> med lagen om tillgänglighet till digital offentlig service, på grund av de brister
          som beskrivs nedan.
        </p>

        <h3 id="brister" className="mt-6 text-xl font-semibold">
          Innehåll som inte är tillgängligt
        </h3>
        <p>Bristande förenlighet med lagkraven:</p>
        <ul className="list-disc space-y-2 pl-6">
          {GAPS.map((gap, index) => (
            <li key={index}>{gap}</li>
          ))}
        </ul>

        <h3 className="mt-6 text-xl font-semibold">Innehåll som inte omfattas av lagkraven</h3>
        <p>
          Inkomna handlingar som andra har skickat till nämnderna, till exempel skannade brev, är innehåll från tredje part som vi inte styr
          över (9 § lagen om tillgänglighet till digital offentlig service). De kan vara otillgängliga; be oss då om en tillgänglig version.
        </p>

        <h2 className={H2}>Hur vi testat webbplatsen</h2>
        <p>
          Vi har gjort en självskattning (intern testning) av Yttra. Automatiska tester i webbläsaren Chromium prövar att sidorna går att
          använda i 320 pixlars bredd utan att sidan rullar i sidled – som i en mobiltelefon eller vid 400 % förstoring på en vanlig skärm –,
          att tabellernas uppgifter då syns och har sina kolumnrubriker, och att menyn går att öppna. Bristerna ovan har vi hittat genom att
          använda webbplatsen som nya användare i en riktig webbläsare.
        </p>
        <p>
          Senaste bedömningen gjordes den <time dateTime={ASSESSED.iso}>{ASSESSED.text}</time>.
        </p>
        <p>
          Redogörelsen uppdaterades senast den <time dateTime={UPDATED.iso}>{UPDATED.text}</time>.
        </p>
      </article>
    </PublicShell>
  );
};

export default AccessibilityStatementPage;
