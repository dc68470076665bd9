// The two halves of every change to a remissinstans, on the receiving and the sending side:
// lock its row first (an id that is not a UUID names nothing), then write conditionally on the
// version read under that lock — a count of 0 means someone else won, never an overwrite.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { isUuid } from "@/lib/ids";

export const RECIPIENT_CHANGED = "Remissinstansen har ändrats av någon annan. Läs in sidan på nytt.";

export const lockRecipientRow = async (tx: Tx, recipientId: string, notFound: string): Promise<void> => {
  if (!isUuid(recipientId)) throw new AppError("NOT_FOUND", "Referral recipient not found", { userMessage: notFound });
  await tx.$queryRaw`SELECT id FROM "referral_recipient" WHERE id = ${recipientId}::uuid FOR UPDATE`;
};

export const changeRecipient = async (
  tx: Tx,
  recipient: { id: string; version: number },
  data: Prisma.ReferralRecipientUncheckedUpdateManyInput,
  where: Prisma.ReferralRecipientWhereInput = {},
): Promise<void> => {
  const { count } = await tx.referralRecipient.updateMany({ where: { ...where, id: recipient.id, version: recipient.version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new AppError("CONFLICT", "Referral recipient changed", { userMessage: RECIPIENT_CHANGED });
};
