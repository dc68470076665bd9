// The anslagstavla's archive (no login): every protokoll whose appeal period has run out and
// every kungörelse whose meeting has been held, newest first.
import { PublicShell } from "@/components/public-shell";
import { publicPageMetadata } from "@/features/admin/public-municipality";
import { NoticeBoardLink, NoticeBoardSections } from "@/features/meetings/components/notice-board";
import { loadNoticeBoardPage } from "../anslagstavla-page";

export const generateMetadata = publicPageMetadata("Anslagstavlans arkiv");
export const dynamic = "force-dynamic";

const NoticeBoardArchivePage = async ({ params }: { params: Promise<{ kommun: string }> }) => {
  const { municipality, board } = await loadNoticeBoardPage((await params).kommun, { archive: true });
  return (
    <PublicShell subtitle="anslagstavlans arkiv" municipality={municipality} narrow note="Uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL) visas inte.">
      <div className="space-y-8">
        <section aria-labelledby="notice-board-archive-heading" className="space-y-3 leading-relaxed">
          <h1 id="notice-board-archive-heading" className="text-3xl font-bold">
            Anslagstavlans arkiv
          </h1>
          <p className="max-w-3xl text-slate-700">
            Tillkännagivanden om justerade protokoll vars överklagandetid har gått ut, och kungörelser av sammanträden som har hållits.
          </p>
          <NoticeBoardLink href={`/${municipality.slug}/anslagstavla`}>Till anslagstavlan</NoticeBoardLink>
        </section>
        <NoticeBoardSections board={board} archived />
      </div>
    </PublicShell>
  );
};

export default NoticeBoardArchivePage;
