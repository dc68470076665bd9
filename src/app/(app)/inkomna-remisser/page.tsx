import type { Metadata } from "next";
import { getRegistrationOptions } from "@/features/cases/server";
import { IncomingReferrals } from "@/features/referrals/components/incoming-referrals";
import { listIncomingReferrals } from "@/features/referrals/server";
import { requireActor } from "@/server/auth";

export const metadata: Metadata = { title: "Inkomna remisser" };

const IncomingReferralsPage = async () => {
  const actor = await requireActor();
  const [referrals, options] = await Promise.all([listIncomingReferrals({ actor }), getRegistrationOptions(actor)]);
  return (
    <section aria-labelledby="incoming-referrals" className="space-y-6">
      <h1 id="incoming-referrals" className="text-3xl font-bold">
        Inkomna remisser
      </h1>
      <p>Remisser från andra nämnder i kommunen. Registrera remissen som ett ärende i nämndens diarium, eller skicka tillbaka den om den kommit till fel mottagare.</p>
      <IncomingReferrals referrals={referrals} options={options} />
    </section>
  );
};

export default IncomingReferralsPage;
