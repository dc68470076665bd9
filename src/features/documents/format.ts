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

/**
 * Handlingar per page of the case page. A samlingsärende (delegationsbeslut, avtal, synpunkter
 * of a year) gathers hundreds or thousands: the list is read and rendered a page at a time,
 * page n holding numbers (n − 1) × size + 1 … n × size (handlingar are numbered 1, 2, … and
 * never removed).
 */
export const CASE_DOCUMENTS_PAGE_SIZE = 100;

/** The page of the case page that lists handling number `number`. */
export const caseDocumentsPageOf = (number: number): number => Math.max(1, Math.ceil(number / CASE_DOCUMENTS_PAGE_SIZE));

/** A page of the case page's handlingar (the first without `sida`), at `fragment`. */
export const caseDocumentsPageHref = (caseId: string, page: number, fragment: string): string => `/arenden/${caseId}${page > 1 ? `?sida=${page}` : ""}#${fragment}`;

/** Where handling `number` of a case is listed: its page and its row. */
export const caseDocumentHref = (caseId: string, number: number, documentId: string): string => caseDocumentsPageHref(caseId, caseDocumentsPageOf(number), `handling-${documentId}`);

/** A handling a form offers to choose (document-choices.ts); `description` null: confidential to the viewer. */
export type DocumentChoice = { id: string; ordinal: number; number: string; description: string | null; direction: DocumentDirection; confidential: boolean };

/** What a picker shows at first; `complete`: all of the case's `total` handlingar are among `choices`. */
export type DocumentChoices = { total: number; complete: boolean; choices: DocumentChoice[] };

/** A case with more handlingar than this offers its newest this many (and those chosen), and a search for the rest. */
export const DOCUMENT_CHOICES_SHOWN = 50;

/** Hits of one search in a picker. */
export const DOCUMENT_CHOICES_FOUND = 20;

/** What a picker's search found: at most DOCUMENT_CHOICES_FOUND, and whether there were more. */
export type FoundDocumentChoices = { hits: DocumentChoice[]; more: boolean };
