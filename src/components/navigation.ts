import type { Role } from "@/generated/prisma/enums";
import { hasRole, type Actor } from "@/server/auth";

/** `installationAdmin`: also shown to the installation administrator, who holds no role. */
export type NavItem = { href: string; label: string; roles: Role[] | "ALL"; installationAdmin?: true };

/** The main navigation; an item is shown only to holders of one of its roles. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Mina ärenden", roles: "ALL" },
  {
    href: "/diarium",
    label: "Diarium",
    roles: ["CASE_OFFICER", "REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR", "COMMITTEE_SECRETARY", "CHAIR", "MINUTES_CHECKER"],
  },
  { href: "/arenden/nytt", label: "Registrera ärende", roles: ["CASE_OFFICER", "REGISTRAR", "DEPARTMENT_HEAD"] },
  { href: "/inkomna-remisser", label: "Inkomna remisser", roles: ["REGISTRAR"] },
  { href: "/attestera", label: "Att attestera", roles: ["DEPARTMENT_HEAD", "DIRECTOR"] },
  { href: "/justering", label: "Att justera", roles: ["CHAIR", "MINUTES_CHECKER"] },
  { href: "/sammantraden", label: "Sammanträden", roles: ["COMMITTEE_SECRETARY", "CHAIR", "MINUTES_CHECKER", "REGISTRAR"] },
  { href: "/bevakning", label: "Bevakning", roles: ["CASE_OFFICER", "REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR"] },
  { href: "/admin", label: "Administration", roles: ["ADMIN"], installationAdmin: true },
];

export const navItemsFor = (actor: Actor): NavItem[] =>
  NAV_ITEMS.filter((item) => item.roles === "ALL" || hasRole(actor, ...item.roles) || (item.installationAdmin && actor.installationAdmin));
