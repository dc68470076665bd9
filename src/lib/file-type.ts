// What a file is, decided from its bytes and never from its name: a renamed .exe must
// not become a "PDF" in the diarium. The name's extension only has to agree with the
// content. Pure (no Node APIs) so the upload form can use the same rules.
//
// Text is accepted when it is valid UTF-8 without control characters. HTML, SVG and
// scripts are text too and are deliberately accepted as text/plain: downloads are always
// served as attachments with `X-Content-Type-Options: nosniff` and a sandbox CSP, so the
// browser never renders them as a page.

export type FileKind = "PDF" | "PNG" | "JPEG" | "DOCX" | "XLSX" | "ODT" | "TXT";

export type FileType = {
  kind: FileKind;
  mimeType: string;
  /** Canonical extension, without the dot. */
  extension: string;
};

/** 25 MB: the largest file the diarium accepts (and the largest blob it stores). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export const FILE_TYPES: Record<FileKind, FileType & { label: string; extensions: readonly string[] }> = {
  PDF: { kind: "PDF", mimeType: "application/pdf", extension: "pdf", extensions: ["pdf"], label: "PDF" },
  PNG: { kind: "PNG", mimeType: "image/png", extension: "png", extensions: ["png"], label: "PNG-bild" },
  JPEG: { kind: "JPEG", mimeType: "image/jpeg", extension: "jpg", extensions: ["jpg", "jpeg"], label: "JPEG-bild" },
  DOCX: {
    kind: "DOCX",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
    extensions: ["docx"],
    label: "Word-fil (DOCX)",
  },
  XLSX: {
    kind: "XLSX",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
    extensions: ["xlsx"],
    label: "Excel-fil (XLSX)",
  },
  ODT: { kind: "ODT", mimeType: "application/vnd.oasis.opendocument.text", extension: "odt", extensions: ["odt"], label: "OpenDocument-text (ODT)" },
  TXT: { kind: "TXT", mimeType: "text/plain", extension: "txt", extensions: ["txt"], label: "textfil" },
};

/** For the file input's `accept` attribute and help texts. */
export const ACCEPTED_EXTENSIONS = Object.values(FILE_TYPES).flatMap((type) => type.extensions.map((extension) => `.${extension}`));
export const ACCEPTED_TYPES_TEXT = "PDF, DOCX, ODT, XLSX, PNG, JPEG och TXT";

const typeOf = (kind: FileKind): FileType => {
  const { mimeType, extension } = FILE_TYPES[kind];
  return { kind, mimeType, extension };
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((byte, index) => bytes[at + index] === byte);

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

const PDF_MAGIC = ascii("%PDF-");
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = ascii("IHDR");
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

// ─── ZIP (DOCX, XLSX, ODT) ──────────────────────────────────────────────────
// Only the central directory is read (names of the entries), never decompressed, so a
// zip bomb costs nothing here. ZIP64 and multi-disk archives are refused: office files
// under 25 MB never need them.

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const EOCD_MIN_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;
const MAX_ZIP_ENTRIES = 20_000;

const u16 = (bytes: Uint8Array, at: number): number => bytes[at]! | (bytes[at + 1]! << 8);
const u32 = (bytes: Uint8Array, at: number): number => (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0;

/** The entry names of a well-formed ZIP archive, or null when it is not one. */
export const zipEntryNames = (bytes: Uint8Array): string[] | null => {
  if (!startsWith(bytes, ZIP_LOCAL_HEADER) || bytes.length < EOCD_MIN_SIZE) return null;
  // The end-of-central-directory record sits at the end, followed by a comment of at most 64 KB.
  let eocd = -1;
  const lowest = Math.max(0, bytes.length - EOCD_MIN_SIZE - MAX_ZIP_COMMENT);
  for (let at = bytes.length - EOCD_MIN_SIZE; at >= lowest; at -= 1) {
    if (u32(bytes, at) === EOCD_SIGNATURE && at + EOCD_MIN_SIZE + u16(bytes, at + 20) === bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const disk = u16(bytes, eocd + 4);
  const directoryDisk = u16(bytes, eocd + 6);
  const entriesOnDisk = u16(bytes, eocd + 8);
  const entries = u16(bytes, eocd + 10);
  const directorySize = u32(bytes, eocd + 12);
  const directoryOffset = u32(bytes, eocd + 16);
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entries) return null;
  if (entries === 0 || entries === 0xffff || entries > MAX_ZIP_ENTRIES) return null;
  if (directoryOffset === 0xffffffff || directoryOffset + directorySize > eocd) return null;

  const decoder = new TextDecoder("utf-8", { fatal: false });
  const names: string[] = [];
  let at = directoryOffset;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > eocd || u32(bytes, at) !== CENTRAL_HEADER_SIGNATURE) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localHeaderOffset = u32(bytes, at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > eocd || localHeaderOffset >= directoryOffset) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at = end;
  }
  return names;
};

/** ODF requires a first entry "mimetype", stored uncompressed, holding the document's MIME type. */
const firstEntryIsOdtMimetype = (bytes: Uint8Array): boolean => {
  if (bytes.length < 30 || u32(bytes, 0) !== LOCAL_HEADER_SIGNATURE) return false;
  const method = u16(bytes, 8);
  const compressedSize = u32(bytes, 18);
  const nameLength = u16(bytes, 26);
  const extraLength = u16(bytes, 28);
  const nameStart = 30;
  const dataStart = nameStart + nameLength + extraLength;
  if (method !== 0 || dataStart + compressedSize > bytes.length) return false;
  const name = new TextDecoder().decode(bytes.subarray(nameStart, nameStart + nameLength));
  if (name !== "mimetype") return false;
  const content = new TextDecoder().decode(bytes.subarray(dataStart, dataStart + compressedSize));
  return content === ODT_MIMETYPE;
};

const detectZip = (bytes: Uint8Array): FileType | null => {
  const names = zipEntryNames(bytes);
  if (!names) return null;
  if (firstEntryIsOdtMimetype(bytes) && names[0] === "mimetype") return typeOf("ODT");
  if (!names.includes("[Content_Types].xml")) return null;
  // Macro-enabled documents (.docm/.xlsm renamed) carry a VBA project: refused.
  if (names.some((name) => name.toLowerCase().endsWith("vbaproject.bin"))) return null;
  if (names.some((name) => name.startsWith("word/"))) return typeOf("DOCX");
  if (names.some((name) => name.startsWith("xl/"))) return typeOf("XLSX");
  return null;
};

// ─── Text ───────────────────────────────────────────────────────────────────

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Valid UTF-8 whose only control characters are tab, CR and LF (C0, DEL and C1 refused). */
export const isPlainText = (bytes: Uint8Array): boolean => {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text);
};

// ─── Detection ──────────────────────────────────────────────────────────────

/** The file's type from its content, or null when it is none of the accepted types. */
export const detectFileType = (bytes: Uint8Array): FileType | null => {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, PDF_MAGIC)) return typeOf("PDF");
  // The PNG signature is followed by the IHDR chunk (4-byte length, then its type).
  if (startsWith(bytes, PNG_MAGIC) && startsWith(bytes, PNG_IHDR, 12)) return typeOf("PNG");
  if (startsWith(bytes, JPEG_MAGIC)) return typeOf("JPEG");
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) return detectZip(bytes);
  if (startsWith(bytes, UTF8_BOM) ? isPlainText(bytes.subarray(3)) : isPlainText(bytes)) return typeOf("TXT");
  return null;
};

/** The lower-case extension of a file name (without the dot), or "" when it has none. */
export const fileExtension = (fileName: string): string => {
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 || dot === fileName.length - 1 ? "" : fileName.slice(dot + 1).toLowerCase();
};

const kindForExtension = (extension: string): FileKind | null =>
  (Object.values(FILE_TYPES).find((type) => type.extensions.includes(extension))?.kind as FileKind | undefined) ?? null;

export type FileTypeCheck = { ok: true; type: FileType } | { ok: false; message: string };

/**
 * Checks that a file is one of the accepted types and that its name says what it is.
 * Messages are Swedish and meant for the file field of the form.
 */
export const checkFileType = (fileName: string, bytes: Uint8Array): FileTypeCheck => {
  const extension = fileExtension(fileName);
  const declared = kindForExtension(extension);
  if (!declared) {
    return {
      ok: false,
      message: extension
        ? `Filtypen .${extension} är inte tillåten. Tillåtna filtyper: ${ACCEPTED_TYPES_TEXT}.`
        : `Filnamnet saknar filändelse. Tillåtna filtyper: ${ACCEPTED_TYPES_TEXT}.`,
    };
  }
  if (bytes.length === 0) return { ok: false, message: "Filen är tom." };
  const detected = detectFileType(bytes);
  if (!detected || detected.kind !== declared) {
    return { ok: false, message: `Filen är inte en ${FILE_TYPES[declared].label} fast namnet slutar på .${extension}.` };
  }
  return { ok: true, type: detected };
};
