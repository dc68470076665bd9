// The committees' public meeting documents (no login): per committee, its meetings with the
// published kallelse and föredragningslista and the justerade protokoll, as public copies
// (every item of a confidential case masked). Nothing unpublished or not yet justerat is listed.
import { LINK_CLASS } from "@/components/link";
import { PublicShell } from "@/components/public-shell";
import { publicPageMetadata } from "@/features/admin/public-municipality";
import { loadPublicMeetingsPage } from "./public-meetings-page";

export const generateMetadata = publicPageMetadata("Nämndernas sammanträdeshandlingar");
// Always current, and never a static build-time snapshot (there is no database at build time).
export const dynamic = "force-dynamic";


const Downloads = ({ label, path }: { label: string; path: string }) => (
  <li>
    {label}:{" "}
    <a href={`${path}?format=pdf`} className={LINK_CLASS} aria-label={`${label}, PDF`}>
      PDF
    </a>{" "}
    ·{" "}
    <a href={`${path}?format=docx`} className={LINK_CLASS} aria-label={`${label}, Word`}>
      Word
    </a>
  </li>
);

const PublicMeetingsPage = async ({ params }: { params: Promise<{ kommun: string }> }) => {
  const { municipality, committees } = await loadPublicMeetingsPage((await params).kommun);
  return (
    <PublicShell subtitle="sammanträdeshandlingar" municipality={municipality} note="Uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL) visas inte.">
      <section aria-labelledby="public-meetings-heading" className="space-y-6">
        <h1 id="public-meetings-heading" className="text-3xl font-bold">
          Nämndernas sammanträdeshandlingar
        </h1>
        <p className="max-w-3xl text-slate-700">
          Kallelse och föredragningslista finns här när nämndsekreteraren har publicerat dem, och protokollet när det har justerats. För
          ärenden som omfattas av sekretess visas bara diarienummer och sekretessbestämmelse.
        </p>
        {committees.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">Inga sammanträdeshandlingar är publicerade ännu.</p>
        ) : (
          committees.map((committee) => (
            <section key={committee.id} aria-labelledby={`committee-${committee.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id={`committee-${committee.id}`} className="text-2xl font-semibold">
                {committee.name}
              </h2>
              <ul className="mt-2 divide-y divide-slate-200">
                {committee.meetings.map((meeting) => {
                  const heading = `Sammanträde ${meeting.when}`;
                  return (
                    <li key={meeting.id} className="py-3" data-testid="public-meeting">
                      <h3 className="font-semibold">{heading}</h3>
                      <p className="text-slate-700">{meeting.place}</p>
                      <ul className="mt-1 space-y-1" aria-label={`Handlingar, ${heading}`}>
                        {meeting.agendaPublished ? (
                          <Downloads label="Kallelse och föredragningslista" path={`/api/offentligt/kallelse/${meeting.id}`} />
                        ) : null}
                        {meeting.approvedMinutesId ? <Downloads label="Justerat protokoll" path={`/api/offentligt/protokoll/${meeting.approvedMinutesId}`} /> : null}
                        {meeting.approvedMinutesId ? null : <li className="text-slate-700">Protokollet är inte justerat ännu.</li>}
                      </ul>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))
        )}
      </section>
    </PublicShell>
  );
};

export default PublicMeetingsPage;
