// Marking the signed-in user's notifications read (the header reads them with loadHeader).
import "server-only";
import { db } from "@/server/db";

/** Marks the user's own notifications read; ids of other users' notifications change nothing. */
export const markNotificationsRead = async ({ userId, ids }: { userId: string; ids: readonly string[] | "ALL" }): Promise<number> => {
  const result = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "ALL" ? {} : { id: { in: [...ids] } }) },
    data: { readAt: new Date() },
  });
  return result.count;
};
