// The municipality's statement templates on /admin/mallar: the newest version of each.
import Link from "next/link";
import type { TemplateListRow } from "../server/templates";
import { formatDate } from "@/lib/dates";

export const templatePath = (key: string): string => `/admin/mallar/${encodeURIComponent(key)}`;

export const TemplateList = ({ templates }: { templates: TemplateListRow[] }) => (
  <table className="w-full border-collapse bg-white text-left">
    <caption className="sr-only">Mallar för tjänsteutlåtanden</caption>
    <thead>
      <tr className="border-b-2 border-slate-300">
        <th scope="col" className="p-2">Namn</th>
        <th scope="col" className="p-2">Version</th>
        <th scope="col" className="p-2">Senast ändrad</th>
        <th scope="col" className="p-2">Avsnitt</th>
      </tr>
    </thead>
    <tbody>
      {templates.map((template) => (
        <tr key={template.id} className="border-b border-slate-200 align-top">
          <th scope="row" className="p-2">
            <Link href={templatePath(template.key)} className="font-semibold text-brand-700 underline-offset-4 hover:underline">
              {template.name}
            </Link>
            {template.isDefault ? <span className="ml-2 text-sm font-normal text-slate-700">(används för nya tjänsteutlåtanden)</span> : null}
          </th>
          <td className="p-2">{template.version}</td>
          <td className="p-2">{formatDate(template.updatedAt.toISOString())}</td>
          <td className="p-2">{template.definition.sections.map((section) => section.heading).join(", ")}</td>
        </tr>
      ))}
    </tbody>
  </table>
);
