// The municipality's statement templates on /admin/mallar: the newest version of each.
import { Link } from "@/components/link";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { formatDate } from "@/lib/dates";
import { proposerOf } from "../content";
import type { TemplateListRow } from "../server/templates";

export const templatePath = (key: string): string => `/admin/mallar/${encodeURIComponent(key)}`;

export const TemplateList = ({ templates }: { templates: TemplateListRow[] }) => (
  <DataTable caption="Mallar för tjänsteutlåtanden" columns={["Namn", "Gäller", "Förslag från", "Version", "Senast ändrad", "Avsnitt"]}>
    {templates.map((template) => (
      <tr key={template.id} className={ROW}>
        <RowHeaderCell>
          <Link href={templatePath(template.key)} className="text-brand-700 underline underline-offset-4">
            {template.name}
          </Link>
          {template.isDefault ? <span className="ml-2 text-sm font-normal text-slate-700">(används för nya tjänsteutlåtanden)</span> : null}
        </RowHeaderCell>
        <td className={CELL}>{template.committeeName ?? "Hela kommunen"}</td>
        <td className={CELL}>{proposerOf(template.definition).name}</td>
        <td className={CELL}>{template.version}</td>
        <td className={CELL}>{formatDate(template.updatedAt)}</td>
        <td className={CELL}>{template.definition.sections.map((section) => section.heading).join(", ")}</td>
      </tr>
    ))}
  </DataTable>
);
