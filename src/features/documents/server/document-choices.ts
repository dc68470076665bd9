// The handlingar a form offers to choose from (the remisshandlingar sent with a remiss, the
// Bilagor of a tjänsteutlåtande). A case of a few handlingar offers them all; a samlingsärende
// of thousands offers its newest and those already chosen, and finds any other by its number
// or words of its description (`findDocumentChoices`), so that a form never carries the whole
// list. A confidential handling's description is left out for one who may not read it, and
// is never matched by its words.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { formatDocumentNumber } from "@/lib/case-number";
import { escapeLike } from "@/lib/like";
import type { Actor } from "@/server/auth";
import { authorize, can, findCaseWithScope, toCaseScope, type CaseScope } from "@/server/authz";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { documentHiddenFrom } from "@/features/cases/server";
import { DOCUMENT_CHOICES_FOUND, DOCUMENT_CHOICES_SHOWN, type DocumentChoice, type DocumentChoices, type FoundDocumentChoices } from "../format";

/** What a page reading the case selects along, for `documentChoicesOf`. */
export const DOCUMENT_CHOICES_CASE_SELECT = {
  id: true,
  caseNumber: true,
  lastDocumentNumber: true,
  series: { select: { documentNumberFormat: true } },
} satisfies Prisma.CaseSelect;

type ChoicesCase = Prisma.CaseGetPayload<{ select: typeof DOCUMENT_CHOICES_CASE_SELECT }>;

const CHOICE_SELECT = { id: true, number: true, description: true, direction: true, secrecyReference: true } satisfies Prisma.CaseDocumentSelect;

type ChoiceRow = Prisma.CaseDocumentGetPayload<{ select: typeof CHOICE_SELECT }>;

const toChoice = (actor: Actor, scope: CaseScope, found: ChoicesCase, document: ChoiceRow): DocumentChoice => ({
  id: document.id,
  ordinal: document.number,
  number: formatDocumentNumber(found.caseNumber, document.number, found.series.documentNumberFormat),
  description: documentHiddenFrom(actor, scope, document.secrecyReference) ? null : document.description,
  direction: document.direction,
  confidential: document.secrecyReference !== null,
});

/**
 * The handlingar a form shows at first: all when the case has at most DOCUMENT_CHOICES_SHOWN,
 * else the newest that many and those in `chosen` (by the case's unique number index), in the
 * diarium's order. The caller has read and authorized the case.
 */
export const documentChoicesOf = async ({ actor, scope, found, chosen = [] }: { actor: Actor; scope: CaseScope; found: ChoicesCase; chosen?: readonly string[] }): Promise<DocumentChoices> => {
  const complete = found.lastDocumentNumber <= DOCUMENT_CHOICES_SHOWN;
  const newest = { number: { gt: found.lastDocumentNumber - DOCUMENT_CHOICES_SHOWN } };
  const rows = await db.caseDocument.findMany({
    where: { caseId: found.id, ...(complete ? {} : { OR: [newest, ...(chosen.length > 0 ? [{ id: { in: [...chosen] } }] : [])] }) },
    orderBy: { number: "asc" },
    select: CHOICE_SELECT,
  });
  return { total: found.lastDocumentNumber, complete, choices: rows.map((row) => toChoice(actor, scope, found, row)) };
};

/**
 * The handling number typed: "17" alone, or the whole document number of this case
 * ("HÄS 2024/12-17" in the series' own format, any letter case); another case's number is none.
 */
const typedNumber = (query: string, found: ChoicesCase): number | null => {
  const match = /(\d{1,7})$/.exec(query);
  if (!match) return null;
  const number = Number(match[1]);
  if (query === match[1]) return number;
  const whole = formatDocumentNumber(found.caseNumber, number, found.series.documentNumberFormat);
  return query.replace(/\s+/g, " ").toLocaleLowerCase("sv") === whole.toLocaleLowerCase("sv") ? number : null;
};

/**
 * The handlingar of a case matching what was typed in a picker's search field: the one of the
 * number typed first, then those whose description has every word typed (of a confidential
 * handling only for one who may read it), in the diarium's order. Or, given `ids`, those of
 * the case among them: the chosen handlingar a picker does not show yet, as when a conflict
 * kept another's choice. Anyone who may read the case may search its handlingar, as the case
 * page lists them.
 */
export const findDocumentChoices = async ({ actor, caseId, ...asked }: { actor: Actor; caseId: string } & ({ query: string } | { ids: readonly string[] })): Promise<FoundDocumentChoices> => {
  const found = await findCaseWithScope(db, caseId, DOCUMENT_CHOICES_CASE_SELECT);
  if (!found) throw new AppError("NOT_FOUND", "Case not found or not readable");
  const scope = authorize(actor, "case.read", toCaseScope(found));
  if ("ids" in asked) {
    const rows = await db.caseDocument.findMany({ where: { caseId: found.id, id: { in: [...asked.ids] } }, orderBy: { number: "asc" }, select: CHOICE_SELECT });
    return { hits: rows.map((row) => toChoice(actor, scope, found, row)), more: false };
  }
  const text = asked.query.trim();
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { hits: [], more: false };
  const number = typedNumber(text, found);
  const readsConfidential = can(actor, "document.read", { case: scope, confidential: true });
  const [exact, byWords] = await Promise.all([
    number === null ? null : db.caseDocument.findUnique({ where: { caseId_number: { caseId: found.id, number } }, select: CHOICE_SELECT }),
    db.caseDocument.findMany({
      where: {
        caseId: found.id,
        ...(number === null ? {} : { number: { not: number } }),
        ...(readsConfidential ? {} : { secrecyReference: null }),
        AND: words.map((word) => ({ description: { contains: escapeLike(word), mode: "insensitive" as const } })),
      },
      orderBy: { number: "asc" },
      // One more than shown tells that there are more.
      take: DOCUMENT_CHOICES_FOUND + 1,
      select: CHOICE_SELECT,
    }),
  ]);
  const rows = [...(exact ? [exact] : []), ...byWords];
  return { hits: rows.slice(0, DOCUMENT_CHOICES_FOUND).map((row) => toChoice(actor, scope, found, row)), more: rows.length > DOCUMENT_CHOICES_FOUND };
};
