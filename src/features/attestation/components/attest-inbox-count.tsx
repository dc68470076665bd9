// Navigation badge for "Att attestera": how many statements wait for the actor now.
// A server component; place it inside the nav link (it renders nothing when zero).
import type { Actor } from "@/server/auth";
import { countAttestInbox } from "../server/attestation-queries";

export const AttestInboxCount = async ({ actor }: { actor: Actor }) => {
  const count = await countAttestInbox(actor);
  if (count === 0) return null;
  return (
    <span className="ml-1 inline-flex min-w-6 items-center justify-center rounded-full bg-white px-1.5 text-sm font-bold text-brand-800" data-testid="attest-inbox-count">
      {count}
      <span className="sr-only"> väntar på dig</span>
    </span>
  );
};
