import type { Metadata } from "next";
import { Link, LINK_CLASS } from "@/components/link";
import { WorkSection } from "@/components/work-section";
import { AttestInboxTable } from "@/features/attestation/components/attest-inbox";
import { ReturnedStatementsList } from "@/features/attestation/components/returned-statements";
import { DeadlineTable } from "@/features/diarium/components/deadline-table";
import { DiariumTable } from "@/features/diarium/components/diarium-table";
import { MyCasesTable } from "@/features/diarium/components/my-cases-table";
import { DUE_SOON_DAYS } from "@/features/diarium/server/deadlines";
import { RECENTLY_REGISTERED_DAYS } from "@/features/diarium/server/diarium-list";
import { MY_CASES_LIMIT, type MyCaseRow } from "@/features/diarium/server/my-cases";
import { JusteringInboxTable } from "@/features/meetings/components/justering-inbox";
import { MinutesInJusteringTable, NextMeetingsTable, ReadyForAgendaTable } from "@/features/meetings/components/secretary-overview";
import { STATEMENT_STATUS_LABELS } from "@/features/statements/labels";
import { requireActor, type Actor } from "@/server/auth";
import { loadStartPage, RECENTLY_REGISTERED_SHOWN, type StartPageData } from "./start-page";

export const metadata: Metadata = { title: "Mina ärenden" };


/** Under a start page section of deadlines: which are shown, and that all are on /bevakning. */
const FirstOfBevakning = ({ label, shown, total }: { label: string; shown: number; total: number }) => (
  <>
    De {shown} {label} av {total} visas. Alla finns under{" "}
    <Link href="/bevakning" className={LINK_CLASS}>
      Bevakning
    </Link>
    .
  </>
);

/** "Utkast: 2 · Inget tjänsteutlåtande: 1": the handläggare's open cases by where their statement stands. */
const byStatementStatus = (rows: MyCaseRow[]): string[] => {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const label = row.statementStatus ? STATEMENT_STATUS_LABELS[row.statementStatus] : "Inget tjänsteutlåtande";
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => `${label}: ${count}`);
};

// Each role's sections show only what that role works with (loadStartPage reads it); a person with several roles sees them all.

const CaseOfficerSections = ({ actor, data: { myCases, returned, deadlines } }: { actor: Actor; data: NonNullable<StartPageData["caseOfficer"]> }) => {
  return (
    <>
      <WorkSection id="returned" heading="Återsända till dig" count={returned.length} emptyText="Inget tjänsteutlåtande har skickats tillbaka till dig.">
        <ReturnedStatementsList items={returned} />
      </WorkSection>
      <DeadlineTable
        id="my-overdue"
        heading="Dina försenade bevakningar"
        rows={deadlines.own.overdue.rows}
        total={deadlines.own.overdue.total}
        shown={<FirstOfBevakning label="mest försenade" shown={deadlines.own.overdue.rows.length} total={deadlines.own.overdue.total} />}
        emptyText="Inga av dina bevakningar är försenade."
      />
      <DeadlineTable
        id="my-due-soon"
        heading={`Förfaller inom ${DUE_SOON_DAYS} dagar`}
        rows={deadlines.own.dueSoon.rows}
        total={deadlines.own.dueSoon.total}
        shown={<FirstOfBevakning label="som förfaller först" shown={deadlines.own.dueSoon.rows.length} total={deadlines.own.dueSoon.total} />}
        emptyText={`Inget av dina ärenden förfaller de närmaste ${DUE_SOON_DAYS} dagarna.`}
      />
      <p className="mt-2">
        <Link href="/bevakning" className={LINK_CLASS}>
          Gå till bevakning
        </Link>
      </p>
      <WorkSection id="my-cases" heading="Öppna ärenden där du är handläggare eller medhandläggare" count={myCases.rows.length} emptyText="Du har inga ärenden just nu.">
        <p className="mt-2 text-slate-700" data-testid="my-cases-by-status">
          {byStatementStatus(myCases.rows).join(" · ")}
        </p>
        <MyCasesTable rows={myCases.rows} />
        {myCases.truncated ? (
          <p className="mt-2 text-slate-700">
            De {MY_CASES_LIMIT} mest brådskande visas.{" "}
            <Link href={`/diarium?handlaggare=${actor.id}&status=OPEN&sortering=remisstid`} className={LINK_CLASS}>
              Se alla i diariet
            </Link>
          </p>
        ) : null}
      </WorkSection>
    </>
  );
};

const AttesterSections = ({ data: { inbox, deadlines, unit } }: { data: NonNullable<StartPageData["attester"]> }) => {
  return (
    <>
      <WorkSection id="attest-inbox" heading="Väntar på din attestering" count={inbox.length} emptyText="Inget väntar på din attestering.">
        <AttestInboxTable items={inbox} />
      </WorkSection>
      <DeadlineTable
        id="unit-overdue"
        heading={`Försenade ärenden ${unit}`}
        rows={deadlines.readable.overdue.rows}
        total={deadlines.readable.overdue.total}
        shown={<FirstOfBevakning label="mest försenade" shown={deadlines.readable.overdue.rows.length} total={deadlines.readable.overdue.total} />}
        emptyText={`Inga ärenden ${unit} är försenade.`}
      />
    </>
  );
};

const SecretarySections = ({ data: { nextMeetings, readyForAgenda, inJustering } }: { data: NonNullable<StartPageData["secretary"]> }) => {
  return (
    <>
      <WorkSection id="next-meetings" heading="Kommande sammanträden" count={nextMeetings.length} emptyText="Inga sammanträden är planerade.">
        <NextMeetingsTable meetings={nextMeetings} />
      </WorkSection>
      <WorkSection id="ready-for-agenda" heading="Attesterade ärenden att sätta på föredragningslistan" count={readyForAgenda.total} emptyText="Inga attesterade ärenden väntar på en föredragningslista.">
        {readyForAgenda.total > readyForAgenda.rows.length ? (
          <p className="mt-2 text-slate-700">
            De {readyForAgenda.rows.length} av {readyForAgenda.total} som väntat längst visas. De läggs på en föredragningslista från sammanträdets sida
            under{" "}
            <Link href="/sammantraden" className={LINK_CLASS}>
              Sammanträden
            </Link>
            .
          </p>
        ) : null}
        <ReadyForAgendaTable cases={readyForAgenda.rows} />
      </WorkSection>
      <WorkSection id="minutes-in-justering" heading="Protokoll som väntar på justering" count={inJustering.length} emptyText="Inga protokoll är ute för justering.">
        <MinutesInJusteringTable minutes={inJustering} />
      </WorkSection>
    </>
  );
};

const JusteringSection = ({ items }: { items: NonNullable<StartPageData["justering"]> }) => {
  return (
    <WorkSection id="justering" heading="Att justera" count={items.length} emptyText="Inga protokoll väntar på din justering.">
      <JusteringInboxTable items={items} />
    </WorkSection>
  );
};

const RegistrarSection = ({ data: { count, latest } }: { data: NonNullable<StartPageData["registrar"]> }) => {
  return (
    <WorkSection
      id="recently-registered"
      heading={`Registrerade de senaste ${RECENTLY_REGISTERED_DAYS} dagarna`}
      count={count}
      emptyText={`Inga ärenden har registrerats de senaste ${RECENTLY_REGISTERED_DAYS} dagarna.`}
    >
      <DiariumTable rows={latest.rows} caption={`De ${RECENTLY_REGISTERED_SHOWN} senast registrerade ärendena`} />
      <p className="mt-2">
        <Link href="/diarium" className={LINK_CLASS}>
          Öppna diariet
        </Link>
      </p>
    </WorkSection>
  );
};

const StartPage = async () => {
  const actor = await requireActor();
  const data = await loadStartPage(actor);
  return (
    <section aria-labelledby="start-heading">
      <h1 id="start-heading" className="text-3xl font-bold">
        Mina ärenden
      </h1>
      <p className="mt-2 text-slate-700">Välkommen, {actor.name}. Här visas det som väntar på dig.</p>
      {data.justering ? <JusteringSection items={data.justering} /> : null}
      {data.attester ? <AttesterSections data={data.attester} /> : null}
      {data.secretary ? <SecretarySections data={data.secretary} /> : null}
      {data.registrar ? <RegistrarSection data={data.registrar} /> : null}
      {data.caseOfficer ? <CaseOfficerSections actor={actor} data={data.caseOfficer} /> : null}
    </section>
  );
};

export default StartPage;
