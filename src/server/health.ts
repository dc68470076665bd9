import "server-only";
import { db } from "@/server/db";
import { logger } from "@/server/logger";

export const checkDatabase = async (): Promise<"ok" | "error"> => {
  try {
    await db.$queryRaw`SELECT 1`;
    return "ok";
  } catch (error) {
    logger.error("health: database check failed", error);
    return "error";
  }
};
