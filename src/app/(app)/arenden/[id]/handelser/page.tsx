import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseHistoryTable } from "@/features/audit/components/case-history";
import { getCaseHistory } from "@/features/audit/server/case-history";
import { requireActor } from "@/server/auth";
import { AppError } from "@/server/errors";

export const metadata: Metadata = { title: "Händelser" };

const CaseHistoryPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const history = await getCaseHistory({ actor, caseId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
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
