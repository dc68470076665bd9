import type { Metadata } from "next";
import { DeadlineTable } from "@/features/diarium/components/deadline-table";
import { DEADLINE_LIST_LIMIT, DUE_SOON_DAYS, listDeadlines, MOTION_WARNING_DAYS } from "@/features/diarium/server/deadlines";
import { requireActor } from "@/server/auth";

export const metadata: Metadata = { title: "Bevakning" };

const DeadlinesPage = async () => {
  const actor = await requireActor();
  const overview = await listDeadlines({ actor });
  return (
    <section aria-labelledby="deadlines-heading">
      <h1 id="deadlines-heading" className="text-3xl font-bold">
        Bevakning
      </h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Bevakade datum i öppna ärenden som du har behörighet att se. Dina egna ärenden visas först. Motioner ska enligt kommunallagen besvaras inom ett år
        från att de väcktes; de markeras {MOTION_WARNING_DAYS} dagar innan.
      </p>
      {overview.truncated ? (
        <p role="alert" className="mt-4 rounded border border-amber-400 bg-amber-50 p-3">
          Det finns fler än {DEADLINE_LIST_LIMIT} bevakningar. Bara de {DEADLINE_LIST_LIMIT} tidigaste visas.
        </p>
      ) : null}
      <DeadlineTable id="overdue" heading="Försenade" rows={overview.overdue} emptyText="Inga försenade bevakningar." />
      <DeadlineTable id="due-soon" heading={`Förfaller inom ${DUE_SOON_DAYS} dagar`} rows={overview.dueSoon} emptyText={`Inget förfaller de närmaste ${DUE_SOON_DAYS} dagarna.`} />
      <DeadlineTable
        id="motions"
        heading={`Motioner som ska besvaras inom ${MOTION_WARNING_DAYS} dagar`}
        rows={overview.motionsApproaching}
        emptyText="Inga motioner närmar sig ettårsgränsen."
      />
    </section>
  );
};

export default DeadlinesPage;
