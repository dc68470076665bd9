import type { Metadata } from "next";
import { Link } from "@/components/link";
import { CaseHistoryTable } from "@/features/audit/components/case-history";
import { getCaseHistory } from "@/features/audit/server/case-history";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";

export const metadata: Metadata = { title: "Händelser" };

const CaseHistoryPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const history = await orNotFound(getCaseHistory({ actor, caseId: id }));
  return (
    <section aria-labelledby="history-heading">
      <p className="text-sm">
        <Link href={`/arenden/${history.caseId}`} className="underline">
          {history.caseNumber}
        </Link>
      </p>
      <h1 id="history-heading" className="text-3xl font-bold">
        Händelser
      </h1>
      <p className="mt-1 text-slate-700">{history.title}</p>
      <CaseHistoryTable entries={history.entries} caseNumber={history.caseNumber} />
    </section>
  );
};

export default CaseHistoryPage;
