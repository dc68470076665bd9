import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import type { VerificationResult } from "../server/verify-attestation";
import { formatDate } from "@/lib/dates";

const VERDICT: Record<VerificationResult["status"], { text: string; tone: string }> = {
  VALID: { text: "Giltig: innehållet är detsamma som när det attesterades.", tone: "border-green-700 bg-green-50 text-green-900" },
  PENDING: { text: "Inte attesterat ännu: dokumentet är på attestering.", tone: "border-amber-600 bg-amber-50 text-amber-900" },
  INVALIDATED: { text: "Ogiltig: attesteringen har återkallats.", tone: "border-red-700 bg-red-50 text-red-900" },
  NOT_VALID: { text: "Ogiltig: innehållet stämmer inte med det som attesterades.", tone: "border-red-700 bg-red-50 text-red-900" },
};

export const VerificationResultView = ({ result }: { result: VerificationResult }) => {
  const verdict = VERDICT[result.status];
  return (
    <div className="space-y-6">
      <p className={`rounded border-2 px-4 py-3 text-lg font-semibold ${verdict.tone}`} data-testid="verification-verdict">
        {verdict.text}
      </p>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_minmax(0,1fr)]">
        <dt className="font-semibold">Verifieringskod</dt>
        <dd className="font-mono">{result.code}</dd>
        {result.minutes ? (
          <>
            <dt className="font-semibold">Dokument</dt>
            <dd data-testid="verification-title">Protokoll</dd>
            <dt className="font-semibold">Nämnd</dt>
            <dd>{result.minutes.committeeName}</dd>
            <dt className="font-semibold">Sammanträde</dt>
            <dd>{result.minutes.meetingDate}</dd>
            <dt className="font-semibold">Paragrafer</dt>
            <dd data-testid="verification-paragraphs">{result.minutes.paragraphs.join(", ") || "–"}</dd>
            <dt className="font-semibold">Justerare</dt>
            <dd>
              {result.minutes.chairName} (ordförande), {result.minutes.checkerName} (justerare)
            </dd>
          </>
        ) : (
          <>
            <dt className="font-semibold">Diarienummer</dt>
            <dd>{result.caseNumber ?? "–"}</dd>
          </>
        )}
        {result.minutes ? null : result.secrecyReference ? (
          <>
            <dt className="font-semibold">Sekretess</dt>
            <dd>Sekretess enligt {result.secrecyReference}. Dokumentets innehåll och rubrik visas inte.</dd>
          </>
        ) : (
          <>
            <dt className="font-semibold">Dokument</dt>
            <dd data-testid="verification-title">Tjänsteutlåtande: {result.documentTitle ?? "–"}</dd>
          </>
        )}
        <dt className="font-semibold">Version</dt>
        <dd>{result.versionNumber}</dd>
        <dt className="font-semibold">Kontrollsumma (SHA-256)</dt>
        <dd className="break-all font-mono text-sm">{result.contentHash}</dd>
        {result.invalidatedAt ? (
          <>
            <dt className="font-semibold">Återkallad</dt>
            <dd>{formatDate(result.invalidatedAt)}</dd>
          </>
        ) : null}
      </dl>
      {result.attesters.length > 0 ? (
        <DataTable caption={result.minutes ? "Justerat av" : "Attesterat av"} captionVisible columns={["Namn", "Datum"]}>
          {result.attesters.map((attester) => (
            <tr key={`${attester.name}-${attester.attestedAt.toISOString()}`} className={ROW} data-testid="verification-attester">
              <RowHeaderCell>
                {attester.name}
                {attester.title ? <span className="font-normal">{`, ${attester.title.toLowerCase()}`}</span> : null}
              </RowHeaderCell>
              <td className={`whitespace-nowrap ${CELL}`}>{formatDate(attester.attestedAt)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {result.problems.length > 0 ? (
        <div role="alert">
          <p className="font-semibold">Avvikelser</p>
          <ul className="list-disc pl-6">
            {result.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
};
