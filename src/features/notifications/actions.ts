"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/server/action";
import { ZMarkNotificationsReadSchema } from "./schemas";
import { markNotificationsRead } from "./server/notification-queries";

export const markNotificationsReadAction = defineAction({
  schema: ZMarkNotificationsReadSchema,
  handler: async ({ ids }, actor) => {
    // Only the actor's own notifications: the user id comes from the session, never the client.
    const count = await markNotificationsRead({ userId: actor.id, ids });
    revalidatePath("/", "layout");
    return { count };
  },
});
