import type { Metadata } from "next";
import { AttestInboxTable } from "@/features/attestation/components/attest-inbox";
import { listAttestInbox } from "@/features/attestation/server/attestation-queries";
import { requireActor } from "@/server/auth";

export const metadata: Metadata = { title: "Att attestera" };

const AttestInboxPage = async () => {
  const actor = await requireActor();
  const items = await listAttestInbox(actor);
  return (
    <section aria-labelledby="inbox-heading">
      <h1 id="inbox-heading" className="text-3xl font-bold">
        Att attestera
      </h1>
      {items.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center" role="status">
          Inget väntar på din attestering.
        </p>
      ) : (
        <AttestInboxTable items={items} />
      )}
    </section>
  );
};

export default AttestInboxPage;
