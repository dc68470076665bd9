// The frozen remissmissiv of a sending, as the exports render it: the record the worker
// stores (actor "system") and the download from the sender's case (case.read, and the
// handling's own secrecy marking through document.read).
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { can, CASE_SCOPE_SELECT, toCaseScope } from "@/server/authz";
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
  const select = { letter: true, case: { select: CASE_SCOPE_SELECT }, recipients: { select: { id: true }, orderBy: { id: "asc" as const } } };
  const round =
    (await db.referralRound.findUnique({ where: { id: subjectId }, select })) ??
    (await db.referralRecipient.findUnique({ where: { id: subjectId }, select: { round: { select } } }).then((recipient) => (recipient ? { ...recipient.round, recipients: [{ id: subjectId }] } : null)));
  if (!round || (actor !== "system" && !can(actor, "case.read", toCaseScope(round.case)))) {
    throw new AppError("NOT_FOUND", `Referral letter ${subjectId} not found or unreadable`, { userMessage: LETTER_NOT_FOUND });
  }
  const letter = ZReferralLetterSchema.parse(round.letter);
  return { letter, recipientIds: round.recipients.map((recipient) => recipient.id), letterHash: referralLetterHash(letter) };
};
