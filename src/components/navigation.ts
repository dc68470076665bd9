import type { Role } from "@/generated/prisma/enums";
import { hasRole, type Actor } from "@/server/auth";

export type NavItem = { href: string; label: string; roles: Role[] | "ALL" };

/** The main navigation; an item is shown only to holders of one of its roles. */
export const NAV_ITEMS: NavItem[] = [{ href: "/", label: "Mina ärenden", roles: "ALL" }];

export const navItemsFor = (actor: Actor): NavItem[] =>
  NAV_ITEMS.filter((item) => item.roles === "ALL" || hasRole(actor, ...item.roles));
