import type { Metadata } from "next";
import { MeetingPlan } from "@/features/meetings/components/meeting-plan";
import { getMeetingPlan } from "@/features/meetings/server/meeting-page-queries";
import { requireActor } from "@/server/auth";

export const metadata: Metadata = { title: "Sammanträden" };

const MeetingsPage = async ({ searchParams }: { searchParams: Promise<{ namnd?: string; ar?: string }> }) => {
  const actor = await requireActor();
  const { namnd, ar } = await searchParams;
  const year = ar && /^\d{4}$/.test(ar) ? Number(ar) : undefined;
  const plan = await getMeetingPlan({ actor, committeeId: namnd, year });
  return (
    <section aria-labelledby="meetings-heading">
      <h1 id="meetings-heading" className="text-3xl font-bold">
        Sammanträden
      </h1>
      <MeetingPlan plan={plan} />
    </section>
  );
};

export default MeetingsPage;
