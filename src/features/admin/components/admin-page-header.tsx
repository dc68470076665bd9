import { Link } from "@/components/link";

const SECTIONS = [
  { href: "/admin/organisation", label: "Organisation" },
  { href: "/admin/anvandare", label: "Användare" },
  { href: "/admin/diarieserier", label: "Diarieserier" },
  { href: "/admin/klassning", label: "Klassning (KLASSA)" },
  { href: "/admin/mallar", label: "Mallar" },
  { href: "/admin/installningar", label: "Kommunens inställningar" },
];

/** Heading and section navigation of the admin pages; the current section is marked with aria-current. */
export const AdminPageHeader = ({ title, current, municipalityName, intro }: { title: string; current?: string; municipalityName: string; intro?: React.ReactNode }) => (
  <div className="mb-8 space-y-4">
    <nav aria-label="Administration">
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <li>
          <Link href="/admin" className="font-semibold text-brand-700 underline-offset-4 hover:underline" aria-current={current === undefined ? "page" : undefined}>
            Administration
          </Link>
        </li>
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link href={section.href} aria-current={current === section.href ? "page" : undefined} className="font-semibold text-brand-700 underline-offset-4 hover:underline aria-[current=page]:underline">
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
    <div>
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{municipalityName}</p>
      <h1 className="text-3xl font-bold">{title}</h1>
      {intro ? <div className="mt-2 max-w-3xl text-slate-700">{intro}</div> : null}
    </div>
  </div>
);

export const ADMIN_SECTIONS = SECTIONS;
