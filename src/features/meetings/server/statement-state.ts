// The meetings' view of a case's tjänsteutlåtande: is it attested, and what does the
// förvaltning propose. "Attested" is the attestation engine's answer (`getAttestationState`:
// completed request, every step bound to the hash of the current version, audit intact);
// the proposal is read from exactly the version the attestation binds to.
import "server-only";
import { getAttestationState } from "@/features/attestation/server";
import { proposerOf } from "@/features/statements/content";
import { ZStatementContentSchema, type TStatementContent } from "@/features/statements/schemas";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";

export type AttestedStatement = {
  statementId: string;
  versionNumber: number;
  contentHash: string;
  /** The attested version's content. */
  content: TStatementContent;
  decisionPoints: string[];
  /** Who proposes, in the genitive ("presidiets"), as the attested content names it. */
  proposerGenitive: string;
  attestedAt: Date | null;
};

export const getAttestedStatement = async (client: Db | Tx, caseId: string): Promise<AttestedStatement | null> => {
  const statement = await client.statement.findUnique({ where: { caseId }, select: { id: true } });
  if (!statement) return null;
  const state = await getAttestationState({ subjectType: "STATEMENT", subjectId: statement.id }, client);
  if (!state.attested || !state.request) return null;
  const version = await client.statementVersion.findUniqueOrThrow({
    where: { statementId_number: { statementId: statement.id, number: state.request.versionNumber } },
    select: { content: true },
  });
  const content = ZStatementContentSchema.safeParse(version.content);
  if (!content.success) {
    throw new AppError("INVALID_STATE", `Attested version ${state.request.versionNumber} of statement ${statement.id} does not match the content schema`, {
      userMessage: "Tjänsteutlåtandets attesterade version kan inte läsas. Kontakta en administratör.",
    });
  }
  return {
    statementId: statement.id,
    versionNumber: state.request.versionNumber,
    contentHash: state.request.contentHash,
    content: content.data,
    decisionPoints: content.data.decisionPoints.map((point) => point.text),
    proposerGenitive: proposerOf(content.data).genitive,
    attestedAt: state.request.completedAt,
  };
};
