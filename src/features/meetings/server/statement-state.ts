// The meetings' view of a case's tjänsteutlåtande: is it attested, and what does the
// förvaltning propose. Written against the tables because the attestation engine's
// `getAttestationState` was not available yet; swap the body for it when it is.
// A statement counts as attested only when its status says so AND the newest completed
// attestation request bound exactly the current version's content hash.
// No `import "server-only"`: the demo seed (plain Node) reads the reference statement through it.
import type { Tx } from "@/server/db";
import { db } from "@/server/db";
import { ZStatementContentSchema } from "@/features/statements/schemas";

export type AttestedStatement = {
  statementId: string;
  versionNumber: number;
  contentHash: string;
  decisionPoints: string[];
  attestedAt: Date | null;
};

const textOf = (value: unknown): string | null => {
  if (typeof value === "string") return value.trim() || null;
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of ["text", "content", "value"]) {
      if (typeof record[key] === "string" && (record[key] as string).trim()) return (record[key] as string).trim();
    }
  }
  return null;
};

/**
 * "Förvaltningens förslag till beslut" as a list of decision points. The statement content
 * is validated by the statements feature; here it is read defensively so that a change of
 * its shape degrades to an empty proposal instead of a crash.
 */
export const extractDecisionPoints = (content: unknown): string[] => {
  const parsed = ZStatementContentSchema.safeParse(content);
  if (parsed.success) return parsed.data.decisionPoints.map((point) => point.text);
  if (!content || typeof content !== "object") return [];
  const record = content as Record<string, unknown>;
  const candidates = [record.decisionPoints, record.decisionProposals, record.proposal, (record.proposal as Record<string, unknown> | undefined)?.points];
  for (const candidate of candidates) {
    if (Array.isArray(candidate)) return candidate.map(textOf).filter((text): text is string => text !== null);
  }
  return [];
};

export const getAttestedStatement = async (client: Tx | typeof db, caseId: string): Promise<AttestedStatement | null> => {
  const statement = await client.statement.findUnique({ where: { caseId }, select: { id: true, status: true, currentVersion: true } });
  if (!statement || statement.status !== "ATTESTED") return null;
  // Sequential: inside a transaction the client runs one query at a time.
  const version = await client.statementVersion.findUnique({
    where: { statementId_number: { statementId: statement.id, number: statement.currentVersion } },
    select: { number: true, content: true, contentHash: true },
  });
  const request = await client.attestationRequest.findFirst({
    where: { subjectType: "STATEMENT", subjectId: statement.id },
    orderBy: { createdAt: "desc" },
    select: { status: true, contentHash: true, completedAt: true },
  });
  if (!version || !request || request.status !== "COMPLETED" || request.contentHash !== version.contentHash) return null;
  return {
    statementId: statement.id,
    versionNumber: version.number,
    contentHash: version.contentHash,
    decisionPoints: extractDecisionPoints(version.content),
    attestedAt: request.completedAt,
  };
};
