// The document model (document-model.ts) drawn as HTML: the one on-screen rendering of a
// document, beside the PDF and DOCX renderers that read the same tree. The preview and
// the attester's page show this, so what a person reads and approves has the same
// headings, decision points, signatures, Bilagor and attestation block as the export.
// Document headings sit one level below the page's own h1 (level 1 → h2 …).
import { Fragment, type ReactNode } from "react";
import { isSafeHref } from "@/features/statements/rich-text";
import { logoSize, type Block, type ExportDocument, type ListBlock, type Runs } from "../document-model";

const HEADING_TAGS = { 1: "h2", 2: "h3", 3: "h4", 4: "h5" } as const;
const HEADING_CLASSES = { 1: "mt-8 text-2xl font-bold", 2: "mt-8 mb-2 text-lg font-bold", 3: "mt-4 mb-1 font-bold", 4: "mt-3 font-semibold" } as const;
const PARAGRAPH_CLASSES = { normal: "my-2", subtitle: "mt-2 mb-4", note: "my-2 text-sm text-slate-700" } as const;

const RunsView = ({ runs }: { runs: Runs }) =>
  runs.map((run, index) => {
    // "\n" inside a run is a line break, as in both export formats.
    let node: ReactNode = run.text.split("\n").map((line, lineIndex) => (
      <Fragment key={lineIndex}>
        {lineIndex > 0 ? <br /> : null}
        {line}
      </Fragment>
    ));
    if (run.bold) node = <strong>{node}</strong>;
    if (run.italic) node = <em>{node}</em>;
    // The model carries validated http(s)/mailto URLs; checked again so no other scheme reaches a page.
    if (run.href && isSafeHref(run.href)) node = <a href={run.href} className="text-brand-700 underline" rel="noopener noreferrer">{node}</a>;
    return <Fragment key={index}>{node}</Fragment>;
  });

const ListView = ({ block }: { block: ListBlock }) => {
  const items = block.items.map((item, index) => (
    <li key={index} className={block.marker === "att" ? "grid grid-cols-[2.5rem_1fr]" : block.marker === "attachment" ? "grid grid-cols-[5rem_1fr]" : undefined}>
      {block.marker === "att" ? <span>att</span> : block.marker === "attachment" ? <span>Bilaga {(block.start ?? 1) + index}</span> : null}
      <div className="[&>p]:my-0">
        <BlocksView blocks={item} />
      </div>
    </li>
  ));
  if (block.marker === "bullet") return <ul className="my-2 list-disc space-y-1 pl-6">{items}</ul>;
  if (block.marker === "number")
    return (
      <ol start={block.start ?? 1} className="my-2 list-decimal space-y-1 pl-6">
        {items}
      </ol>
    );
  return <ul className="my-2 space-y-1">{items}</ul>;
};

const BlockView = ({ block }: { block: Block }) => {
  switch (block.kind) {
    case "heading": {
      const Tag = HEADING_TAGS[block.level];
      return (
        <Tag className={HEADING_CLASSES[block.level]}>
          <RunsView runs={block.runs} />
        </Tag>
      );
    }
    case "paragraph":
      return (
        <p className={PARAGRAPH_CLASSES[block.style ?? "normal"]}>
          <RunsView runs={block.runs} />
        </p>
      );
    case "list":
      return <ListView block={block} />;
    case "quote":
      return (
        <blockquote className="my-2 border-l-4 border-slate-300 pl-3 italic">
          <BlocksView blocks={block.blocks} />
        </blockquote>
      );
    case "table":
      return (
        <div className="my-3 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{block.summary}</caption>
            <thead>
              <tr>
                {block.header.map((cell, index) => (
                  <th key={index} scope="col" className="border-b border-slate-400 py-1 pr-3">
                    {cell}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, cellIndex) => (
                    <td key={cellIndex} className="border-b border-slate-200 py-1 pr-3 align-top">
                      <RunsView runs={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "columns":
      return (
        <div className="my-6 flex flex-wrap justify-between gap-x-16 gap-y-4">
          {block.columns.map((column, index) => (
            <div key={index}>
              {column.label ? <p className="font-bold">{column.label}</p> : null}
              {column.lines.map((line, lineIndex) => (
                <p key={lineIndex}>{line}</p>
              ))}
            </div>
          ))}
        </div>
      );
    case "letterhead": {
      const size = block.logo ? logoSize(block.logo) : null;
      return (
        <div className="mb-6 flex items-start justify-between gap-4">
          {block.logo && size ? (
            // A data URL: the model carries the bytes the exports embed (a preview shows what is exported).
            // eslint-disable-next-line @next/next/no-img-element
            <img src={`data:image/png;base64,${block.logo.png.toString("base64")}`} alt={block.logo.description} width={Math.round((size.width * 4) / 3)} height={Math.round((size.height * 4) / 3)} />
          ) : (
            <span />
          )}
          <p className="text-right">
            <span className="font-bold">{block.date.label}</span>
            <br />
            {block.date.value}
          </p>
        </div>
      );
    }
    case "attestation":
      return (
        <section aria-label={block.heading} className="mt-10 border-t border-slate-300 pt-4">
          <p className="font-bold">{block.heading}</p>
          <p>{block.intro}</p>
          <table className="mt-2 text-left text-sm">
            <caption className="sr-only">{block.heading}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-8">
                  Namn
                </th>
                <th scope="col">Datum</th>
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, index) => (
                <tr key={index}>
                  <td className="pr-8">{row.name}</td>
                  <td>{row.date}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-sm">
            Verifieringskod:{" "}
            <a href={block.verificationUrl} className="font-mono text-brand-700 underline">
              {block.verificationCode}
            </a>
          </p>
        </section>
      );
  }
};

export const BlocksView = ({ blocks }: { blocks: Block[] }) =>
  blocks.map((block, index) => <BlockView key={index} block={block} />);

export const DocumentView = ({ document }: { document: ExportDocument }) => {
  const { runningHeader } = document;
  return (
    <article
      aria-label={`${runningHeader.documentType}: ${document.meta.title}`}
      className="relative mx-auto max-w-3xl bg-white px-10 py-12 font-serif text-[15px] leading-relaxed text-slate-900 shadow"
      data-testid="document-view"
    >
      <header className="flex flex-wrap justify-between gap-4 border-b border-slate-200 pb-3 text-sm">
        <div>
          <p className="font-bold">{runningHeader.organisation}</p>
          {runningHeader.unit ? <p>{runningHeader.unit}</p> : null}
        </div>
        <div className="text-right">
          <p className="font-bold">{runningHeader.documentType}</p>
          <p>{runningHeader.reference}</p>
        </div>
      </header>
      {document.draft ? (
        <p className="mt-3 inline-block rounded border border-amber-700 bg-amber-50 px-2 py-0.5 text-sm font-semibold tracking-wide text-amber-900">UTKAST</p>
      ) : null}
      <BlocksView blocks={document.blocks} />
    </article>
  );
};
