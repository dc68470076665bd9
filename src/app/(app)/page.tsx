import type { Metadata } from "next";
import Link from "next/link";
import { MyCasesTable } from "@/features/diarium/components/my-cases-table";
import { countDeadlines } from "@/features/diarium/server/deadlines";
import { listMyOpenCases, MY_CASES_LIMIT } from "@/features/diarium/server/my-cases";
import { hasRole, requireActor } from "@/server/auth";

export const metadata: Metadata = { title: "Mina ärenden" };

const MyCasesPage = async () => {
  const actor = await requireActor();
  const [myCases, counts] = await Promise.all([listMyOpenCases({ actor }), countDeadlines({ actor })]);
  const showsDiariumLink = hasRole(actor, "REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR", "COMMITTEE_SECRETARY");
  const hasDeadlines = counts.overdue + counts.dueSoon > 0;
  return (
    <section aria-labelledby="my-cases">
      <h1 id="my-cases" className="text-3xl font-bold">
        Mina ärenden
      </h1>
      <p className="mt-2 text-slate-700">Välkommen, {actor.name}.</p>

      {hasDeadlines ? (
        <div className="mt-6 rounded-lg border border-amber-400 bg-amber-50 p-4" data-testid="deadline-summary">
          <p className="font-semibold">
            {counts.overdue === 1 ? "1 försenad bevakning" : `${counts.overdue} försenade bevakningar`} ·{" "}
            {counts.dueSoon === 1 ? "1 bevakning förfaller" : `${counts.dueSoon} bevakningar förfaller`} inom 14 dagar
          </p>
          <Link href="/bevakning" className="mt-1 inline-block font-semibold text-brand-700 underline underline-offset-4">
            Gå till bevakning
          </Link>
        </div>
      ) : null}

      {showsDiariumLink ? (
        <p className="mt-4">
          <Link href="/diarium" className="font-semibold text-brand-700 underline underline-offset-4">
            Öppna diariet
          </Link>{" "}
          – alla ärenden du har behörighet att se, med filter och sökning.
        </p>
      ) : null}

      <h2 className="mt-8 text-xl font-bold">Öppna ärenden där du är handläggare</h2>
      {myCases.rows.length === 0 ? (
        <div className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-semibold">Du har inga ärenden just nu.</p>
          <p className="mt-1 text-slate-600">Ärenden som du handlägger visas här, de med närmast remisstid först.</p>
        </div>
      ) : (
        <>
          <MyCasesTable rows={myCases.rows} />
          {myCases.truncated ? (
            <p className="mt-2 text-slate-700">
              De {MY_CASES_LIMIT} mest brådskande visas.{" "}
              <Link href={`/diarium?handlaggare=${actor.id}&status=OPEN&sortering=remisstid`} className="font-semibold text-brand-700 underline">
                Se alla i diariet
              </Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
};

export default MyCasesPage;
