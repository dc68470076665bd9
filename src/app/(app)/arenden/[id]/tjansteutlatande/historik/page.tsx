import type { Metadata } from "next";
import { Link } from "@/components/link";
import { StatementHistory } from "@/features/statements/components/statement-history";
import { getStatementHistory, getStatementVersionDiff } from "@/features/statements/server/statement-queries";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";

export const metadata: Metadata = { title: "Versionshistorik – tjänsteutlåtande" };

const asVersion = (value: string | undefined): number | undefined => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined);

const HistoryPage = async ({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ fran?: string; till?: string }> }) => {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  const history = await orNotFound(getStatementHistory({ actor, caseId: id }));
  const to = asVersion(query.till) ?? history.currentVersion;
  const from = asVersion(query.fran) ?? Math.max(1, to - 1);
  const diff = from !== to ? await orNotFound(getStatementVersionDiff({ actor, caseId: id, from, to })) : null;
  return (
    <div>
      <p className="text-sm">
        <Link href={`/arenden/${history.caseId}/tjansteutlatande`} className="text-brand-700 underline">
          Tillbaka till tjänsteutlåtandet
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Versionshistorik</h1>
      <p className="mt-1 text-slate-700">
        {history.caseNumber} · {history.caseTitle}
      </p>
      <StatementHistory history={history} from={from} to={to} diff={diff} />
    </div>
  );
};

export default HistoryPage;
