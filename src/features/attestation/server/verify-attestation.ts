// The public verification of an attested document (/verifiera/<code>): who attested what
// and when, and whether the content is still the attested one. Shows no content: for a
// confidential case only the case number, the secrecy marking and the attesters.
import "server-only";
import { db } from "@/server/db";
import { statementTitleOf } from "@/features/statements/content";
import { getAttestationState } from "./attestation-state";

export type VerificationStatus = "VALID" | "PENDING" | "INVALIDATED" | "NOT_VALID";

export type VerificationResult = {
  code: string;
  status: VerificationStatus;
  caseNumber: string | null;
  /** Null for a confidential case. */
  documentTitle: string | null;
  secrecyReference: string | null;
  versionNumber: number;
  contentHash: string;
  attesters: { name: string; title: string | null; attestedAt: Date }[];
  invalidatedAt: Date | null;
  /** Why the content does not count as attested (Swedish). */
  problems: string[];
};

export const verifyAttestationCode = async (code: string): Promise<VerificationResult | null> => {
  const request = await db.attestationRequest.findUnique({
    where: { verificationCode: code },
    include: { case: { select: { caseNumber: true, title: true, secrecyReference: true } }, steps: { orderBy: { position: "asc" } } },
  });
  if (!request) return null;
  const state = await getAttestationState({ subjectType: request.subjectType, subjectId: request.subjectId });
  const isLatest = state.request?.id === request.id;

  let documentTitle: string | null = null;
  if (!request.case?.secrecyReference && request.subjectType === "STATEMENT") {
    const version = await db.statementVersion.findUnique({
      where: { statementId_number: { statementId: request.subjectId, number: request.versionNumber } },
      select: { content: true },
    });
    documentTitle = statementTitleOf(version?.content) ?? request.case?.title ?? null;
  }

  const status: VerificationStatus =
    request.status === "WITHDRAWN" || request.status === "RETURNED"
      ? "INVALIDATED"
      : request.status === "PENDING"
        ? "PENDING"
        : isLatest && state.attested
          ? "VALID"
          : "NOT_VALID";

  return {
    code: request.verificationCode,
    status,
    caseNumber: request.case?.caseNumber ?? null,
    documentTitle,
    secrecyReference: request.case?.secrecyReference ?? null,
    versionNumber: request.versionNumber,
    contentHash: request.contentHash,
    attesters: request.steps
      .filter((step) => step.attestedAt && step.attesterName)
      .map((step) => ({ name: step.attesterName!, title: step.attesterTitle, attestedAt: step.attestedAt! })),
    invalidatedAt: request.invalidatedAt,
    problems: status === "NOT_VALID" ? (isLatest ? state.problems : ["en senare attesteringsomgång har ersatt den här"]) : [],
  };
};
