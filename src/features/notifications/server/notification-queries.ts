// The header's notifications: the newest for the signed-in user, and how many are unread.
import "server-only";
import { db } from "@/server/db";

export const unreadNotificationCount = (userId: string): Promise<number> => db.notification.count({ where: { userId, readAt: null } });

export const latestNotifications = (userId: string, take = 10) =>
  db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });

/** Marks the user's own notifications read; ids of other users' notifications change nothing. */
export const markNotificationsRead = async ({ userId, ids }: { userId: string; ids: readonly string[] | "ALL" }): Promise<number> => {
  const result = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "ALL" ? {} : { id: { in: [...ids] } }) },
    data: { readAt: new Date() },
  });
  return result.count;
};
