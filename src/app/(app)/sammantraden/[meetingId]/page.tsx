import type { Metadata } from "next";
import { MeetingDetail } from "@/features/meetings/components/meeting-detail";
import { getMeetingDetail } from "@/features/meetings/server/meeting-page-queries";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";

export const metadata: Metadata = { title: "Sammanträde" };

const MeetingPage = async ({ params }: { params: Promise<{ meetingId: string }> }) => {
  const actor = await requireActor();
  const { meetingId } = await params;
  const meeting = await orNotFound(getMeetingDetail({ actor, meetingId }));
  return (
    <section aria-labelledby="meeting-heading">
      <MeetingDetail meeting={meeting} />
    </section>
  );
};

export default MeetingPage;
