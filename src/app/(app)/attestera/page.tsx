import type { Metadata } from "next";
import { AttestInboxTable } from "@/features/attestation/components/attest-inbox";
import { listAttestInbox } from "@/features/attestation/server/attestation-queries";
import { InboxPage } from "@/components/inbox-page";
import { requireActor } from "@/server/auth";

export const metadata: Metadata = { title: "Att attestera" };

const AttestInboxPage = async () => {
  const actor = await requireActor();
  const items = await listAttestInbox(actor);
  return (
    <InboxPage id="inbox-heading" title="Att attestera" count={items.length} emptyText="Inget väntar på din attestering.">
      <AttestInboxTable items={items} />
    </InboxPage>
  );
};

export default AttestInboxPage;
