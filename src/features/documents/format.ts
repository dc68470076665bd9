// Display helpers for handlingar (pure, shared by server components and the form).
import type { DocumentDirection } from "@/generated/prisma/enums";

export const DIRECTION_LABELS: Record<DocumentDirection, string> = {
  INCOMING: "Inkommande",
  DRAWN_UP: "Upprättad",
  OUTGOING: "Utgående",
};

const decimal = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

/** "512 byte", "12 kB", "1,2 MB" — 1 kB = 1024 byte, as the 25 MB limit is counted. */
export const formatFileSize = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${decimal.format(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
};
