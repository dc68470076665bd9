import type { Metadata } from "next";
import { JusteringInboxTable } from "@/features/meetings/components/justering-inbox";
import { listJusteringInbox } from "@/features/meetings/server/work-queues";
import { InboxPage } from "@/components/inbox-page";
import { requireActor } from "@/server/auth";

export const metadata: Metadata = { title: "Att justera" };

const JusteringInboxPage = async () => {
  const actor = await requireActor();
  const items = await listJusteringInbox(actor);
  return (
    <InboxPage id="justering-heading" title="Att justera" count={items.length} emptyText="Inga protokoll väntar på din justering.">
      <JusteringInboxTable items={items} />
    </InboxPage>
  );
};

export default JusteringInboxPage;
