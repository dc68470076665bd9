import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExtractView } from "@/features/meetings/components/extract-view";
import { getExtractView } from "@/features/meetings/server/meeting-queries";
import { requireActor } from "@/server/auth";
import { AppError } from "@/server/errors";

export const metadata: Metadata = { title: "Protokollsutdrag" };

const ExtractPage = async ({ params }: { params: Promise<{ meetingId: string; decisionId: string }> }) => {
  const actor = await requireActor();
  const { meetingId, decisionId } = await params;
  const view = await getExtractView({ actor, decisionId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (view.meetingId !== meetingId) notFound();
  return (
    <section aria-labelledby="extract-heading">
      <ExtractView view={view} />
    </section>
  );
};

export default ExtractPage;
