// The municipality's digital anslagstavla (no login): the justerade protokoll during their
// appeal period and the kungörelser of coming public meetings. What has been taken down is
// in the archive (/<kommun>/anslagstavla/arkiv).
import { PublicShell } from "@/components/public-shell";
import { publicPageMetadata } from "@/features/admin/public-municipality";
import { NoticeBoardLink, NoticeBoardSections } from "@/features/meetings/components/notice-board";
import { loadNoticeBoardPage } from "./anslagstavla-page";

export const generateMetadata = publicPageMetadata("Anslagstavla");
// Always current: what is posted depends on today's date.
export const dynamic = "force-dynamic";

const NoticeBoardPage = async ({ params }: { params: Promise<{ kommun: string }> }) => {
  const { municipality, board } = await loadNoticeBoardPage((await params).kommun);
  return (
    <PublicShell subtitle="anslagstavla" municipality={municipality} narrow note="Uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL) visas inte.">
      <div className="space-y-8">
        <section aria-labelledby="notice-board-heading" className="space-y-3 leading-relaxed">
          <h1 id="notice-board-heading" className="text-3xl font-bold">
            Anslagstavla
          </h1>
          <p className="max-w-3xl text-slate-700">
            {municipality.name}s anslagstavla enligt kommunallagen: här tillkännages att nämndernas protokoll har justerats, och här kungörs
            fullmäktiges och andra offentliga sammanträden.
          </p>
          <p className="max-w-3xl text-slate-700">
            Den som är medlem i kommunen kan överklaga ett beslut hos förvaltningsrätten (laglighetsprövning enligt 13 kap. kommunallagen).
            Överklagandet ska ha kommit in inom tre veckor från den dag då justeringen av protokollet tillkännagavs här. Ett tillkännagivande
            sitter uppe till och med sista dagen att överklaga och en kungörelse till och med sammanträdesdagen.
          </p>
          <NoticeBoardLink href={`/${municipality.slug}/anslagstavla/arkiv`}>Arkiv: tidigare anslag</NoticeBoardLink>
        </section>
        <NoticeBoardSections board={board} archived={false} />
      </div>
    </PublicShell>
  );
};

export default NoticeBoardPage;
