import type { Metadata } from "next";
import { MinutesView } from "@/features/meetings/components/minutes-view";
import { getMinutesView } from "@/features/meetings/server/meeting-page-queries";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";

export const metadata: Metadata = { title: "Protokoll" };

const MinutesPage = async ({ params }: { params: Promise<{ meetingId: string }> }) => {
  const actor = await requireActor();
  const { meetingId } = await params;
  const view = await orNotFound(getMinutesView({ actor, meetingId }));
  return (
    <section aria-labelledby="minutes-heading">
      <MinutesView view={view} />
    </section>
  );
};

export default MinutesPage;
