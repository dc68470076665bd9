import "server-only";
import { db } from "@/server/db";

/** The newest mails of every status, for administrators. */
export const listOutbox = (take = 200) =>
  db.mailMessage.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: { id: true, toAddress: true, subject: true, text: true, status: true, attempts: true, lastError: true, sentAt: true, createdAt: true } });
