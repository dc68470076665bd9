import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CaseView } from "@/features/cases/components/case-view";
import { getCaseDetails } from "@/features/cases/server/case-queries";
import { requireActor } from "@/server/auth";
import { AppError } from "@/server/errors";

export const metadata: Metadata = { title: "Ärende" };

const CasePage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const details = await getCaseDetails({ actor, caseId: id }).catch((error: unknown) => {
    // Missing and unreadable cases look the same: a 404 that reveals nothing.
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <CaseView details={details} />;
};

export default CasePage;
