// Every version of a template and how many statements use it: a statement keeps the
// version it was created from, so older versions stay in use.
import type { TemplateVersionRow } from "../server/templates";
import { formatDate } from "@/lib/dates";

export const TemplateVersions = ({ versions }: { versions: TemplateVersionRow[] }) => (
  <section aria-labelledby="template-versions" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
    <h2 id="template-versions" className="mb-3 text-2xl font-semibold">
      Versioner
    </h2>
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">Mallens versioner, nyast först</caption>
      <thead>
        <tr className="border-b-2 border-slate-300">
          <th scope="col" className="p-2">Version</th>
          <th scope="col" className="p-2">Sparad</th>
          <th scope="col" className="p-2">Tjänsteutlåtanden</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((version, index) => (
          <tr key={version.id} className="border-b border-slate-200">
            <th scope="row" className="p-2">
              {version.version}
              {index === 0 ? <span className="text-sm font-normal"> (gäller nya)</span> : null}
            </th>
            <td className="p-2">{formatDate(version.createdAt.toISOString())}</td>
            <td className="p-2">{version.statementCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);
