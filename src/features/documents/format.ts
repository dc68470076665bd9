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

const stockholmDate = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

/** A point in time as its date in Stockholm: "2024-04-25". */
export const formatStockholmDate = (value: Date): string => stockholmDate.format(value);

/** A calendar date (a Postgres `date`, read as UTC midnight): "2024-04-25". */
export const formatCalendarDate = (value: Date): string => value.toISOString().slice(0, 10);
