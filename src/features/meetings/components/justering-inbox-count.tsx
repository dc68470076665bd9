// Navigation badge for "Att justera": how many minutes wait for the actor's justering.
import { NavCount } from "@/components/nav-count";
import type { Actor } from "@/server/auth";
import { countJusteringInbox } from "../server/work-queues";

export const JusteringInboxCount = async ({ actor }: { actor: Actor }) => <NavCount count={await countJusteringInbox(actor)} testId="justering-inbox-count" />;
