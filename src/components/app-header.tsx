import Link from "next/link";
import { AttestInboxCount } from "@/features/attestation/components/attest-inbox-count";
import { JusteringInboxCount } from "@/features/meetings/components/justering-inbox-count";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { ROLE_LABELS } from "@/lib/roles";
import type { Actor } from "@/server/auth";
import { LogoutButton } from "./logout-button";
import { MainMenu } from "./main-menu";
import { navItemsFor } from "./navigation";

export const AppHeader = ({ actor }: { actor: Actor }) => {
  const roles = [...new Set(actor.memberships.map((membership) => `${ROLE_LABELS[membership.role]}, ${membership.unitName}`))];
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="text-xl font-bold tracking-tight">
          Yttra
        </Link>
        <MainMenu aside={<NotificationBell actor={actor} />}>
          <nav aria-label="Huvudmeny">
            <ul className="flex flex-col gap-3 md:flex-row md:flex-wrap md:gap-4">
              {navItemsFor(actor).map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="font-semibold underline-offset-4 hover:underline">
                    {item.label}
                    {item.href === "/attestera" ? <AttestInboxCount actor={actor} /> : null}
                    {item.href === "/justering" ? <JusteringInboxCount actor={actor} /> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {/* Takes the row's remaining width and wraps its text there, so the row stays one line. */}
          <div className="min-w-0 text-sm md:flex-1 md:basis-0 md:text-right">
            <p className="font-semibold" data-testid="current-user">
              {actor.name}
            </p>
            <p className="text-white/80" data-testid="current-roles">
              {roles.join(" · ")}
            </p>
          </div>
          <div className="md:order-2">
            <LogoutButton />
          </div>
        </MainMenu>
      </div>
    </header>
  );
};
