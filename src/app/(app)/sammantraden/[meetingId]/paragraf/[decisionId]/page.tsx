import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExtractView } from "@/features/meetings/components/extract-view";
import { getExtractView } from "@/features/meetings/server/meeting-page-queries";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";

export const metadata: Metadata = { title: "Protokollsutdrag" };

const ExtractPage = async ({ params }: { params: Promise<{ meetingId: string; decisionId: string }> }) => {
  const actor = await requireActor();
  const { meetingId, decisionId } = await params;
  const view = await orNotFound(getExtractView({ actor, decisionId }));
  if (view.meetingId !== meetingId) notFound();
  return (
    <section aria-labelledby="extract-heading">
      <ExtractView view={view} />
    </section>
  );
};

export default ExtractPage;
