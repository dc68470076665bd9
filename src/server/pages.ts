// Helpers of the App Router pages (src/app), kept out of the services, which never import next/*.
import { notFound } from "next/navigation";
import { AppError } from "@/server/errors";

/** For pages: NOT_FOUND from a query becomes the 404 page (no hint whether the case exists). */
export const orNotFound = async <T,>(promise: Promise<T>): Promise<T> => {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
};
