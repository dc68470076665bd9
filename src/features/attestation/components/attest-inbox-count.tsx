// Navigation badge for "Att attestera": how many statements wait for the actor now.
// A server component; place it inside the nav link (it renders nothing when zero).
import { NavCount } from "@/components/nav-count";
import type { Actor } from "@/server/auth";
import { countAttestInbox } from "../server/attestation-queries";

export const AttestInboxCount = async ({ actor }: { actor: Actor }) => <NavCount count={await countAttestInbox(actor)} testId="attest-inbox-count" />;
