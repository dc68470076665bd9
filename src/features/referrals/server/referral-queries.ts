// Read models of the remiss round trip on the sender's side: the remiss table of a case (read
// along with the case page's one query of the case) and the options of the sending form.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ReferralPosition, ReferralRecipientKind, ReferralRecipientStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { authorize, can, findCaseWithScope, toCaseScope, unknownResource, type CaseScope } from "@/server/authz";
import { documentHiddenFrom } from "@/features/cases/server";
import type { DocumentChoices } from "@/features/documents/format";
import { DOCUMENT_CHOICES_CASE_SELECT, documentChoicesOf } from "@/features/documents/server";
import { formatDocumentNumber } from "@/lib/case-number";
import { formatDateOnly, todayInStockholm } from "@/lib/dates";
import { defaultReferralLetterText } from "../letter";

/** What the remiss table reads of a case; the case page selects it along with the case. */
export const CASE_REFERRALS_SELECT = {
  caseNumber: true,
  series: { select: { documentNumberFormat: true } },
  referralRounds: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      letterMode: true,
      sentDate: true,
      recipients: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          version: true,
          kind: true,
          name: true,
          email: true,
          dueDate: true,
          status: true,
          returnReason: true,
          answeredDate: true,
          position: true,
          summary: true,
          outgoingDocument: { select: { id: true, number: true } },
          answerDocument: { select: { id: true, number: true, secrecyReference: true, files: { select: { id: true }, orderBy: { createdAt: "asc" } } } },
          receivingCase: { select: { caseNumber: true } },
        },
      },
    },
  },
} satisfies Prisma.CaseSelect;

export type CaseReferralRow = {
  id: string;
  version: number;
  kind: ReferralRecipientKind;
  name: string;
  email: string | null;
  sentDate: string;
  dueDate: string;
  status: ReferralRecipientStatus;
  /** Not answered (nor returned) and the remisstid has passed. */
  late: boolean;
  returnReason: string | null;
  answeredDate: string | null;
  /** Position and summary are null for a reader the answer's own secrecy marking hides them from. */
  position: ReferralPosition | null;
  summary: string | null;
  /** The answer's handling's own secrecy marking. */
  answerSecrecyReference: string | null;
  /** The missiv's export id: the sending (shared missiv) or the instans (its own). */
  missivId: string;
  outgoingDocumentNumber: string;
  /** The answer's handling and its files (downloads check access on their own). */
  answer: { documentId: string; documentNumber: string; fileIds: string[] } | null;
  receivingCaseNumber: string | null;
};

export type CaseReferralsView = { canManage: boolean; rows: CaseReferralRow[] };

/** The actor may follow up the case's remisser (a later remisstid, an answer, a position): its case is open. */
const managesReferrals = (actor: Actor, scope: CaseScope, status: string): boolean => status === "OPEN" && can(actor, "referral.manage", scope);

/** The remiss table of a case already read (and read-authorized) with CASE_REFERRALS_SELECT. */
export const caseReferralsView = ({ actor, scope, row, status }: { actor: Actor; scope: CaseScope; row: Prisma.CaseGetPayload<{ select: typeof CASE_REFERRALS_SELECT }>; status: string }): CaseReferralsView => {
  authorize(actor, "case.read", scope);
  const today = todayInStockholm();
  const number = (document: { number: number }) => formatDocumentNumber(row.caseNumber, document.number, row.series.documentNumberFormat);
  return {
    canManage: managesReferrals(actor, scope, status),
    rows: row.referralRounds.flatMap((round) =>
      round.recipients.map((recipient) => {
        const dueDate = formatDateOnly(recipient.dueDate);
        const answerSecrecyReference = recipient.answerDocument?.secrecyReference ?? null;
        const answerVisible = !documentHiddenFrom(actor, scope, answerSecrecyReference);
        return {
          id: recipient.id,
          version: recipient.version,
          kind: recipient.kind,
          name: recipient.name,
          email: recipient.email,
          sentDate: formatDateOnly(round.sentDate),
          dueDate,
          status: recipient.status,
          late: (recipient.status === "SENT" || recipient.status === "ACCEPTED") && dueDate < today,
          returnReason: recipient.returnReason,
          answeredDate: recipient.answeredDate ? formatDateOnly(recipient.answeredDate) : null,
          position: answerVisible ? recipient.position : null,
          summary: answerVisible ? recipient.summary : null,
          answerSecrecyReference,
          missivId: round.letterMode === "SHARED" ? round.id : recipient.id,
          outgoingDocumentNumber: number(recipient.outgoingDocument),
          answer: recipient.answerDocument
            ? { documentId: recipient.answerDocument.id, documentNumber: number(recipient.answerDocument), fileIds: recipient.answerDocument.files.map((file) => file.id) }
            : null,
          receivingCaseNumber: recipient.receivingCase?.caseNumber ?? null,
        };
      }),
    ),
  };
};

export type ReferralAnswerCandidate = { id: string; documentNumber: string; description: string | null };

/**
 * The incoming handlingar an external instans' answer can be recorded against (as
 * `recordExternalAnswer` accepts them: incoming, not yet an answer), read only when the
 * table offers the form: to one who manages the open case's remisser, while an external
 * instans has not answered. A confidential handling's description is left out for one who may not read it.
 */
export const referralAnswerCandidates = async ({
  actor,
  scope,
  caseId,
  status,
  row,
}: {
  actor: Actor;
  scope: CaseScope;
  caseId: string;
  status: string;
  row: Prisma.CaseGetPayload<{ select: typeof CASE_REFERRALS_SELECT }>;
}): Promise<ReferralAnswerCandidate[]> => {
  const awaited = row.referralRounds.some((round) => round.recipients.some((recipient) => recipient.kind === "EXTERNAL" && recipient.status === "SENT"));
  if (!awaited || !managesReferrals(actor, scope, status)) return [];
  const documents = await db.caseDocument.findMany({
    where: { caseId, direction: "INCOMING", referralAnswerFor: null },
    orderBy: { number: "asc" },
    select: { id: true, number: true, description: true, secrecyReference: true },
  });
  return documents.map((document) => ({
    id: document.id,
    documentNumber: formatDocumentNumber(row.caseNumber, document.number, row.series.documentNumberFormat),
    description: documentHiddenFrom(actor, scope, document.secrecyReference) ? null : document.description,
  }));
};

/** The remiss table of a case on its own (tests, and pages that do not read the case anyway). */
export const getCaseReferrals = async ({ actor, caseId }: { actor: Actor; caseId: string }): Promise<CaseReferralsView> => {
  const row = await findCaseWithScope(db, caseId, { ...CASE_REFERRALS_SELECT, status: true });
  if (!row) throw unknownResource("case.read");
  return caseReferralsView({ actor, scope: toCaseScope(row), row, status: row.status });
};

export type SendReferralOptionsView = {
  caseId: string;
  caseNumber: string;
  title: string;
  today: string;
  defaultText: string;
  /** Committees of the same municipality (never the sender's own). */
  committees: { id: string; name: string }[];
  /** The remisshandlingar to choose from (a large case: its newest, and a search for the rest). */
  documents: DocumentChoices;
};

/** What the sending form offers: refused (as the service would) for someone who may not send. */
export const getSendReferralOptions = async ({ actor, caseId }: { actor: Actor; caseId: string }): Promise<SendReferralOptionsView> => {
  const row = await findCaseWithScope(db, caseId, {
    ...DOCUMENT_CHOICES_CASE_SELECT,
    title: true,
    status: true,
    committee: { select: { name: true, municipalityId: true } },
  });
  if (!row) throw unknownResource("referral.manage");
  const scope = authorize(actor, "referral.manage", toCaseScope(row), { forbidden: "Du har inte behörighet att skicka ärendet på remiss." });
  const found = row;
  const [committees, documents] = await Promise.all([
    db.committee.findMany({ where: { municipalityId: scope.municipalityId, id: { not: found.committeeId } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    documentChoicesOf({ actor, scope, found }),
  ]);
  return {
    caseId: found.id,
    caseNumber: found.caseNumber,
    title: found.title,
    today: todayInStockholm(),
    defaultText: defaultReferralLetterText({ committee: found.committee.name, caseTitle: found.title, caseNumber: found.caseNumber }),
    committees,
    documents,
  };
};
