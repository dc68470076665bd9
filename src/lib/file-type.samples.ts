// Tiny but real files for tests (unit, integration and e2e): a PDF with a valid xref,
// a 1×1 PNG with correct CRCs, a JPEG header, and stored (uncompressed) ZIP archives
// shaped as DOCX, XLSX and ODT. Test-only; nothing in the app imports this.

const encoder = new TextEncoder();

const concat = (parts: Uint8Array[]): Uint8Array => {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export const crc32 = (bytes: Uint8Array): number => {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

const le16 = (value: number) => new Uint8Array([value & 0xff, (value >>> 8) & 0xff]);
const le32 = (value: number) => new Uint8Array([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff]);
const be32 = (value: number) => new Uint8Array([(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);

/** A one-page PDF showing `text` (ASCII), with a correct cross-reference table. */
export const samplePdf = (text = "Yttra"): Uint8Array => {
  const stream = `BT /F1 24 Tf 72 720 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return encoder.encode(body);
};

const pngChunk = (type: string, data: Uint8Array): Uint8Array => {
  const typed = concat([encoder.encode(type), data]);
  return concat([be32(data.length), typed, be32(crc32(typed))]);
};

/**
 * A valid 1×1 grey PNG. The image data is a zlib stream with one stored block (no
 * compression library needed): filter byte 0 and one grey pixel.
 */
export const samplePng = (grey = 0x80): Uint8Array => {
  const raw = new Uint8Array([0, grey]);
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const zlib = concat([new Uint8Array([0x78, 0x01, 0x01]), le16(raw.length), le16(~raw.length & 0xffff), raw, be32(((b << 16) | a) >>> 0)]);
  const ihdr = concat([be32(1), be32(1), new Uint8Array([8, 0, 0, 0, 0])]);
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", zlib),
    pngChunk("IEND", new Uint8Array(0)),
  ]);
};

/** The start of a JFIF file: SOI, an APP0 "JFIF" segment, and EOI. */
export const sampleJpeg = (): Uint8Array =>
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

/** A ZIP archive with the entries stored uncompressed, in the given order. */
export const storedZip = (entries: { name: string; content: string | Uint8Array }[]): Uint8Array => {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const data = typeof entry.content === "string" ? encoder.encode(entry.content) : entry.content;
    const crc = crc32(data);
    const common = concat([le16(20), le16(0x0800), le16(0), le16(0), le16(0x21), le32(crc), le32(data.length), le32(data.length), le16(name.length), le16(0)]);
    const local = concat([le32(0x04034b50), common, name, data]);
    centrals.push(concat([le32(0x02014b50), le16(20), common, le16(0), le16(0), le16(0), le32(0), le32(offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(centrals);
  const end = concat([le32(0x06054b50), le16(0), le16(0), le16(entries.length), le16(entries.length), le32(directory.length), le32(offset), le16(0)]);
  return concat([...locals, directory, end]);
};

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;

export const sampleDocx = (): Uint8Array =>
  storedZip([
    { name: "[Content_Types].xml", content: CONTENT_TYPES },
    { name: "_rels/.rels", content: "<Relationships/>" },
    { name: "word/document.xml", content: "<w:document/>" },
  ]);

export const sampleXlsx = (): Uint8Array =>
  storedZip([
    { name: "[Content_Types].xml", content: CONTENT_TYPES },
    { name: "_rels/.rels", content: "<Relationships/>" },
    { name: "xl/workbook.xml", content: "<workbook/>" },
  ]);

export const sampleOdt = (): Uint8Array =>
  storedZip([
    { name: "mimetype", content: "application/vnd.oasis.opendocument.text" },
    { name: "META-INF/manifest.xml", content: "<manifest:manifest/>" },
    { name: "content.xml", content: "<office:document-content/>" },
  ]);

/** The start of a Windows executable ("MZ" header): must never pass as any accepted type. */
export const sampleExe = (): Uint8Array => concat([encoder.encode("MZ"), new Uint8Array(62), encoder.encode("This program cannot be run in DOS mode.\r\n")]);

export const sampleText = (text = "Remissvar – Hägersten-Älvsjö\nRad två\tmed tabb\r\n"): Uint8Array => encoder.encode(text);
