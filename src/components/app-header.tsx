import { Link } from "@/components/link";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import type { HeaderData } from "@/features/notifications/server/header-queries";
import { ROLE_LABELS } from "@/lib/roles";
import { CHANGE_PASSWORD_PATH, type Actor } from "@/server/auth";
import { HeaderSearch } from "./header-search";
import { LogoutButton } from "./logout-button";
import { MainMenu } from "./main-menu";
import { NavCount } from "./nav-count";
import { navItemsFor } from "./navigation";

/** `header`: loadHeader's counts and notifications, read once for the request. */
export const AppHeader = ({ actor, header }: { actor: Actor; header: HeaderData }) => {
  const roles = [...new Set(actor.memberships.map((membership) => `${ROLE_LABELS[membership.role]}, ${membership.unitName}`))];
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="text-xl font-bold tracking-tight">
          Yttra
        </Link>
        <MainMenu aside={<NotificationBell unread={header.unread} items={header.notifications} />}>
          <nav aria-label="Huvudmeny">
            <ul className="flex flex-col gap-3 md:flex-row md:flex-wrap md:gap-4">
              {navItemsFor(actor).map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="font-semibold underline-offset-4 hover:underline">
                    {item.label}
                    {item.href === "/attestera" && header.attestCount !== null ? <NavCount count={header.attestCount} testId="attest-inbox-count" /> : null}
                    {item.href === "/justering" && header.justeringCount !== null ? <NavCount count={header.justeringCount} testId="justering-inbox-count" /> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <HeaderSearch />
          {/* Takes the row's remaining width and wraps its text there, so the row stays one line. */}
          <div className="min-w-0 text-sm md:flex-1 md:basis-0 md:text-right">
            <p className="font-semibold" data-testid="current-user">
              {actor.name}
            </p>
            <p className="text-white/80" data-testid="current-roles">
              {roles.join(" · ")}
            </p>
            <Link href={CHANGE_PASSWORD_PATH} className="text-white/90 underline underline-offset-4">
              Byt lösenord
            </Link>
          </div>
          <div className="md:order-2">
            <LogoutButton />
          </div>
        </MainMenu>
      </div>
    </header>
  );
};
