// Hostile content sent straight to the save service (bypassing the editor): every payload
// is either refused (VALIDATION, nothing stored) or stored and rendered harmless.
import { beforeAll, describe, expect, it } from "vitest";
import { ZStatementContentSchema, ZSaveSectionSchema, ZCreateStatementSchema } from "@/features/statements/schemas";
import { createStatement } from "@/features/statements/server/create-statement";
import { saveStatementSection } from "@/features/statements/server/save-statement-section";
import type { Actor } from "@/server/auth/actor";
import { createTestDatabase } from "../support/database";
import { richTextMarkup } from "../support/render-rich-text";
import { actorFor, createCase, expectAppError, setupOrganisation } from "./statements-fixtures";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();

let clas: Actor;
let statementId: string;
beforeAll(async () => {
  await setupOrganisation(db);
  clas = await actorFor(db, "clas.cederlid");
  const { caseId } = await createCase(db);
  ({ statementId } = await createStatement({ actor: clas, input: parseInput(ZCreateStatementSchema, { caseId, attachmentDocumentIds: [] }) }));
});

const p = (...content: unknown[]) => ({ type: "paragraph", content });
const t = (text: string, marks?: unknown[]) => (marks ? { type: "text", text, marks } : { type: "text", text });
const link = (href: string) => p(t("klicka", [{ type: "link", attrs: { href } }]));
const docOf = (...content: unknown[]) => ({ type: "doc", content });

const deepBlockquote = (depth: number): unknown => {
  let node: unknown = p(t("botten"));
  for (let i = 0; i < depth; i += 1) node = { type: "blockquote", content: [node] };
  return docOf(node);
};

const REJECTED: [string, unknown][] = [
  ["a script node", docOf({ type: "script", content: [t("alert(1)")] })],
  ["an html node", docOf({ type: "html", text: "<img src=x onerror=alert(1)>" })],
  ["an image node with onerror", docOf({ type: "image", attrs: { src: "x", onerror: "alert(1)" } })],
  ["an svg node", docOf({ type: "svg", attrs: { onload: "alert(1)" } })],
  ["an iframe node", docOf({ type: "iframe", attrs: { src: "javascript:alert(1)" } })],
  ["a javascript: link", docOf(link("javascript:alert(1)"))],
  ["a JAVASCRIPT: link", docOf(link("JAVASCRIPT:alert(1)"))],
  ["a java\\nscript: link", docOf(link("java\nscript:alert(1)"))],
  ["a java\\tscript: link", docOf(link("java\tscript:alert(1)"))],
  ["a link with a leading space", docOf(link(" javascript:alert(1)"))],
  ["a link with a leading control character", docOf(link("\u0001javascript:alert(1)"))],
  ["an entity-encoded javascript: link", docOf(link("&#106;avascript:alert(1)"))],
  ["a javascript:// link", docOf(link("javascript://%0aalert(1)"))],
  ["a data: link", docOf(link("data:text/html,<script>alert(1)</script>"))],
  ["a vbscript: link", docOf(link("vbscript:msgbox(1)"))],
  ["a protocol-relative link", docOf(link("//evil.example/"))],
  ["an http: link without host", docOf(link("http:alert(1)"))],
  ["a link with a backslash trick", docOf(link("https:\\\\evil.example"))],
  ["a link with an onclick attribute", docOf(p(t("x", [{ type: "link", attrs: { href: "https://ok.example", onclick: "alert(1)" } }])))],
  ["a style attribute on a paragraph", docOf({ type: "paragraph", attrs: { style: "background:url(javascript:alert(1))" }, content: [t("x")] })],
  ["an onmouseover attribute on a heading", docOf({ type: "heading", attrs: { level: 3, onmouseover: "alert(1)" }, content: [t("x")] })],
  ["a heading level with an injected attribute", docOf({ type: "heading", attrs: { level: "3 onload=alert(1)" }, content: [t("x")] })],
  ["an ordered list start with an injected attribute", docOf({ type: "orderedList", attrs: { start: '1" onmouseover="alert(1)' }, content: [{ type: "listItem", content: [p(t("x"))] }] })],
  ["an unknown mark", docOf(p(t("x", [{ type: "underline" }])))],
  ["a code mark", docOf(p(t("x", [{ type: "code" }])))],
  ["a mark with a style attribute", docOf(p(t("x", [{ type: "bold", attrs: { style: "color:red" } }])))],
  ["a text node with an extra attribute", docOf(p({ type: "text", text: "x", attrs: { onclick: "alert(1)" } }))],
  ["a listItem at top level", docOf({ type: "listItem", content: [p(t("x"))] })],
  ["text at top level", docOf(t("x"))],
  ["a paragraph inside a paragraph", docOf(p(p(t("x"))))],
  ["a paragraph directly inside a list", docOf({ type: "bulletList", content: [p(t("x"))] })],
  ["a root that is not a doc", { type: "html", content: [] }],
  ["a doc with an extra key", { type: "doc", content: [], onload: "alert(1)" }],
  ["a __proto__ key", JSON.parse('{"type":"doc","content":[],"__proto__":{"polluted":true}}')],
  ["a bidi override in text", docOf(p(t("abc\u202Eexe.txt")))],
  ["10 000-deep nesting", deepBlockquote(10_000)],
  ["5 MB of text", docOf(p(t("a".repeat(5 * 1024 * 1024))))],
  ["a string instead of a document", "<script>alert(1)</script>"],
];

const ACCEPTED: [string, unknown][] = [
  ["text with a script tag", docOf(p(t("<script>alert(1)</script>")))],
  ["text with an img onerror tag", docOf(p(t('<img src=x onerror="alert(1)">')))],
  ["text that looks like an svg onload", docOf(p(t("<svg onload=alert(1)>"), { type: "hardBreak" }, t("</p><script>alert(2)</script>", [{ type: "bold" }])))],
  ["a link whose query breaks out of the attribute", docOf(p(t("x", [{ type: "link", attrs: { href: 'https://ok.example/?q="><script>alert(1)</script>' } }])))],
  ["a link with a javascript: fragment", docOf(p(t("x", [{ type: "link", attrs: { href: "https://ok.example/#javascript:alert(1)" } }])))],
  ["a mailto link", docOf(p(t("mejla", [{ type: "link", attrs: { href: "mailto:clas@example.se" } }, { type: "italic" }])))],
  ["nested lists and quotes", docOf({ type: "blockquote", content: [{ type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [p(t("<b onmouseover=x>"))] }] }] })],
];

/** Every real tag in the HTML (text is escaped, so `<` only starts our own tags). */
const tagsOf = (html: string): string[] => html.match(/<[^>]*>/g) ?? [];

describe("hostile rich text sent straight to the save service", () => {
  it("has at least 30 payloads", () => {
    expect(REJECTED.length + ACCEPTED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(REJECTED)("refuses %s and stores nothing", async (_label, value) => {
    const before = await db.statementVersion.count({ where: { statementId } });
    const { currentVersion } = await db.statement.findUniqueOrThrow({ where: { id: statementId } });
    await expectAppError(() => saveStatementSection({ actor: clas, input: parseInput(ZSaveSectionSchema, { statementId, baseVersion: currentVersion, kind: "richText", sectionKey: "synpunkter", value }) }), "VALIDATION");
    expect(await db.statementVersion.count({ where: { statementId } })).toBe(before);
  });

  it("refuses a section key that is not in the template", async () => {
    await expectAppError(
      () => saveStatementSection({ actor: clas, input: parseInput(ZSaveSectionSchema, { statementId, baseVersion: 1, kind: "richText", sectionKey: "../../etc", value: docOf(p(t("x"))) }) }),
      "VALIDATION",
    );
    await expectAppError(
      () => saveStatementSection({ actor: clas, input: parseInput(ZSaveSectionSchema, { statementId, baseVersion: 1, kind: "richText", sectionKey: "hemligt", value: docOf(p(t("x"))) }) }),
      "VALIDATION",
    );
  });

  it.each(ACCEPTED)("stores %s and renders it without script, event handler or javascript: URL", async (_label, value) => {
    const { currentVersion } = await db.statement.findUniqueOrThrow({ where: { id: statementId } });
    const result = await saveStatementSection({ actor: clas, input: parseInput(ZSaveSectionSchema, { statementId, baseVersion: currentVersion, kind: "richText", sectionKey: "synpunkter", value }) });
    expect(result.status).toBe("SAVED");
    const stored = await db.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId, number: currentVersion + 1 } } });
    const body = ZStatementContentSchema.parse(stored.content).sections.find((section) => section.key === "synpunkter")!.body;
    const html = richTextMarkup(body);
    expect(html.toLowerCase()).not.toContain("<script");
    for (const tag of tagsOf(html)) {
      expect(tag).toMatch(/^<\/?(p|h4|h5|strong|em|a|ul|ol|li|div|blockquote|br)( href="[^"]*" rel="noopener noreferrer"| start="\d+")?\/?>$/);
      expect(tag).not.toMatch(/\son\w+\s*=/i);
      expect(tag.toLowerCase()).not.toMatch(/href="\s*javascript:/);
    }
  });

  it("escapes markup inside text", async () => {
    expect(richTextMarkup({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "<script>alert('x')</script> & \"" }] }] })).toBe(
      "<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;</p>",
    );
  });

  it("drops an unsafe link even when handed JSON that skipped validation", () => {
    const unvalidated = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] } as const;
    expect(richTextMarkup(unvalidated as never)).toBe("<p>x</p>");
  });
});
