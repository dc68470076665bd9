import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OutboxTable } from "@/features/notifications/components/outbox-table";
import { listOutbox } from "@/features/notifications/server/outbox-queries";
import { hasRole, requireActor } from "@/server/auth";

export const metadata: Metadata = { title: "Utkorg" };

const OutboxPage = async () => {
  const actor = await requireActor();
  // Mail text names people and cases: administrators only.
  if (!hasRole(actor, "ADMIN")) notFound();
  const mails = await listOutbox();
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
