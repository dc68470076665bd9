// The attester reads exactly the version sent: the layout of the tjänsteutlåtande, simply.
// (Swap for the statements feature's preview renderer when it exists: same input, the content.)
import { readStatementPreview } from "../content";

export const StatementPreview = ({ content, versionNumber, hash }: { content: unknown; versionNumber: number; hash: string }) => {
  const preview = readStatementPreview(content);
  return (
    <article aria-labelledby="preview-title" className="rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
      {preview.header.length > 0 ? (
        <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {preview.header.map((row) => (
            <div key={`${row.label}-${row.value}`} className="contents">
              <dt className="font-semibold">{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <h2 id="preview-title" className="text-2xl font-bold">
        {preview.title ?? "Tjänsteutlåtande"}
      </h2>
      {preview.subtitle ? <p className="mt-1 text-slate-700">{preview.subtitle}</p> : null}
      {preview.decisionPoints.length > 0 ? (
        <section className="mt-6">
          <h3 className="text-lg font-semibold">Förvaltningens förslag till beslut</h3>
          <ol className="mt-2 list-decimal space-y-1 pl-6">
            {preview.decisionPoints.map((point, index) => (
              <li key={index}>{point}</li>
            ))}
          </ol>
        </section>
      ) : null}
      {preview.sections.map((section, index) => (
        <section key={index} className="mt-6">
          <h3 className="text-lg font-semibold">{section.title}</h3>
          {section.paragraphs.map((paragraph, paragraphIndex) => (
            <p key={paragraphIndex} className="mt-2 whitespace-pre-line">
              {paragraph}
            </p>
          ))}
        </section>
      ))}
      {preview.attachments.length > 0 ? (
        <section className="mt-6">
          <h3 className="text-lg font-semibold">Bilagor</h3>
          <ul className="mt-2 list-disc pl-6">
            {preview.attachments.map((attachment, index) => (
              <li key={index}>
                {attachment.title}
                {attachment.sha256 ? <span className="ml-2 font-mono text-xs text-slate-600">SHA-256 {attachment.sha256.slice(0, 16)}…</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mt-6 border-t border-slate-200 pt-3 text-sm text-slate-600">
        Version {versionNumber} · kontrollsumma (SHA-256) <span className="break-all font-mono">{hash}</span>
      </p>
    </article>
  );
};
