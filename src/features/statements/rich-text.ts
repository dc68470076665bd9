// The rich text of a statement section: a small, closed subset of ProseMirror JSON
// (what the Tiptap editor produces once `toStoredDoc` has dropped its presentational
// attributes). Shared by the editor and the server. Everything outside the subset is
// rejected, so the stored JSON can only ever render to the tags in `renderRichText`.
//
// Bounds are checked iteratively *before* the recursive zod schema runs: a 10 000-deep
// document must be refused, not blow the stack.
import { z } from "@/lib/zod";

export const RICH_TEXT_LIMITS = {
  /** doc > list > item > list > item … : real documents stay far below this. */
  maxDepth: 12,
  maxNodes: 20_000,
  /** Characters of text per section (a 30-page statement has ~100 000 in total). */
  maxTextLength: 200_000,
  maxHrefLength: 2_000,
} as const;

// ─── Links ──────────────────────────────────────────────────────────────────

/**
 * Only absolute http(s) and mailto links. Browsers ignore tabs/newlines and leading
 * control characters in a URL ("java\nscript:"), so anything containing them is refused
 * outright rather than normalised.
 */
export const isSafeHref = (href: string): boolean => {
  if (href.length === 0 || href.length > RICH_TEXT_LIMITS.maxHrefLength) return false;
  // Whitespace, control characters and backslashes: no honest link needs them.
  if (/[\s\u0000-\u001f\u007f-\u009f\\]/u.test(href)) return false;
  if (!/^(https?:\/\/[^/?#]|mailto:[^/?#])/iu.test(href)) return false;
  try {
    return ["http:", "https:", "mailto:"].includes(new URL(href).protocol);
  } catch {
    return false;
  }
};

// ─── Schema ─────────────────────────────────────────────────────────────────

// Text: no control characters other than tab (ProseMirror text never has newlines;
// line breaks are hardBreak nodes), no bidi overrides.
const ZTextValueSchema = z
  .string()
  .min(1)
  .refine((value) => !/[\u0000-\u0008\u000a-\u001f\u007f\u202A-\u202E\u2066-\u2069]/u.test(value), {
    error: "Texten innehåller otillåtna styrtecken.",
  });

const ZBoldMarkSchema = z.object({ type: z.literal("bold") }).strict();
const ZItalicMarkSchema = z.object({ type: z.literal("italic") }).strict();
const ZLinkMarkSchema = z
  .object({
    type: z.literal("link"),
    attrs: z.object({ href: z.string().refine(isSafeHref, { error: "Länken måste börja med http://, https:// eller mailto:." }) }).strict(),
  })
  .strict();
export const ZMarkSchema = z.discriminatedUnion("type", [ZBoldMarkSchema, ZItalicMarkSchema, ZLinkMarkSchema]);

const ZTextNodeSchema = z
  .object({
    type: z.literal("text"),
    text: ZTextValueSchema,
    marks: z
      .array(ZMarkSchema)
      .max(3)
      .refine((marks) => new Set(marks.map((mark) => mark.type)).size === marks.length, { error: "Samma formatering förekommer två gånger." })
      .optional(),
  })
  .strict();
const ZHardBreakSchema = z.object({ type: z.literal("hardBreak") }).strict();
const ZInlineSchema = z.discriminatedUnion("type", [ZTextNodeSchema, ZHardBreakSchema]);

const ZParagraphSchema = z.object({ type: z.literal("paragraph"), content: z.array(ZInlineSchema).optional() }).strict();
// Section headings are h2 in the document; headings inside a section are h3/h4.
const ZHeadingSchema = z
  .object({
    type: z.literal("heading"),
    attrs: z.object({ level: z.union([z.literal(3), z.literal(4)]) }).strict(),
    content: z.array(ZInlineSchema).optional(),
  })
  .strict();

export type TInline = z.infer<typeof ZInlineSchema>;
export type TMark = z.infer<typeof ZMarkSchema>;
export type TBlock =
  | z.infer<typeof ZParagraphSchema>
  | z.infer<typeof ZHeadingSchema>
  | { type: "bulletList"; content: TListItem[] }
  | { type: "orderedList"; attrs?: { start: number }; content: TListItem[] }
  | { type: "blockquote"; content: TBlock[] };
export type TListItem = { type: "listItem"; content: TBlock[] };
export type TRichText = { type: "doc"; content: TBlock[] };

const ZListItemSchema: z.ZodType<TListItem> = z.lazy(() =>
  z.object({ type: z.literal("listItem"), content: z.array(ZBlockSchema).min(1) }).strict(),
);
const ZBlockSchema: z.ZodType<TBlock> = z.lazy(() =>
  z.discriminatedUnion("type", [
    ZParagraphSchema,
    ZHeadingSchema,
    z.object({ type: z.literal("bulletList"), content: z.array(ZListItemSchema).min(1) }).strict(),
    z
      .object({
        type: z.literal("orderedList"),
        attrs: z.object({ start: z.int().min(1).max(10_000) }).strict().optional(),
        content: z.array(ZListItemSchema).min(1),
      })
      .strict(),
    z.object({ type: z.literal("blockquote"), content: z.array(ZBlockSchema).min(1) }).strict(),
  ]),
);

const ZDocShapeSchema = z.object({ type: z.literal("doc"), content: z.array(ZBlockSchema) }).strict();

type Bounds = { ok: true } | { ok: false; message: string };

/** Depth, node count and text length, walked without recursion. */
export const checkRichTextBounds = (value: unknown): Bounds => {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 1 }];
  let nodes = 0;
  let textLength = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > RICH_TEXT_LIMITS.maxDepth) return { ok: false, message: "Texten är för djupt nästlad." };
    nodes += 1;
    if (nodes > RICH_TEXT_LIMITS.maxNodes) return { ok: false, message: "Texten har för många delar." };
    if (typeof node !== "object" || node === null || Array.isArray(node)) continue;
    const { text, content } = node as { text?: unknown; content?: unknown };
    if (typeof text === "string") {
      textLength += text.length;
      if (textLength > RICH_TEXT_LIMITS.maxTextLength) return { ok: false, message: `Avsnittet får vara högst ${RICH_TEXT_LIMITS.maxTextLength} tecken.` };
    }
    if (Array.isArray(content)) {
      if (content.length > RICH_TEXT_LIMITS.maxNodes) return { ok: false, message: "Texten har för många delar." };
      for (const child of content) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return { ok: true };
};

/** A section's rich text as stored. Strict: unknown nodes, marks and attributes are errors. */
export const ZRichTextSchema: z.ZodType<TRichText> = z
  .unknown()
  .superRefine((value, context) => {
    const bounds = checkRichTextBounds(value);
    if (!bounds.ok) context.addIssue({ code: "custom", message: bounds.message, abort: true });
  })
  .pipe(ZDocShapeSchema) as unknown as z.ZodType<TRichText>;

export const EMPTY_DOC: TRichText = { type: "doc", content: [] };

// ─── Builders (prefill, seed, tests) ────────────────────────────────────────

export const text = (value: string, marks?: TMark[]): TInline => (marks?.length ? { type: "text", text: value, marks } : { type: "text", text: value });
export const paragraph = (...content: (TInline | string)[]): TBlock => {
  const inline = content.map((item) => (typeof item === "string" ? text(item) : item)).filter((item) => item.type !== "text" || item.text.length > 0);
  return inline.length > 0 ? { type: "paragraph", content: inline } : { type: "paragraph" };
};
export const bulletList = (...items: TBlock[][]): TBlock => ({ type: "bulletList", content: items.map((content) => ({ type: "listItem", content })) });
export const doc = (...content: TBlock[]): TRichText => ({ type: "doc", content });

// ─── Plain text (diffs, conflict view, emptiness) ───────────────────────────

const inlineText = (content: TInline[] | undefined): string =>
  (content ?? []).map((item) => (item.type === "text" ? item.text : "\n")).join("");

const blockLines = (block: TBlock, prefix: string): string[] => {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return [prefix + inlineText(block.content)];
    case "bulletList":
      return block.content.flatMap((item) => item.content.flatMap((child, index) => blockLines(child, index === 0 ? `${prefix}• ` : `${prefix}  `)));
    case "orderedList":
      return block.content.flatMap((item, position) =>
        item.content.flatMap((child, index) => blockLines(child, index === 0 ? `${prefix}${(block.attrs?.start ?? 1) + position}. ` : `${prefix}   `)),
      );
    case "blockquote":
      return block.content.flatMap((child) => blockLines(child, `${prefix}> `));
  }
};

/** One line per paragraph, blank lines between blocks: what the word diff compares. */
export const richTextToPlainText = (value: TRichText): string => value.content.map((block) => blockLines(block, "").join("\n")).join("\n\n");

export const isRichTextEmpty = (value: TRichText): boolean => richTextToPlainText(value).trim().length === 0;

/**
 * "Behåll båda": the other's blocks, then each of mine that the other does not already
 * have — shared paragraphs once, every typed word of both kept for the user to edit.
 */
export const mergeRichText = (theirs: TRichText, mine: TRichText): TRichText => {
  const seen = new Set(theirs.content.map((block) => JSON.stringify(block)));
  return { type: "doc", content: [...theirs.content, ...mine.content.filter((block) => !seen.has(JSON.stringify(block)))] };
};

// ─── Editor JSON → stored JSON ──────────────────────────────────────────────

type LooseNode = { type?: unknown; text?: unknown; attrs?: Record<string, unknown> | null; marks?: unknown; content?: unknown };

const cleanMarks = (marks: unknown): TMark[] | undefined => {
  if (!Array.isArray(marks)) return undefined;
  const result: TMark[] = [];
  for (const mark of marks as LooseNode[]) {
    if (mark.type === "bold" || mark.type === "italic") result.push({ type: mark.type });
    if (mark.type === "link" && typeof mark.attrs?.href === "string" && isSafeHref(mark.attrs.href)) result.push({ type: "link", attrs: { href: mark.attrs.href } });
  }
  const unique = result.filter((mark, index) => result.findIndex((other) => other.type === mark.type) === index);
  return unique.length > 0 ? unique : undefined;
};

const cleanInline = (nodes: unknown): TInline[] | undefined => {
  if (!Array.isArray(nodes)) return undefined;
  const result: TInline[] = [];
  for (const node of nodes as LooseNode[]) {
    if (node.type === "hardBreak") result.push({ type: "hardBreak" });
    if (node.type === "text" && typeof node.text === "string") {
      // Control characters pasted from elsewhere become spaces rather than failing the save.
      const value = node.text.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u202A-\u202E\u2066-\u2069]/gu, " ");
      if (value.length > 0) result.push(text(value, cleanMarks(node.marks)));
    }
  }
  return result.length > 0 ? result : undefined;
};

const cleanBlocks = (nodes: unknown): TBlock[] => {
  if (!Array.isArray(nodes)) return [];
  const result: TBlock[] = [];
  for (const node of nodes as LooseNode[]) {
    const inline = cleanInline(node.content);
    switch (node.type) {
      case "paragraph":
        result.push(inline ? { type: "paragraph", content: inline } : { type: "paragraph" });
        break;
      case "heading": {
        const level = node.attrs?.level === 4 ? 4 : 3;
        result.push(inline ? { type: "heading", attrs: { level }, content: inline } : { type: "heading", attrs: { level } });
        break;
      }
      case "bulletList":
      case "orderedList": {
        const items = (Array.isArray(node.content) ? (node.content as LooseNode[]) : [])
          .map((item) => ({ type: "listItem" as const, content: cleanBlocks(item.content) }))
          .filter((item) => item.content.length > 0);
        if (items.length === 0) break;
        const start = typeof node.attrs?.start === "number" && Number.isInteger(node.attrs.start) ? node.attrs.start : 1;
        result.push(
          node.type === "bulletList"
            ? { type: "bulletList", content: items }
            : start > 1 && start <= 10_000
              ? { type: "orderedList", attrs: { start }, content: items }
              : { type: "orderedList", content: items },
        );
        break;
      }
      case "blockquote": {
        const content = cleanBlocks(node.content);
        if (content.length > 0) result.push({ type: "blockquote", content });
        break;
      }
      default:
        break;
    }
  }
  return result;
};

/**
 * The editor's JSON without presentational attributes (link target/rel/class, list
 * type …). The server validates the result strictly; this only makes honest input fit.
 */
export const toStoredDoc = (editorJson: unknown): TRichText => {
  const blocks = cleanBlocks((editorJson as LooseNode | null)?.content);
  // The editor always shows one empty paragraph; store that as an empty section.
  if (blocks.length === 1 && blocks[0]!.type === "paragraph" && !blocks[0]!.content) return EMPTY_DOC;
  return { type: "doc", content: blocks };
};

/** For the editor: stored JSON → Tiptap content (an empty doc needs one paragraph). */
export const toEditorDoc = (value: TRichText): TRichText => (value.content.length > 0 ? value : { type: "doc", content: [{ type: "paragraph" }] });
