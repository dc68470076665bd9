// The one place where a statement (tjänsteutlåtande) becomes an ExportDocument. Pure:
// the service loads the data, the renderers draw the result, neither knows the other.
// Layout follows ../shared/reference/tjansteutlatande-oppna-drogscener.md: the letterhead
// (the municipality's logo, "Datum"), Handläggare | Till, title, subtitle, the template's
// sections in order, signatures, Bilagor numbered "Bilaga 1" …, and — only for attested
// content — the "Attesterat av" block.
import { masksAnything, type SecrecyMask } from "@/features/cases/secrecy";
import { maskStatementContent } from "@/features/statements/secrecy";
import { lowerFirst } from "@/features/statements/content";
import { withReferralCompilation } from "@/features/statements/referral-compilation";
import type { TBlock, TInline, TRichText } from "@/features/statements/rich-text";
import type { TStatementContent, TTemplateDefinition } from "@/features/statements/schemas";
import { decisionPointBlocks } from "./decision-points";
import type { Block, ExportDocument, ExportImage, Run, Runs } from "./document-model";
import { exportFileName } from "@/lib/file-name";

export type ExportVariant = "internal" | "public";

export type StatementAttestation = {
  /** The hash the attestation binds to; must equal the rendered content's hash. */
  contentHash: string;
  /** In the order they attested. `attestedOn` is the date in Europe/Stockholm, ÅÅÅÅ-MM-DD. */
  attesters: { name: string; title: string | null; attestedOn: string }[];
  verificationCode: string;
  verificationUrl: string;
};

export type StatementExportInput = {
  content: TStatementContent;
  definition: TTemplateDefinition;
  /** SHA-256 of the canonical content, recomputed from the stored version by the caller. */
  contentHash: string;
  /** The version's createdAt: the documents' creation date (never "now": determinism). */
  createdAt: Date;
  /**
   * The statement's own date, ÅÅÅÅ-MM-DD, printed as "Datum": the day it was sent for
   * attestation (its content and signers were fixed then); a draft's: the day of its version.
   */
  date: string;
  /** The municipality's logo for the letterhead; null: it has none. */
  logo: ExportImage | null;
  /** Names as they are now: the letterhead of content from before the names were recorded in it. */
  caseInfo: { caseNumber: string; administrationName: string; departmentName: string | null };
  /** Null: not attested (or not this content) → a draft with the UTKAST watermark. */
  attestation: StatementAttestation | null;
  variant: ExportVariant;
  /** What the reader of this copy may not see (the public copy: everything secrecy-marked). */
  mask: SecrecyMask;
};

export class AttestationMismatchError extends Error {
  constructor(expected: string, actual: string) {
    super(`Attestation binds to ${expected} but the content to render hashes to ${actual}`);
    this.name = "AttestationMismatchError";
  }
}

// ─── Rich text → blocks ─────────────────────────────────────────────────────

const inlineRuns = (content: TInline[] | undefined): Runs => {
  const runs: Run[] = [];
  for (const node of content ?? []) {
    if (node.type === "hardBreak") {
      runs.push({ text: "\n" });
      continue;
    }
    const run: Run = { text: node.text };
    for (const mark of node.marks ?? []) {
      if (mark.type === "bold") run.bold = true;
      if (mark.type === "italic") run.italic = true;
      if (mark.type === "link") run.href = mark.attrs.href;
    }
    runs.push(run);
  }
  return runs;
};

const richBlock = (block: TBlock): Block => {
  switch (block.type) {
    case "paragraph":
      return { kind: "paragraph", runs: inlineRuns(block.content) };
    case "heading":
      return { kind: "heading", level: block.attrs.level, runs: inlineRuns(block.content) };
    case "bulletList":
      return { kind: "list", marker: "bullet", items: block.content.map((item) => item.content.map(richBlock)) };
    case "orderedList":
      return { kind: "list", marker: "number", start: block.attrs?.start ?? 1, items: block.content.map((item) => item.content.map(richBlock)) };
    case "blockquote":
      return { kind: "quote", blocks: block.content.map(richBlock) };
  }
};

export const richTextToBlocks = (value: TRichText): Block[] => value.content.map(richBlock);

// ─── Statement → document ───────────────────────────────────────────────────

/** Swedish titles are lower-case in running text: "Lee Orberson, stadsdelsdirektör". */
const attesterLabel = (attester: StatementAttestation["attesters"][number]): string =>
  attester.title ? `${attester.name}, ${lowerFirst(attester.title)}` : attester.name;

export const statementToDocument = (input: StatementExportInput): ExportDocument => {
  const { definition, caseInfo, attestation, variant, mask } = input;
  // An attested export must carry exactly the attested content: refuse to put the
  // attestation block on anything else. The hash is of the whole content; masking is display.
  if (attestation && attestation.contentHash !== input.contentHash) throw new AttestationMismatchError(attestation.contentHash, input.contentHash);
  const content = maskStatementContent(input.content, mask);
  const header = content.header;
  // The organisation as the content names it (a later renaming does not change what was
  // attested; the loader gives a draft being written today's names); content from before the
  // names were recorded: as it is now.
  const organisation = header.administrationName ?? caseInfo.administrationName;
  const unit = header.departmentName ?? caseInfo.departmentName;

  const blocks: Block[] = [
    { kind: "letterhead", logo: input.logo, date: { label: "Datum", value: input.date } },
    {
      kind: "columns",
      columns: [
        // The responsible handläggare with their phone, then the medhandläggare.
        ...(header.caseOfficerName
          ? [{ label: "Handläggare", lines: [header.caseOfficerName, ...(header.caseOfficerPhone ? [`Telefon: ${header.caseOfficerPhone}`] : []), ...(header.coOfficerNames ?? [])] }]
          : []),
        { label: "Till", lines: [header.committeeName, ...(header.meetingDate ? [`Sammanträde ${header.meetingDate}`] : [])] },
      ],
    },
    { kind: "heading", level: 1, runs: [{ text: header.title }] },
  ];
  if (header.subtitle) blocks.push({ kind: "paragraph", style: "subtitle", runs: [{ text: header.subtitle }] });
  if (variant === "public" && masksAnything(mask)) {
    blocks.push({ kind: "paragraph", style: "note", runs: [{ text: "Kopia för allmänheten. Uppgifter som omfattas av sekretess har tagits bort." }] });
  }

  // The Remissammanställning stands after Ärendets beredning when the statement has one.
  const sections = withReferralCompilation(definition).sections;
  const sectionBlocks = (section: TTemplateDefinition["sections"][number]): Block[] => {
    const heading: Block = { kind: "heading", level: 2, runs: [{ text: section.heading }] };
    switch (section.kind) {
      case "DECISION_POINTS":
        return [heading, ...decisionPointBlocks(content.decisionPoints.map((point) => point.text))];
      case "RICH_TEXT": {
        const body = content.sections.find((candidate) => candidate.key === section.key)?.body;
        if (!body || body.content.length === 0) return section.required ? [heading] : [];
        return [heading, ...richTextToBlocks(body)];
      }
      case "ATTACHMENTS":
        if (content.attachments.length === 0) return [];
        return [heading, { kind: "list", marker: "attachment", items: content.attachments.map((attachment): Block[] => [{ kind: "paragraph", runs: [{ text: attachment.description }] }]) }];
    }
  };

  // Signatures stand between the last text section and Bilagor, as in the reference.
  for (const section of sections.filter((item) => item.kind !== "ATTACHMENTS")) blocks.push(...sectionBlocks(section));
  if (content.signatories.length > 0) {
    blocks.push({
      kind: "columns",
      columns: content.signatories.map((signatory) => ({ lines: [signatory.name, signatory.title, signatory.administration].filter(Boolean) })),
    });
  }
  for (const section of sections.filter((item) => item.kind === "ATTACHMENTS")) blocks.push(...sectionBlocks(section));

  if (attestation) {
    blocks.push({
      kind: "attestation",
      heading: "Attesterat av",
      intro: "Detta dokument har godkänts digitalt av följande personer:",
      rows: attestation.attesters.map((attester) => ({ name: attesterLabel(attester), date: attester.attestedOn })),
      verificationCode: attestation.verificationCode,
      verificationUrl: attestation.verificationUrl,
    });
  }

  return {
    meta: {
      title: header.title,
      subject: `Tjänsteutlåtande ${caseInfo.caseNumber}${attestation ? "" : " (utkast)"}`,
      author: organisation,
      language: "sv-SE",
      createdAt: input.createdAt,
      identifier: input.contentHash,
    },
    runningHeader: {
      organisation,
      ...(unit ? { unit } : {}),
      documentType: "Tjänsteutlåtande",
      reference: `Dnr ${caseInfo.caseNumber}`,
    },
    draft: attestation === null,
    blocks,
  };
};

/** "Tjänsteutlåtande HÄS 2024-123 Stoppa de öppna drogscenerna – motion från (M).pdf" */
export const statementFileName = (input: { caseNumber: string; title: string; draft: boolean; variant: ExportVariant; format: "pdf" | "docx" }): string =>
  exportFileName({
    parts: ["Tjänsteutlåtande", input.caseNumber, input.title],
    qualifiers: [input.draft && "utkast", input.variant === "public" && "offentlig version"],
    format: input.format,
  });
