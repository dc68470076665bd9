"use client";
// The handläggare's editor: every part of the statement saves on its own (autosave after
// ~2 s idle and on leaving the field), so two people can work on different sections at
// once; a clash in the same section opens the conflict panel.
import { Link } from "@/components/link";
import { useId, useState } from "react";
import { DATE_FORMAT_HINT, isoDateInputProps } from "@/components/form";
import { isValidIsoDate } from "@/lib/text-schemas";
import { mergeRichText, richTextToPlainText, type TRichText } from "../rich-text";
import { sectionToPlainText, type SectionValue } from "../content";
import type { TDecisionPoint, THeaderInput, TStatementContent, TTemplateDefinition } from "../schemas";
import { DocumentPicker } from "@/features/documents/components";
import type { DocumentChoices } from "@/features/documents/format";
import { hasReferralCompilation, REFERRAL_COMPILATION_KEY } from "../referral-compilation";
import { ConflictPanel } from "./conflict-panel";
import { ReferralCompilationPanel } from "./referral-compilation-panel";
import { RichTextEditor } from "./rich-text-editor";
import { useSectionSaver, type SaveStatus, type SectionSaver } from "./section-saver";
import { formatTime } from "@/lib/dates";

type EditorProps = {
  caseId: string;
  statementId: string;
  version: number;
  content: TStatementContent;
  definition: TTemplateDefinition;
  documents: DocumentChoices;
  missingRequired: string[];
};

// ─── Status line ────────────────────────────────────────────────────────────

const SaveStatusLine = ({ status, onRetry, testId }: { status: SaveStatus; onRetry: () => void; testId: string }) => {
  const text = ((): { message: string; tone: "ok" | "info" | "warn"; retry?: boolean } => {
    switch (status.kind) {
      case "idle":
        return status.savedAt ? { message: `Sparat ${formatTime(status.savedAt)}`, tone: "ok" } : { message: "Inga osparade ändringar", tone: "info" };
      case "pending":
        return { message: "Osparade ändringar – sparas automatiskt", tone: "info" };
      case "saving":
        return { message: "Sparar …", tone: "info" };
      case "offline":
        return { message: "Inte sparat: ingen anslutning. Texten finns kvar i webbläsaren och sparas när anslutningen är tillbaka.", tone: "warn", retry: true };
      case "unauthenticated":
        return { message: `Inte sparat: ${status.message}`, tone: "warn", retry: true };
      case "error":
        return { message: `Inte sparat: ${status.message}`, tone: "warn", retry: true };
      case "conflict":
        return { message: "Inte sparat: någon annan har ändrat avsnittet. Välj nedan hur du vill gå vidare.", tone: "warn" };
    }
  })();
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2 text-sm" aria-live="polite" data-testid={testId}>
      <span className={text.tone === "warn" ? "font-semibold text-amber-800" : text.tone === "ok" ? "text-green-800" : "text-slate-600"}>
        {text.tone === "warn" ? "⚠ " : text.tone === "ok" ? "✓ " : ""}
        {text.message}
      </span>
      {text.retry ? (
        <button type="button" onClick={onRetry} className="rounded border border-slate-400 px-2 py-0.5 font-semibold hover:bg-slate-100">
          Försök igen
        </button>
      ) : null}
    </div>
  );
};

type ConflictProps<V> = { heading: string; saver: SectionSaver<V>; status: SaveStatus; mine: V; toText: (value: V) => string; merge?: (theirs: V, mine: V) => V; fromSection: (section: SectionValue) => V };

const SectionConflict = <V,>({ heading, saver, status, mine, toText, merge, fromSection }: ConflictProps<V>) => {
  if (status.kind !== "conflict") return null;
  const theirs = fromSection(status.theirs);
  return (
    <ConflictPanel
      heading={heading}
      mineText={toText(mine)}
      theirsText={toText(theirs)}
      savedBy={status.savedBy}
      savedAt={status.savedAt}
      canMerge={Boolean(merge)}
      onKeepMine={() => saver.resolveConflict({ keep: "mine" })}
      onKeepTheirs={() => saver.resolveConflict({ keep: "theirs" })}
      onKeepBoth={() => merge && saver.resolveConflict({ keep: "merged", value: merge(theirs, mine) })}
    />
  );
};

// ─── Rich text section ──────────────────────────────────────────────────────

const richFromSection = (section: SectionValue): TRichText => (section.kind === "richText" ? section.value : { type: "doc", content: [] });

type RichTextSectionProps = { statementId: string; version: number; sectionKey: string; heading: string; required: boolean; initialValue: TRichText; referralCompilation?: boolean };

const RichTextSection = ({ statementId, version, sectionKey, heading, required, initialValue, referralCompilation = false }: RichTextSectionProps) => {
  const headingId = useId();
  const { saver, snapshot } = useSectionSaver<TRichText>({
    statementId,
    sectionId: sectionKey,
    initialValue,
    initialVersion: version,
    toInput: (value, baseVersion) => ({ statementId, baseVersion, kind: "richText", sectionKey, value }),
    fromSection: richFromSection,
  });
  return (
    <section className="mt-8" aria-labelledby={headingId} data-testid={`section-${sectionKey}`}>
      <h2 id={headingId} className="mb-2 text-xl font-bold">
        {heading}
        {required ? <span className="ml-2 text-sm font-normal text-slate-600">(obligatoriskt)</span> : null}
      </h2>
      <RichTextEditor key={snapshot.revision} labelledBy={headingId} initialValue={snapshot.value} onChange={saver.change} onBlur={saver.flush} testId={`editor-${sectionKey}`} />
      <SaveStatusLine status={snapshot.status} onRetry={saver.flush} testId={`status-${sectionKey}`} />
      <SectionConflict heading={heading} saver={saver} status={snapshot.status} mine={snapshot.value} toText={richTextToPlainText} merge={mergeRichText} fromSection={richFromSection} />
      {referralCompilation ? <ReferralCompilationPanel statementId={statementId} saver={saver} /> : null}
    </section>
  );
};

/** Sent on remiss, no Remissammanställning yet: the heading and the button that creates it. */
const NewReferralCompilation = ({ statementId, heading }: { statementId: string; heading: string }) => (
  <section className="mt-8" aria-labelledby="referral-compilation-heading" data-testid={`section-${REFERRAL_COMPILATION_KEY}`}>
    <h2 id="referral-compilation-heading" className="mb-2 text-xl font-bold">
      {heading}
    </h2>
    <ReferralCompilationPanel statementId={statementId} saver={null} />
  </section>
);

// ─── Decision points ────────────────────────────────────────────────────────

const pointsFromSection = (section: SectionValue): TDecisionPoint[] => (section.kind === "decisionPoints" ? section.value : []);
const pointsText = (points: TDecisionPoint[]) => sectionToPlainText({ kind: "decisionPoints", value: points });
const mergePoints = (theirs: TDecisionPoint[], mine: TDecisionPoint[]) => [...theirs, ...mine.filter((point) => !theirs.some((other) => other.text === point.text))];

const DecisionPointsSection = ({ statementId, version, heading, initialValue }: { statementId: string; version: number; heading: string; initialValue: TDecisionPoint[] }) => {
  const headingId = useId();
  const { saver, snapshot } = useSectionSaver<TDecisionPoint[]>({
    statementId,
    sectionId: "decision-points",
    initialValue,
    initialVersion: version,
    // Empty points are left out: a half-written list still saves.
    toInput: (value, baseVersion) => ({ statementId, baseVersion, kind: "decisionPoints", value: value.filter((point) => point.text.trim()) }),
    fromSection: pointsFromSection,
  });
  const points = snapshot.value;
  const update = (next: TDecisionPoint[]) => saver.change(next);
  return (
    <section className="mt-8" aria-labelledby={headingId} data-testid="section-decision-points">
      <h2 id={headingId} className="mb-1 text-xl font-bold">
        {heading}
      </h2>
      <p className="mb-2 text-sm text-slate-700">En beslutspunkt visas som en mening; flera visas som en lista där varje punkt inleds med ”att”.</p>
      <ol className="space-y-2">
        {points.map((point, index) => (
          <li key={`${snapshot.revision}-${index}`} className="flex items-start gap-2">
            <label htmlFor={`${headingId}-${index}`} className="w-28 shrink-0 pt-2 font-semibold">
              Beslutspunkt {index + 1}
            </label>
            <textarea
              id={`${headingId}-${index}`}
              value={point.text}
              rows={2}
              onChange={(event) => update(points.map((item, position) => (position === index ? { text: event.target.value } : item)))}
              onBlur={saver.flush}
              className="w-full rounded border border-slate-300 px-3 py-2"
            />
            <button type="button" onClick={() => { update(points.filter((_, position) => position !== index)); saver.flush(); }} className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100">
              Ta bort <span className="sr-only">beslutspunkt {index + 1}</span>
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => update([...points, { text: "" }])} className="mt-2 rounded border border-brand-700 px-3 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50">
        Lägg till beslutspunkt
      </button>
      <SaveStatusLine status={snapshot.status} onRetry={saver.flush} testId="status-decision-points" />
      <SectionConflict heading={heading} saver={saver} status={snapshot.status} mine={points} toText={pointsText} merge={mergePoints} fromSection={pointsFromSection} />
    </section>
  );
};

// ─── Header ─────────────────────────────────────────────────────────────────

const headerFromSection = (fallback: THeaderInput) => (section: SectionValue): THeaderInput => (section.kind === "header" ? section.value : fallback);

const HeaderSection = ({ statementId, version, content }: { statementId: string; version: number; content: TStatementContent }) => {
  const id = useId();
  const initial: THeaderInput = { title: content.header.title, subtitle: content.header.subtitle, meetingDate: content.header.meetingDate, caseOfficerPhone: content.header.caseOfficerPhone };
  const fromSection = headerFromSection(initial);
  const { saver, snapshot } = useSectionSaver<THeaderInput>({
    statementId,
    sectionId: "header",
    initialValue: initial,
    initialVersion: version,
    toInput: (value, baseVersion) => ({ statementId, baseVersion, kind: "header", value }),
    fromSection,
  });
  const header = snapshot.value;
  const set = (patch: Partial<THeaderInput>) => saver.change({ ...header, ...patch });
  const [meetingText, setMeetingText] = useState(header.meetingDate ?? "");
  const field = "mt-1 w-full rounded border border-slate-300 px-3 py-2";
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded border border-slate-200 bg-white p-4" data-testid="section-header">
      <h2 id={`${id}-heading`} className="text-xl font-bold">
        Sidhuvud
      </h2>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-semibold">Handläggare</dt>
          <dd>{content.header.caseOfficerName}</dd>
        </div>
        {content.header.coOfficerNames ? (
          <div>
            <dt className="font-semibold">Medhandläggare</dt>
            <dd>{content.header.coOfficerNames.join(", ")}</dd>
          </div>
        ) : null}
        <div>
          <dt className="font-semibold">Till</dt>
          <dd>{content.header.committeeName}</dd>
        </div>
        <div>
          <dt className="font-semibold">Diarienummer</dt>
          <dd>{content.header.caseNumber}</dd>
        </div>
      </dl>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-title`} className="font-semibold">Rubrik</label>
          <input id={`${id}-title`} value={header.title} onChange={(event) => set({ title: event.target.value })} onBlur={saver.flush} className={field} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-subtitle`} className="font-semibold">Underrubrik</label>
          <input id={`${id}-subtitle`} value={header.subtitle} onChange={(event) => set({ subtitle: event.target.value })} onBlur={saver.flush} className={field} />
        </div>
        <div>
          <label htmlFor={`${id}-meeting`} className="font-semibold">Sammanträdesdatum</label>
          <p id={`${id}-meeting-hint`} className="text-sm text-slate-600">
            {DATE_FORMAT_HINT}
          </p>
          <input
            id={`${id}-meeting`}
            {...isoDateInputProps}
            value={meetingText}
            aria-describedby={`${id}-meeting-hint`}
            aria-invalid={meetingText !== "" && !isValidIsoDate(meetingText) ? true : undefined}
            onChange={(event) => {
              // What is being typed stays here; only a whole date (or none) is saved.
              const value = event.target.value.trim();
              setMeetingText(event.target.value);
              if (value === "" || isValidIsoDate(value)) set({ meetingDate: value || null });
            }}
            onBlur={saver.flush}
            className={`${field} aria-[invalid=true]:border-red-700`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-phone`} className="font-semibold">Handläggarens telefon</label>
          <input id={`${id}-phone`} type="tel" value={header.caseOfficerPhone} onChange={(event) => set({ caseOfficerPhone: event.target.value })} onBlur={saver.flush} className={field} />
        </div>
      </div>
      <SaveStatusLine status={snapshot.status} onRetry={saver.flush} testId="status-header" />
      <SectionConflict heading="Sidhuvudet" saver={saver} status={snapshot.status} mine={header} toText={(value) => sectionToPlainText({ kind: "header", value })} fromSection={fromSection} />
    </section>
  );
};

// ─── Attachments ────────────────────────────────────────────────────────────

const attachmentIdsFromSection = (section: SectionValue): string[] => (section.kind === "attachments" ? section.value.map((attachment) => attachment.documentId) : []);

const AttachmentsSection = ({ caseId, statementId, version, heading, content, documents }: { caseId: string; statementId: string; version: number; heading: string; content: TStatementContent; documents: DocumentChoices }) => {
  const id = useId();
  const { saver, snapshot } = useSectionSaver<string[]>({
    statementId,
    sectionId: "attachments",
    initialValue: content.attachments.map((attachment) => attachment.documentId),
    initialVersion: version,
    toInput: (value, baseVersion) => ({ statementId, baseVersion, kind: "attachments", value }),
    fromSection: attachmentIdsFromSection,
  });
  const chosen = snapshot.value;
  const change = (next: string[]) => {
    saver.change(next);
    saver.flush();
  };
  // The conflict view lists both choices by description: a handling the other chose may be
  // among neither the choices of this page nor its saved Bilagor, but is in theirs.
  const theirs = snapshot.status.kind === "conflict" && snapshot.status.theirs.kind === "attachments" ? snapshot.status.theirs.value : [];
  const describe = (ids: string[]) =>
    ids
      .map(
        (documentId) =>
          documents.choices.find((document) => document.id === documentId)?.description ??
          [...content.attachments, ...theirs].find((attachment) => attachment.documentId === documentId)?.description ??
          documentId,
      )
      .join("\n");
  return (
    <section className="mt-8" aria-labelledby={id} data-testid="section-attachments">
      <h2 id={id} className="mb-1 text-xl font-bold">
        {heading}
      </h2>
      {documents.total === 0 ? (
        <p className="text-slate-700">Ärendet har inga handlingar att bifoga.</p>
      ) : (
        <DocumentPicker
          caseId={caseId}
          choices={documents}
          legend="Välj vilka av ärendets handlingar som ska listas som bilagor."
          legendClassName="mb-2 text-sm text-slate-700"
          chosen={chosen}
          onChange={change}
        />
      )}
      <SaveStatusLine status={snapshot.status} onRetry={saver.flush} testId="status-attachments" />
      <SectionConflict heading={heading} saver={saver} status={snapshot.status} mine={chosen} toText={describe} merge={(theirs, mine) => [...new Set([...theirs, ...mine])]} fromSection={attachmentIdsFromSection} />
    </section>
  );
};

// ─── The editor ─────────────────────────────────────────────────────────────

export const StatementEditor = ({ caseId, statementId, version, content, definition, documents, missingRequired }: EditorProps) => (
  <div>
    <p className="mb-4 flex flex-wrap gap-4">
      <Link href={`/arenden/${caseId}/tjansteutlatande/forhandsgranska`} className="font-semibold text-brand-700 underline">
        Förhandsgranska
      </Link>
      <Link href={`/arenden/${caseId}/tjansteutlatande/historik`} className="font-semibold text-brand-700 underline">
        Versionshistorik
      </Link>
    </p>
    {missingRequired.length > 0 ? (
      <div className="mb-4 rounded border border-slate-300 bg-slate-100 p-3 text-sm" data-testid="missing-required">
        <strong>Obligatoriska avsnitt utan innehåll:</strong> {missingRequired.join(", ")}. De måste fyllas i innan tjänsteutlåtandet kan skickas på attestering.
      </div>
    ) : null}
    <p className="mb-4 text-sm text-slate-700">Texten sparas automatiskt när du gjort en paus i skrivandet och när du lämnar ett fält.</p>
    <HeaderSection statementId={statementId} version={version} content={content} />
    {definition.sections.map((section) => {
      switch (section.kind) {
        case "DECISION_POINTS":
          return <DecisionPointsSection key={section.key} statementId={statementId} version={version} heading={section.heading} initialValue={content.decisionPoints} />;
        case "ATTACHMENTS":
          return <AttachmentsSection key={section.key} statementId={statementId} version={version} heading={section.heading} content={content} caseId={caseId} documents={documents} />;
        case "RICH_TEXT":
          if (section.key === REFERRAL_COMPILATION_KEY && !hasReferralCompilation(content)) return <NewReferralCompilation key={section.key} statementId={statementId} heading={section.heading} />;
          return (
            <RichTextSection
              key={section.key}
              statementId={statementId}
              version={version}
              sectionKey={section.key}
              heading={section.heading}
              required={section.required}
              initialValue={content.sections.find((item) => item.key === section.key)?.body ?? { type: "doc", content: [] }}
              referralCompilation={section.key === REFERRAL_COMPILATION_KEY}
            />
          );
      }
    })}
    <section className="mt-8" aria-labelledby="signatories-heading">
      <h2 id="signatories-heading" className="text-xl font-bold">
        Undertecknas av
      </h2>
      {content.signatories.length === 0 ? (
        <p className="text-slate-700">Ingen stadsdelsdirektör eller avdelningschef finns registrerad i organisationen.</p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-8">
          {content.signatories.map((signatory) => (
            <li key={signatory.role}>
              {signatory.name}, {signatory.title}
              <br />
              <span className="text-slate-600">{signatory.administration}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-sm text-slate-600">Som organisationen ser ut i dag. Undertecknarna hämtas på nytt när tjänsteutlåtandet skickas på attestering.</p>
    </section>
  </div>
);
