import type { Metadata } from "next";
import { Link, LINK_CLASS } from "@/components/link";
import { DeadlineTable } from "@/features/diarium/components/deadline-table";
import { IgnoredFiltersNotice } from "@/features/diarium/components/ignored-filters-notice";
import { Pager } from "@/components/pager";
import { parseSearchParams, toQueryString, ZDeadlineSearchParamsSchema, type DEADLINE_SECTION_PARAMS, type RawSearchParams } from "@/features/diarium/schemas";
import { DEADLINE_SECTION_ROWS, DUE_SOON_DAYS, listDeadlines, MOTION_WARNING_DAYS, type DeadlineSectionKey } from "@/features/diarium/server/deadlines";
import { requireActor } from "@/server/auth";

export const metadata: Metadata = { title: "Bevakning" };


const SECTIONS: { key: DeadlineSectionKey; param: (typeof DEADLINE_SECTION_PARAMS)[number]; id: string; heading: string; emptyText: string }[] = [
  { key: "overdue", param: "forsenade", id: "overdue", heading: "Försenade", emptyText: "Inga försenade bevakningar." },
  { key: "dueSoon", param: "forfaller", id: "due-soon", heading: `Förfaller inom ${DUE_SOON_DAYS} dagar`, emptyText: `Inget förfaller de närmaste ${DUE_SOON_DAYS} dagarna.` },
  {
    key: "motionsApproaching",
    param: "motioner",
    id: "motions",
    heading: `Motioner som ska besvaras inom ${MOTION_WARNING_DAYS} dagar`,
    emptyText: "Inga motioner närmar sig ettårsgränsen.",
  },
];

/** Every section's first rows; `?avsnitt=…&sida=…` pages through one section alone. */
const DeadlinesPage = async ({ searchParams }: { searchParams: Promise<RawSearchParams> }) => {
  const actor = await requireActor();
  const { values, invalid } = parseSearchParams(ZDeadlineSearchParamsSchema, await searchParams);
  const selected = SECTIONS.find((section) => section.param === values.avsnitt) ?? null;
  const page = selected ? (values.sida ?? 1) : 1;
  // A page belongs to one section: without it, the page number is not applied (and the notice says so).
  const ignored = values.sida && !selected ? [...invalid, "sida"] : invalid;
  const overview = await listDeadlines({ actor, paged: selected ? { section: selected.key, page } : undefined });
  const first = (page - 1) * DEADLINE_SECTION_ROWS;
  const pageHref = (section: (typeof SECTIONS)[number], to: number) => `/bevakning${toQueryString({ avsnitt: section.param, sida: to > 1 ? to : undefined })}`;
  return (
    <section aria-labelledby="deadlines-heading">
      <h1 id="deadlines-heading" className="text-3xl font-bold">
        Bevakning{selected ? `: ${selected.heading.toLowerCase()}` : ""}
      </h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Bevakade datum i öppna ärenden som du har behörighet att se. Dina egna ärenden visas först. Motioner ska enligt kommunallagen besvaras inom ett år
        från att de väcktes; de markeras {MOTION_WARNING_DAYS} dagar innan.
      </p>
      <IgnoredFiltersNotice invalid={[...new Set(ignored)]} cursorIgnored={false} />
      {selected ? (
        <p className="mt-4">
          <Link href="/bevakning" className={LINK_CLASS}>
            Alla avsnitt
          </Link>
        </p>
      ) : null}
      {(selected ? [selected] : SECTIONS).map((section) => {
        const { rows, total } = overview[section.key];
        const shown =
          rows.length === 0 ? (
            <>
              Sidan {page} finns inte: avsnittet har {total}.{" "}
              <Link href={pageHref(section, 1)} className={LINK_CLASS}>
                Till första sidan
              </Link>
            </>
          ) : selected ? (
            `Rad ${first + 1}–${first + rows.length} av ${total} visas.`
          ) : (
            <>
              De {rows.length} första av {total} visas.{" "}
              <Link href={pageHref(section, 1)} className={LINK_CLASS}>
                Bläddra bland alla {total}
              </Link>
            </>
          );
        return (
          <div key={section.key}>
            <DeadlineTable id={section.id} heading={section.heading} rows={rows} total={total} shown={shown} emptyText={section.emptyText} />
            {selected ? (
              <Pager
                prevHref={page > 1 ? pageHref(section, Math.min(page - 1, Math.ceil(total / DEADLINE_SECTION_ROWS))) : null}
                nextHref={first + rows.length < total ? pageHref(section, page + 1) : null}
                label={`Sidor i ${section.heading.toLowerCase()}`}
              />
            ) : null}
          </div>
        );
      })}
    </section>
  );
};

export default DeadlinesPage;
