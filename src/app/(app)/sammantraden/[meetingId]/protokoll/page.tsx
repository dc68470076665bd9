import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MinutesView } from "@/features/meetings/components/minutes-view";
import { getMinutesView } from "@/features/meetings/server/meeting-queries";
import { requireActor } from "@/server/auth";
import { AppError } from "@/server/errors";

export const metadata: Metadata = { title: "Protokoll" };

const MinutesPage = async ({ params }: { params: Promise<{ meetingId: string }> }) => {
  const actor = await requireActor();
  const { meetingId } = await params;
  const view = await getMinutesView({ actor, meetingId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <section aria-labelledby="minutes-heading">
      <MinutesView view={view} />
    </section>
  );
};

export default MinutesPage;
