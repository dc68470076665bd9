import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MeetingDetail } from "@/features/meetings/components/meeting-detail";
import { getMeetingDetail } from "@/features/meetings/server/meeting-queries";
import { requireActor } from "@/server/auth";
import { AppError } from "@/server/errors";

export const metadata: Metadata = { title: "Sammanträde" };

const MeetingPage = async ({ params }: { params: Promise<{ meetingId: string }> }) => {
  const actor = await requireActor();
  const { meetingId } = await params;
  const meeting = await getMeetingDetail({ actor, meetingId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <section aria-labelledby="meeting-heading">
      <MeetingDetail meeting={meeting} />
    </section>
  );
};

export default MeetingPage;
