// The anslagstavla's archive (no login), one year at a time (?ar=2024, this year by default):
// the protokoll whose appeal period has run out and the kungörelser of meetings that have
// been held, newest first, with links to the archive's other years.
import { PublicShell } from "@/components/public-shell";
import { publicPageMetadata } from "@/features/admin/public-municipality";
import { NoticeBoardLink, NoticeBoardSections, NoticeBoardYears } from "@/features/meetings/components/notice-board";
import { loadNoticeBoardArchivePage } from "../anslagstavla-page";

export const generateMetadata = publicPageMetadata("Anslagstavlans arkiv");
export const dynamic = "force-dynamic";

/** `?ar=2024`: a four-digit year, else none (this year). */
const yearParam = (value: string | string[] | undefined): number | undefined => (typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : undefined);

const NoticeBoardArchivePage = async ({ params, searchParams }: { params: Promise<{ kommun: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) => {
  const { municipality, board } = await loadNoticeBoardArchivePage((await params).kommun, { year: yearParam((await searchParams).ar) });
  return (
    <PublicShell subtitle="anslagstavlans arkiv" municipality={municipality} narrow note="Uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL) visas inte.">
      <div className="space-y-8">
        <section aria-labelledby="notice-board-archive-heading" className="space-y-3 leading-relaxed">
          <h1 id="notice-board-archive-heading" className="text-3xl font-bold">
            Anslagstavlans arkiv {board.year}
          </h1>
          <p className="max-w-3xl text-slate-700">
            Tillkännagivanden om justerade protokoll vars överklagandetid har gått ut, och kungörelser av sammanträden som har hållits, ett år i taget.
          </p>
          <NoticeBoardYears basePath={`/${municipality.slug}/anslagstavla/arkiv`} years={board.years} year={board.year} />
          <NoticeBoardLink href={`/${municipality.slug}/anslagstavla`}>Till anslagstavlan</NoticeBoardLink>
        </section>
        <NoticeBoardSections board={board} archived />
      </div>
    </PublicShell>
  );
};

export default NoticeBoardArchivePage;
