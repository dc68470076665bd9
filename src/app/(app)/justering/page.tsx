import type { Metadata } from "next";
import { JusteringInboxTable } from "@/features/meetings/components/justering-inbox";
import { listJusteringInbox } from "@/features/meetings/server/work-queues";
import { requireActor } from "@/server/auth";

export const metadata: Metadata = { title: "Att justera" };

const JusteringInboxPage = async () => {
  const actor = await requireActor();
  const items = await listJusteringInbox(actor);
  return (
    <section aria-labelledby="justering-heading">
      <h1 id="justering-heading" className="text-3xl font-bold">
        Att justera
      </h1>
      {items.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center" role="status">
          Inga protokoll väntar på din justering.
        </p>
      ) : (
        <JusteringInboxTable items={items} />
      )}
    </section>
  );
};

export default JusteringInboxPage;
