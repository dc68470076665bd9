// The public verification of an attested document (/verifiera/<code>): who attested what
// and when, and whether the content is still the attested one. Shows no content: for a
// confidential case only the case number, the secrecy marking and the attesters; for
// justerade minutes the committee, the meeting's date, the § numbers and the justerare.
import "server-only";
import { formatDate } from "@/lib/dates";
import { z } from "@/lib/zod";
import { db } from "@/server/db";
import { statementTitleOf } from "@/features/statements/server";
import { getAttestationState } from "./attestation-state";

export type VerificationStatus = "VALID" | "PENDING" | "INVALIDATED" | "NOT_VALID";

/** What a code of justerade minutes identifies: § numbers, never their titles or text. */
export type VerifiedMinutes = {
  committeeName: string;
  /** ÅÅÅÅ-MM-DD in Stockholm. */
  meetingDate: string;
  /** "§ 12/2024", in order. */
  paragraphs: string[];
  chairName: string;
  checkerName: string;
};

export type VerificationResult = {
  code: string;
  status: VerificationStatus;
  caseNumber: string | null;
  /** Null for a confidential case. */
  documentTitle: string | null;
  secrecyReference: string | null;
  /** Set for a code of minutes (a justering); the fields above are then empty. */
  minutes: VerifiedMinutes | null;
  versionNumber: number;
  contentHash: string;
  attesters: { name: string; title: string | null; attestedAt: Date }[];
  invalidatedAt: Date | null;
  /** Why the content does not count as attested (Swedish). */
  problems: string[];
};

const ZSnapshotSchema = z.object({
  committee: z.object({ name: z.string() }),
  meeting: z.object({ date: z.string() }),
  chair: z.object({ name: z.string() }),
  checker: z.object({ name: z.string() }),
  paragraphs: z.array(z.object({ paragraph: z.number(), year: z.number() })),
});

/**
 * The minutes as they were sent for justering (their stored snapshot, which the hash binds);
 * minutes reopened since (returned or withdrawn) have none, and are described from the rows.
 */
const verifiedMinutes = async (minutesId: string): Promise<VerifiedMinutes | null> => {
  const minutes = await db.minutes.findUnique({
    where: { id: minutesId },
    select: {
      content: true,
      chair: { select: { name: true } },
      checker: { select: { name: true } },
      meeting: { select: { startsAt: true, committee: { select: { name: true } }, agendaItems: { select: { decision: { select: { paragraph: true, year: true } } } } } },
    },
  });
  if (!minutes) return null;
  const snapshot = ZSnapshotSchema.safeParse(minutes.content);
  const source = snapshot.success
    ? snapshot.data
    : {
        committee: minutes.meeting.committee,
        meeting: { date: formatDate(minutes.meeting.startsAt) },
        chair: minutes.chair,
        checker: minutes.checker,
        paragraphs: minutes.meeting.agendaItems.flatMap((item) => (item.decision ? [item.decision] : [])),
      };
  return {
    committeeName: source.committee.name,
    meetingDate: source.meeting.date,
    paragraphs: [...source.paragraphs].sort((a, b) => a.year - b.year || a.paragraph - b.paragraph).map((item) => `§ ${item.paragraph}/${item.year}`),
    chairName: source.chair.name,
    checkerName: source.checker.name,
  };
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
    minutes: request.subjectType === "MINUTES" ? await verifiedMinutes(request.subjectId) : null,
    versionNumber: request.versionNumber,
    contentHash: request.contentHash,
    attesters: request.steps
      .filter((step) => step.attestedAt && step.attesterName)
      .map((step) => ({ name: step.attesterName!, title: step.attesterTitle, attestedAt: step.attestedAt! })),
    invalidatedAt: request.invalidatedAt,
    problems: status === "NOT_VALID" ? (isLatest ? state.problems : ["en senare attesteringsomgång har ersatt den här"]) : [],
  };
};
