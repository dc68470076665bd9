// Version list and the word diff between two versions (a plain GET form: works without JavaScript).
import { Link } from "@/components/link";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { GetForm, SelectField } from "@/components/form";
import { formatDateTime } from "@/lib/dates";
import type { DiffPart, StatementHistoryData } from "../server/statement-queries";
import { RestoreVersionButton } from "./restore-version-button";
import { WordDiff } from "./word-diff";

const versionOptions = (versions: StatementHistoryData["versions"]) => versions.map((version) => ({ value: String(version.number), label: String(version.number) }));

export const StatementHistory = ({ history, from, to, diff }: { history: StatementHistoryData; from: number; to: number; diff: DiffPart[] | null }) => (
  <div className="mt-6 space-y-8">
    <DataTable caption="Sparade versioner, nyast först" captionVisible columns={["Version", "Sparad", "Av", "Ändrat", "Åtgärder"]}>
      {history.versions.map((version) => (
        <tr key={version.number} className={ROW}>
          <RowHeaderCell>
            {version.number}
            {version.number === history.currentVersion ? <span className="ml-1 text-sm font-normal">(senaste)</span> : null}
          </RowHeaderCell>
          <td className={CELL}>{formatDateTime(version.createdAt)}</td>
          <td className={CELL}>{version.authorName}</td>
          <td className={CELL}>{version.changed}</td>
          <td className={`flex flex-wrap gap-3 ${CELL}`}>
            <Link href={`/arenden/${history.caseId}/tjansteutlatande/forhandsgranska?version=${version.number}`} className="text-brand-700 underline">
              Visa <span className="sr-only">version {version.number}</span>
            </Link>
            {version.number > 1 ? (
              <Link href={`/arenden/${history.caseId}/tjansteutlatande/historik?fran=${version.number - 1}&till=${version.number}`} className="text-brand-700 underline">
                Jämför med föregående <span className="sr-only">(version {version.number})</span>
              </Link>
            ) : null}
            {history.canRestore && version.number !== history.currentVersion ? (
              <RestoreVersionButton caseId={history.caseId} statementId={history.statementId} number={version.number} baseVersion={history.currentVersion} />
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>

    <section aria-labelledby="diff-heading">
      <h2 id="diff-heading" className="text-xl font-bold">
        Jämför två versioner
      </h2>
      <GetForm className="mt-2 flex flex-wrap items-end gap-3">
        <SelectField name="fran" label="Från version" defaultValue={String(from)} options={versionOptions(history.versions)} />
        <SelectField name="till" label="Till version" defaultValue={String(to)} options={versionOptions(history.versions)} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Jämför
        </button>
      </GetForm>
      {diff ? (
        <div className="mt-3">
          <p className="mb-1 text-sm text-slate-700">
            Version {from} → {to}. Överstruket har tagits bort, understruket har lagts till.
          </p>
          <WordDiff parts={diff} removedLabel={`borttaget (fanns i version ${from})`} addedLabel={`tillagt (i version ${to})`} />
        </div>
      ) : (
        <p className="mt-3 text-slate-700">Välj två olika versioner.</p>
      )}
    </section>
  </div>
);
