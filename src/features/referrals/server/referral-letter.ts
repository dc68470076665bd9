// The frozen remissmissiv of a sending, as the exports render it: the record the worker
// stores (actor "system"), the download from the sender's case and from "Inkomna remisser".
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { can, CASE_SCOPE_SELECT, COMMITTEE_SCOPE_SELECT, toCaseScope, toCommitteeScope, type CaseScopeRow } from "@/server/authz";
import { isUuid } from "@/lib/ids";
import { canonicalSha256 } from "@/lib/hash";
import type { CanonicalValue } from "@/lib/canonical-json";
import { ZReferralLetterSchema, type TReferralLetter } from "../letter";

/** SHA-256 of the letter in RFC 8785 form: what every missiv record of the sending is bound to. */
export const referralLetterHash = (letter: TReferralLetter): string => canonicalSha256(letter as CanonicalValue, 2);

export type ReferralLetterView = {
  letter: TReferralLetter;
  /** The instances this copy is addressed to. */
  recipientIds: string[];
  /** The hash of the stored letter, recomputed now (records compare it with the one bound at sending). */
  letterHash: string;
};

const LETTER_NOT_FOUND = "Remissmissivet finns inte, eller så saknar du behörighet att se det.";

/**
 * The missiv addressed by `subjectId`: a sending (a shared missiv, every instans) or one
 * instans (its own missiv). "system": the record job, which renders what the sending bound.
 */
export const loadReferralLetter = async ({ actor, subjectId }: { actor: Actor | "system"; subjectId: string }): Promise<ReferralLetterView> => {
  if (!isUuid(subjectId)) throw new AppError("NOT_FOUND", `Referral letter ${subjectId} not found`, { userMessage: LETTER_NOT_FOUND });
  const recipientSelect = { id: true, status: true, committee: { select: COMMITTEE_SCOPE_SELECT } } as const;
  const select = { letter: true, case: { select: CASE_SCOPE_SELECT }, recipients: { select: recipientSelect, orderBy: { id: "asc" as const } } };
  const round =
    (await db.referralRound.findUnique({ where: { id: subjectId }, select })) ??
    (await db.referralRecipient
      .findUnique({ where: { id: subjectId }, select: { ...recipientSelect, round: { select: { letter: true, case: { select: CASE_SCOPE_SELECT } } } } })
      .then((recipient) => (recipient ? { ...recipient.round, recipients: [recipient] } : null)));
  if (!round || (actor !== "system" && !mayRead(actor, round))) {
    throw new AppError("NOT_FOUND", `Referral letter ${subjectId} not found or unreadable`, { userMessage: LETTER_NOT_FOUND });
  }
  const letter = ZReferralLetterSchema.parse(round.letter);
  return { letter, recipientIds: round.recipients.map((recipient) => recipient.id), letterHash: referralLetterHash(letter) };
};

/**
 * Those who may read the sender's case, and the registrators of an addressed committee while
 * the remiss waits in their inbox — unless the case is confidential: then, as the inbox shows
 * it masked, they read the missiv in their own case once they have accepted it.
 */
const mayRead = (
  actor: Actor,
  round: { case: CaseScopeRow; recipients: { status: string; committee: Parameters<typeof toCommitteeScope>[0] | null }[] },
): boolean =>
  can(actor, "case.read", toCaseScope(round.case)) ||
  (round.case.secrecyReference === null &&
    round.recipients.some((recipient) => recipient.status === "SENT" && recipient.committee !== null && can(actor, "referral.receive", toCommitteeScope(recipient.committee))));
