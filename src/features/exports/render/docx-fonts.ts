// The DOCX's typeface is the PDF's, Source Sans 3, embedded as Word embeds fonts when
// "Embed fonts in the file" is ticked (obfuscated TrueType parts, ECMA-376 Part 1 §17.8.1)
// and declared in the font table with its fallback: Arial (altName), a variable-pitch sans
// serif (family "swiss", the face's own PANOSE). Word and LibreOffice then break lines and
// pages as the PDF does; a reader that ignores embedded fonts substitutes Arial.
// The package (`docx`) can embed fonts, but with random keys (the bytes would differ on
// every render) and without the fallback, so the parts are written here.
import { createHash } from "node:crypto";
import type { ZipEntry } from "../zip";
import { fontFiles } from "./fonts";

export const DOCX_FONT = "Source Sans 3";
export const DOCX_FALLBACK_FONT = "Arial";

/** Word's four faces of a font and ours behind them (headings are bold in Word, semibold in the PDF). */
const FACES = [
  ["embedRegular", "regular"],
  ["embedBold", "bold"],
  ["embedItalic", "italic"],
  ["embedBoldItalic", "boldItalic"],
] as const;

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const FONT_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";
const OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont";

/** The face's key, a GUID from its bytes: the same font gives the same key and the same DOCX bytes. */
const fontKeyOf = (data: Buffer): string => {
  const hex = createHash("sha256").update(data).digest("hex").slice(0, 32).toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** ECMA-376 Part 1 §17.8.1: the first 32 bytes XORed with the key's 16 bytes, last byte first. */
export const obfuscateFont = (data: Buffer, fontKey: string): Buffer => {
  const key = Buffer.from(fontKey.replace(/-/g, ""), "hex").reverse();
  const out = Buffer.from(data);
  for (let index = 0; index < 32; index += 1) out[index]! ^= key[index % 16]!;
  return out;
};

/** The face's PANOSE classification (OS/2 table, 10 bytes at offset 32), as Word writes it. */
const panoseOf = (sfnt: Buffer): string => {
  const tables = sfnt.readUInt16BE(4);
  for (let index = 0; index < tables; index += 1) {
    const record = 12 + index * 16;
    if (sfnt.toString("latin1", record, record + 4) === "OS/2") {
      const offset = sfnt.readUInt32BE(record + 8);
      return sfnt.subarray(offset + 32, offset + 42).toString("hex").toUpperCase();
    }
  }
  throw new Error("Font without an OS/2 table");
};

type EmbeddedFonts = { fontTable: string; rels: string; files: ZipEntry[] };

let cache: EmbeddedFonts | null = null;

const embeddedFonts = (): EmbeddedFonts => {
  if (cache) return cache;
  const fonts = fontFiles();
  const faces = FACES.map(([element, face], index) => {
    const data = fonts[face];
    const fontKey = fontKeyOf(data);
    return { element, id: `rId${index + 1}`, fontKey, file: { name: `word/fonts/font${index + 1}.odttf`, data: obfuscateFont(data, fontKey) } };
  });
  const declaration = (name: string, panose: string, extra = ""): string =>
    `<w:font w:name="${name}">${extra}<w:panose1 w:val="${panose}"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>` +
    (name === DOCX_FONT ? faces.map((face) => `<w:${face.element} r:id="${face.id}" w:fontKey="{${face.fontKey}}"/>`).join("") : "") +
    `</w:font>`;
  cache = {
    fontTable:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W}" xmlns:r="${R}">` +
      declaration(DOCX_FONT, panoseOf(fonts.regular), `<w:altName w:val="${DOCX_FALLBACK_FONT}"/>`) +
      declaration(DOCX_FALLBACK_FONT, "020B0604020202020204") +
      `</w:fonts>`,
    rels:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      faces.map((face) => `<Relationship Id="${face.id}" Type="${FONT_RELATIONSHIP}" Target="fonts/${face.file.name.split("/").pop()}"/>`).join("") +
      `</Relationships>`,
    files: faces.map((face) => face.file),
  };
  return cache;
};

/** The package with the font table, the embedded faces, their content type and Word's "embed fonts" setting. */
export const embedFonts = (entries: ZipEntry[]): ZipEntry[] => {
  const fonts = embeddedFonts();
  const edit = (name: string, change: (xml: string) => string) => (entry: ZipEntry): ZipEntry =>
    entry.name === name ? { name, data: Buffer.from(change(entry.data.toString("utf8")), "utf8") } : entry;
  const replaced = new Set(["word/fontTable.xml", "word/_rels/fontTable.xml.rels"]);
  return [
    ...entries
      .filter((entry) => !replaced.has(entry.name))
      .map(
        edit("[Content_Types].xml", (xml) =>
          xml.includes('Extension="odttf"') ? xml : xml.replace(/<Types[^>]*>/, (open) => `${open}<Default Extension="odttf" ContentType="${OBFUSCATED_FONT}"/>`),
        ),
      )
      // CT_Settings is a sequence: embedTrueTypeFonts comes after displayBackgroundShape.
      .map(
        edit("word/settings.xml", (xml) =>
          xml.includes("<w:displayBackgroundShape/>")
            ? xml.replace("<w:displayBackgroundShape/>", "<w:displayBackgroundShape/><w:embedTrueTypeFonts/>")
            : xml.replace(/<w:settings[^>]*>/, (open) => `${open}<w:embedTrueTypeFonts/>`),
        ),
      ),
    { name: "word/fontTable.xml", data: Buffer.from(fonts.fontTable, "utf8") },
    { name: "word/_rels/fontTable.xml.rels", data: Buffer.from(fonts.rels, "utf8") },
    ...fonts.files,
  ];
};
