// What an attestation binds to, and a defensive reader of a statement version's content
// for the attester's preview. Pure: no database, no next/* — the seed, scripts and the
// verification page use it too.
//
// The canonical form (the README section "Attestering: vad som binds" repeats this):
//   attested hash = SHA-256 (hex) of the canonical JSON of StatementVersion.content
// in the hash scheme the request records (src/lib/canonical-json.ts: 2 = RFC 8785 for
// every new request, 1 = the older key order, kept to verify older attestations). `content` is the whole version as the
// statements feature stores it: the header fields (handläggare, phone, Till, meeting
// date, title, subtitle), the decision points in order, every section in order with its
// text, and the attachments, each carrying the SHA-256 of its file. A change of any of
// these — a comma in a section, the order of two decision points, one byte of an
// attached file — gives another hash, so an attestation can never be shown for it.
// The hash is always recomputed from the stored content (never read from a column) when
// deciding whether something is attested.
import { canonicalSha256, type CanonicalValue, type HashScheme } from "@/lib/canonical-json";

export const contentHashOf = (content: unknown, scheme: HashScheme): string => canonicalSha256(content as CanonicalValue, scheme);

export type PreviewSection = { title: string; paragraphs: string[] };
export type PreviewAttachment = { title: string; sha256: string | null };
export type StatementPreview = {
  title: string | null;
  subtitle: string | null;
  header: { label: string; value: string }[];
  decisionPoints: string[];
  sections: PreviewSection[];
  attachments: PreviewAttachment[];
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

/** Text of a Tiptap/ProseMirror node tree, one string per block (paragraph, heading, list item). */
const blocksOf = (node: unknown): string[] => {
  if (typeof node === "string") return node.split(/\n{2,}/).map((part) => part.trim()).filter(Boolean);
  if (Array.isArray(node)) return node.flatMap(blocksOf);
  if (!isRecord(node)) return [];
  if (typeof node.text === "string" && !node.content) return [node.text];
  const children = Array.isArray(node.content) ? node.content : [];
  const inline = children.every((child) => isRecord(child) && child.type === "text" || (isRecord(child) && child.type === "hardBreak"));
  if (inline && children.length > 0) {
    const text = children.map((child) => (isRecord(child) && typeof child.text === "string" ? child.text : "\n")).join("");
    const prefix = node.type === "listItem" ? "• " : "";
    return text.trim() ? [`${prefix}${text.trim()}`] : [];
  }
  if (node.type === "listItem") return children.flatMap(blocksOf).map((text) => `• ${text}`);
  for (const key of ["content", "doc", "body", "html", "value", "text"]) {
    if (key in node && key !== "text") return blocksOf(node[key]);
  }
  return [];
};

const htmlToBlocks = (html: string): string[] =>
  html
    .replace(/<li[^>]*>/gi, "\n\n• ")
    .replace(/<\/(p|h\d|li|ul|ol|div|br)\s*>|<br\s*\/?>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter(Boolean);

const sectionBlocks = (section: Record<string, unknown>): string[] => {
  for (const key of ["doc", "content", "body", "text", "value"]) {
    if (key in section) return blocksOf(section[key]);
  }
  if (typeof section.html === "string") return htmlToBlocks(section.html);
  return [];
};

const HEADER_LABELS: Record<string, string> = {
  caseOfficerName: "Handläggare",
  caseOfficer: "Handläggare",
  handlaggare: "Handläggare",
  phone: "Telefon",
  caseOfficerPhone: "Telefon",
  to: "Till",
  recipient: "Till",
  committeeName: "Till",
  meetingDate: "Sammanträdesdatum",
  date: "Datum",
};

/**
 * Reads a version's content for display. The statements feature owns the shape
 * (ZStatementContentSchema); this reader accepts the plausible spellings and degrades to
 * less detail rather than failing, because the preview must never hide that a version exists.
 */
export const readStatementPreview = (content: unknown): StatementPreview => {
  const root = isRecord(content) ? content : {};
  const header = isRecord(root.header) ? root.header : {};
  const title = str(header.title) ?? str(root.title);
  const subtitle = str(header.subtitle) ?? str(root.subtitle);
  const headerRows = Object.entries(header)
    .filter(([key]) => key in HEADER_LABELS)
    .map(([key, value]) => ({ label: HEADER_LABELS[key]!, value: isRecord(value) ? (str(value.name) ?? "") : (str(value) ?? String(value ?? "")) }))
    .filter((row) => row.value !== "");

  const rawPoints = root.decisionPoints ?? root.decisionProposals ?? (isRecord(root.proposal) ? root.proposal.points : root.proposal);
  const decisionPoints = Array.isArray(rawPoints)
    ? rawPoints.map((point) => (isRecord(point) ? (str(point.text) ?? blocksOf(point).join(" ")) : (str(point) ?? ""))).filter(Boolean)
    : [];

  const rawSections = Array.isArray(root.sections) ? root.sections : isRecord(root.sections) ? Object.entries(root.sections).map(([key, value]) => (isRecord(value) ? { key, ...value } : { key, text: value })) : [];
  const sections = rawSections.filter(isRecord).map((section) => ({
    title: str(section.title) ?? str(section.heading) ?? str(section.label) ?? str(section.key) ?? "Avsnitt",
    paragraphs: sectionBlocks(section),
  }));

  const attachments = (Array.isArray(root.attachments) ? root.attachments : []).map((attachment): PreviewAttachment =>
    isRecord(attachment)
      ? { title: str(attachment.title) ?? str(attachment.name) ?? str(attachment.fileName) ?? "Bilaga", sha256: str(attachment.sha256) ?? str(attachment.blobSha256) }
      : { title: str(attachment) ?? "Bilaga", sha256: null },
  );

  return { title, subtitle, header: headerRows, decisionPoints, sections, attachments };
};
