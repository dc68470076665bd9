// The statement laid out like the exported document (the reference tjänsteutlåtande):
// header block, title, subtitle, sections, "att …" decision points, signatures, Bilagor.
// Rich text goes through the allowlist renderer; React escapes every text.
import { createElement, type ReactNode } from "react";
import { renderRichText, type RenderBackend } from "../render";
import type { TStatementContent, TTemplateDefinition } from "../schemas";
import { PROSE_CLASSES } from "./prose";

const reactBackend: RenderBackend<ReactNode> = {
  text: (value) => value,
  element: (tag, attrs, children, key) => createElement(tag, { key, ...attrs }, ...(tag === "br" ? [] : children)),
};

export const StatementDocument = ({ content, definition }: { content: TStatementContent; definition: TTemplateDefinition }) => (
  <article className="mx-auto max-w-3xl bg-white px-10 py-12 font-serif text-[15px] leading-relaxed text-slate-900 shadow" data-testid="statement-document">
    <header className="flex flex-wrap justify-between gap-6">
      <div>
        <p className="font-bold">Handläggare</p>
        <p>{content.header.caseOfficerName}</p>
        {content.header.caseOfficerPhone ? <p>Telefon: {content.header.caseOfficerPhone}</p> : null}
      </div>
      <div className="text-right">
        <p className="text-sm">{content.header.caseNumber}</p>
        <p className="mt-2 font-bold">Till</p>
        <p>{content.header.committeeName}</p>
        <p>{content.header.meetingDate ?? "Sammanträdesdatum ej bestämt"}</p>
      </div>
    </header>
    <h1 className="mt-10 text-2xl font-bold">{content.header.title}</h1>
    {content.header.subtitle ? <p className="mt-2">{content.header.subtitle}</p> : null}
    {definition.sections.map((section) => {
      const heading = <h2 className="mt-8 mb-2 text-lg font-bold">{section.heading}</h2>;
      switch (section.kind) {
        case "DECISION_POINTS":
          return (
            <section key={section.key}>
              {heading}
              {content.decisionPoints.length === 1 ? (
                <p>{content.decisionPoints[0]!.text}</p>
              ) : (
                <ol className="space-y-1">
                  {content.decisionPoints.map((point, index) => (
                    <li key={index}>att {point.text}</li>
                  ))}
                </ol>
              )}
            </section>
          );
        case "ATTACHMENTS":
          return (
            <section key={section.key}>
              <Signatures content={content} />
              {heading}
              {content.attachments.length === 0 ? (
                <p>Inga bilagor.</p>
              ) : (
                <ol className="list-decimal pl-6">
                  {content.attachments.map((attachment) => (
                    <li key={attachment.documentId}>{attachment.description}</li>
                  ))}
                </ol>
              )}
            </section>
          );
        case "RICH_TEXT": {
          const body = content.sections.find((item) => item.key === section.key)?.body;
          return (
            <section key={section.key}>
              {heading}
              <div className={PROSE_CLASSES}>{body && body.content.length > 0 ? renderRichText(body, reactBackend) : <p className="italic text-slate-500">(Ingen text ännu.)</p>}</div>
            </section>
          );
        }
      }
    })}
    {definition.sections.some((section) => section.kind === "ATTACHMENTS") ? null : <Signatures content={content} />}
  </article>
);

/** As in the reference: the signatures come after the last text section, before Bilagor. */
const Signatures = ({ content }: { content: TStatementContent }) =>
  content.signatories.length === 0 ? null : (
    <div className="mt-10 flex flex-wrap gap-16" data-testid="signatures">
      {content.signatories.map((signatory) => (
        <p key={signatory.role}>
          {signatory.name}
          <br />
          {signatory.title}
          <br />
          {signatory.administration}
        </p>
      ))}
    </div>
  );
