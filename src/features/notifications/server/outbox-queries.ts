import "server-only";
import { adminMunicipalityOf } from "@/server/authz";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";

/**
 * The newest mails of every status in the municipality the actor administers (mail text
 * names people and cases). FORBIDDEN for anyone who is not ADMIN of a municipality.
 */
export const listOutbox = async (actor: Actor, take = 200) => {
  const municipalityId = adminMunicipalityOf(actor);
  return db.mailMessage.findMany({
    where: { municipalityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, toAddress: true, subject: true, text: true, status: true, attempts: true, lastError: true, sentAt: true, createdAt: true },
  });
};
