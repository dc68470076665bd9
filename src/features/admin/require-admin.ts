// For the admin pages: the signed-in administrator and their municipality, or a 404 for
// everyone else (the pages' existence is not advertised to other roles).
import { notFound } from "next/navigation";
import { requireActor } from "@/server/auth";
import { can } from "@/server/authz";
import { findAdminMunicipality } from "./server/admin-queries";

export const requireAdminPage = async () => {
  const actor = await requireActor();
  const municipality = await findAdminMunicipality(actor);
  if (!municipality) notFound();
  return { actor, municipality };
};

/** The installation administrator's pages (Kommuner): a 404 for everyone else. */
export const requireInstallationAdminPage = async () => {
  const actor = await requireActor();
  if (!can(actor, "installation.manage", null)) notFound();
  return { actor };
};
