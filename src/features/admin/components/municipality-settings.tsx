import { Link } from "@/components/link";
import { MunicipalitySettingsForm } from "./municipality-forms";

type Settings = { id: string; name: string; slug: string; publicUrl: string | null; hasLogo: boolean; updatedAt: Date; userCount: number };

/** Kommunens inställningar: its public pages, the current logo and the form. */
export const MunicipalitySettings = ({ municipality }: { municipality: Settings }) => (
  <div className="space-y-6">
    <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
      <dt className="font-semibold">Offentliga sidor</dt>
      <dd>
        <Link href={`/${municipality.slug}/offentligt`} className="font-semibold text-brand-700 underline underline-offset-4">
          /{municipality.slug}/offentligt
        </Link>
      </dd>
      <dt className="font-semibold">Användare</dt>
      <dd>{municipality.userCount}</dd>
      <dt className="font-semibold">Logotyp</dt>
      <dd>
        {municipality.hasLogo ? (
          // A user-supplied image served by the app itself: no optimisation to configure.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={`/api/offentligt/logotyp/${municipality.slug}`} alt="Kommunens nuvarande logotyp" className="h-16 w-auto" />
        ) : (
          "Ingen logotyp"
        )}
      </dd>
    </dl>
    <MunicipalitySettingsForm
      municipality={{ id: municipality.id, name: municipality.name, publicUrl: municipality.publicUrl, hasLogo: municipality.hasLogo, updatedAt: municipality.updatedAt.toISOString() }}
    />
  </div>
);
