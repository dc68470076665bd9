// Every version of a template and how many statements use it: a statement keeps the
// version it was created from, so older versions stay in use.
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { formatDate } from "@/lib/dates";
import type { TemplateVersionRow } from "../server/templates";

/** `appliesToNew`: the template is the one new statements are created from, so its newest version is in force. */
export const TemplateVersions = ({ versions, appliesToNew }: { versions: TemplateVersionRow[]; appliesToNew: boolean }) => (
  <section aria-labelledby="template-versions" className="mt-8">
    <h2 id="template-versions" className="text-2xl font-semibold">
      Versioner
    </h2>
    <DataTable caption="Mallens versioner, nyast först" columns={["Version", "Sparad", "Tjänsteutlåtanden"]}>
      {versions.map((version, index) => (
        <tr key={version.id} className={ROW}>
          <RowHeaderCell>
            {version.version}
            {index === 0 && appliesToNew ? <span className="text-sm font-normal"> (gäller nya)</span> : null}
          </RowHeaderCell>
          <td className={CELL}>{formatDate(version.createdAt)}</td>
          <td className={CELL}>{version.statementCount}</td>
        </tr>
      ))}
    </DataTable>
  </section>
);
