import type { Metadata } from "next";
import { Link } from "@/components/link";
import { SendReferralForm } from "@/features/referrals/components/send-referral-form";
import { getSendReferralOptions } from "@/features/referrals/server";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";

export const metadata: Metadata = { title: "Skicka på remiss" };

const SendReferralPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const options = await orNotFound(getSendReferralOptions({ actor, caseId: id }));
  return (
    <section aria-labelledby="send-referral" className="space-y-6">
      <div>
        <h1 id="send-referral" className="text-3xl font-bold">
          Skicka på remiss
        </h1>
        <p>
          <Link href={`/arenden/${options.caseId}`} className="text-brand-700 underline">
            {options.caseNumber} {options.title}
          </Link>
        </p>
      </div>
      <SendReferralForm options={options} />
    </section>
  );
};

export default SendReferralPage;
