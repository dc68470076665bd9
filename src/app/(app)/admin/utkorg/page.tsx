import type { Metadata } from "next";
import { requireAdminPage } from "@/features/admin/require-admin";
import { OutboxTable } from "@/features/notifications/components/outbox-table";
import { listOutbox } from "@/features/notifications/server/outbox-queries";

export const metadata: Metadata = { title: "Utkorg" };

const OutboxPage = async () => {
  // Administrators of a municipality, and only that municipality's mail.
  const { actor } = await requireAdminPage();
  const mails = await listOutbox(actor);
  return (
    <section aria-labelledby="outbox-heading">
      <h1 id="outbox-heading" className="text-3xl font-bold">
        Utkorg för e-post
      </h1>
      <p className="mt-2 text-slate-700">De senaste e-postmeddelandena. Utan konfigurerad e-postserver (SMTP) stannar meddelandena här med status ”I utkorgen”.</p>
      <OutboxTable mails={mails} />
    </section>
  );
};

export default OutboxPage;
