// The Remissammanställning of a sender's tjänsteutlåtande: a rich-text section (fixed key)
// that the handläggare gets when the case has been sent on remiss, prefilled with one
// paragraph per remissinstans and refreshed from the answers without losing edits.
//
// The content keeps what was generated last (`referralCompilation`: per instans the paragraph's
// text). A refresh is a three-way merge per instans: an unchanged answer changes nothing; a
// paragraph still exactly as generated is replaced by the new text; a new instans is appended;
// a paragraph the handläggare has edited is never overwritten: the new text is reported as a
// conflict, and stays reported until they keep their own text or append the new one.
// Pure: the editor, the service and the document model share it.
import { compilationSentence, type CompilationInstance } from "@/features/referrals/compilation";
import { doc, paragraph, richTextToPlainText, text, type TBlock, type TRichText } from "./rich-text";
import type { TStatementContent, TTemplateDefinition, TTemplateSection } from "./schemas";

export const REFERRAL_COMPILATION_KEY = "remissammanstallning";
export const REFERRAL_COMPILATION_HEADING = "Remissammanställning";

const COMPILATION_SECTION: TTemplateSection = { key: REFERRAL_COMPILATION_KEY, heading: REFERRAL_COMPILATION_HEADING, kind: "RICH_TEXT", required: false, prefill: "NONE" };

/** The statement has the section (it was created by a refresh). */
export const hasReferralCompilation = (content: TStatementContent): boolean => content.sections.some((section) => section.key === REFERRAL_COMPILATION_KEY);

/**
 * The template's sections with the Remissammanställning after Ärendets beredning (the
 * PREPARATION section; without one, after the last text section). A template that has the
 * key itself places it where it wants. Without content in the section, nothing is rendered.
 */
export const withReferralCompilation = (definition: TTemplateDefinition): TTemplateDefinition => {
  if (definition.sections.some((section) => section.key === REFERRAL_COMPILATION_KEY)) return definition;
  const sections = [...definition.sections];
  const preparation = sections.findIndex((section) => section.prefill === "PREPARATION");
  sections.splice(preparation >= 0 ? preparation + 1 : sections.length, 0, COMPILATION_SECTION);
  return { ...definition, sections };
};

export type TCompiledParagraph = { recipientId: string; text: string };

/** "**Hägersten-Älvsjö stadsdelsnämnd** tillstyrker med ändringar (svar 2024-06-20). …" */
const compiledParagraph = (instance: CompilationInstance): { recipientId: string; text: string; block: TBlock } => {
  const sentence = compilationSentence(instance);
  return { recipientId: instance.recipientId, text: `${instance.name} ${sentence}`, block: paragraph(text(instance.name, [{ type: "bold" }]), ` ${sentence}`) };
};

const blockText = (block: TBlock): string => richTextToPlainText(doc(block));

export type CompilationConflict = { recipientId: string; name: string; text: string };

export type CompilationMerge = {
  body: TRichText;
  basis: TCompiledParagraph[];
  added: number;
  updated: number;
  conflicts: CompilationConflict[];
  changed: boolean;
};

export type CompilationResolution = { recipientId: string; keep: "MINE" | "APPEND" };

export const mergeReferralCompilation = ({
  body,
  basis = [],
  instances,
  resolve = [],
}: {
  /** The section as it is now; null: not created yet. */
  body: TRichText | null;
  basis?: readonly TCompiledParagraph[];
  instances: readonly CompilationInstance[];
  /** The handläggare's answers to reported conflicts. */
  resolve?: readonly CompilationResolution[];
}): CompilationMerge => {
  const fresh = instances.map(compiledParagraph);
  if (!body) {
    return { body: doc(...fresh.map((item) => item.block)), basis: fresh.map(({ recipientId, text: value }) => ({ recipientId, text: value })), added: fresh.length, updated: 0, conflicts: [], changed: true };
  }
  const previous = new Map(basis.map((item) => [item.recipientId, item.text]));
  const choices = new Map(resolve.map((item) => [item.recipientId, item.keep]));
  const blocks = [...body.content];
  const nextBasis: TCompiledParagraph[] = [];
  const conflicts: CompilationConflict[] = [];
  let added = 0;
  let updated = 0;
  for (const [index, item] of fresh.entries()) {
    const generated = { recipientId: item.recipientId, text: item.text };
    const before = previous.get(item.recipientId);
    if (before === undefined) {
      blocks.push(item.block);
      added += 1;
    } else if (before !== item.text) {
      const at = blocks.findIndex((block) => block.type === "paragraph" && blockText(block) === before);
      const choice = choices.get(item.recipientId);
      if (at >= 0) {
        blocks[at] = item.block;
        updated += 1;
      } else if (choice === "APPEND") {
        blocks.push(item.block);
        updated += 1;
      } else if (choice !== "MINE") {
        // Edited by the handläggare: theirs stays, the new text is reported (again next time).
        conflicts.push({ recipientId: item.recipientId, name: instances[index]!.name, text: item.text });
        nextBasis.push({ recipientId: item.recipientId, text: before });
        continue;
      }
    }
    nextBasis.push(generated);
  }
  const changed = added + updated > 0 || JSON.stringify(nextBasis) !== JSON.stringify(basis);
  return { body: { type: "doc", content: blocks }, basis: nextBasis, added, updated, conflicts, changed };
};
