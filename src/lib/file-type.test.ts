import { describe, expect, it } from "vitest";
import { checkFileType, detectFileType, zipEntryNames } from "./file-type";
import { sampleDocx, sampleExe, sampleJpeg, sampleOdt, samplePdf, samplePng, sampleText, sampleXlsx, storedZip } from "./file-type.samples";

const text = (value: string) => new TextEncoder().encode(value);

describe("detectFileType", () => {
  it.each([
    ["PDF", samplePdf(), "application/pdf", "pdf"],
    ["PNG", samplePng(), "image/png", "png"],
    ["JPEG", sampleJpeg(), "image/jpeg", "jpg"],
    ["DOCX", sampleDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
    ["XLSX", sampleXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
    ["ODT", sampleOdt(), "application/vnd.oasis.opendocument.text", "odt"],
    ["TXT", sampleText(), "text/plain", "txt"],
  ])("recognises a real %s by its content", (kind, bytes, mimeType, extension) => {
    expect(detectFileType(bytes)).toEqual({ kind, mimeType, extension });
  });

  it("recognises nothing in an executable, an empty file or random binary", () => {
    expect(detectFileType(sampleExe())).toBeNull();
    expect(detectFileType(new Uint8Array(0))).toBeNull();
    expect(detectFileType(new Uint8Array([0x00, 0xff, 0x10, 0x80]))).toBeNull();
  });

  it("treats HTML as plain text (served only as a nosniff attachment, never rendered)", () => {
    expect(detectFileType(text("<!doctype html><script>alert(1)</script>"))?.kind).toBe("TXT");
  });

  it("accepts UTF-8 text with a byte order mark but refuses invalid UTF-8 and control characters", () => {
    expect(detectFileType(new Uint8Array([0xef, 0xbb, 0xbf, ...text("Hej")]))?.kind).toBe("TXT");
    expect(detectFileType(new Uint8Array([0x48, 0xe4, 0x6a]))).toBeNull(); // "Häj" in Latin-1
    expect(detectFileType(text("ring\u0007klocka"))).toBeNull();
    expect(detectFileType(text("nul\u0000byte"))).toBeNull();
    expect(detectFileType(text("escape\u001b[31m"))).toBeNull();
  });

  it("refuses a PNG signature without its IHDR chunk", () => {
    expect(detectFileType(samplePng().slice(0, 8))).toBeNull();
  });

  it("refuses ZIP archives that are neither DOCX, XLSX nor ODT", () => {
    expect(detectFileType(storedZip([{ name: "virus.exe", content: "MZ" }]))).toBeNull();
    // [Content_Types].xml alone is not enough: a PowerPoint file has ppt/ entries.
    expect(detectFileType(storedZip([{ name: "[Content_Types].xml", content: "<Types/>" }, { name: "ppt/presentation.xml", content: "<p/>" }]))).toBeNull();
    // An ODF file that is a spreadsheet, not a text document.
    expect(detectFileType(storedZip([{ name: "mimetype", content: "application/vnd.oasis.opendocument.spreadsheet" }, { name: "content.xml", content: "<x/>" }]))).toBeNull();
  });

  it("refuses a macro-enabled Word file (a VBA project inside)", () => {
    const docm = storedZip([
      { name: "[Content_Types].xml", content: "<Types/>" },
      { name: "word/document.xml", content: "<w:document/>" },
      { name: "word/vbaProject.bin", content: "macro" },
    ]);
    expect(detectFileType(docm)).toBeNull();
  });

  it("refuses a truncated ZIP (no end of central directory)", () => {
    const docx = sampleDocx();
    expect(zipEntryNames(docx)).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    expect(zipEntryNames(docx.slice(0, docx.length - 10))).toBeNull();
    expect(detectFileType(docx.slice(0, docx.length - 10))).toBeNull();
  });

  it("refuses a ZIP whose central directory points outside the file", () => {
    const docx = sampleDocx();
    const broken = docx.slice();
    // Directory offset in the end record (last 22 bytes, offset field at +16).
    new DataView(broken.buffer).setUint32(broken.length - 22 + 16, 0x7fffffff, true);
    expect(zipEntryNames(broken)).toBeNull();
  });
});

describe("checkFileType", () => {
  it("accepts a file whose name agrees with its content, in any letter case", () => {
    expect(checkFileType("Remiss.PDF", samplePdf())).toMatchObject({ ok: true, type: { mimeType: "application/pdf" } });
    expect(checkFileType("foto.jpeg", sampleJpeg())).toMatchObject({ ok: true, type: { kind: "JPEG" } });
  });

  it("refuses an executable renamed .pdf with a Swedish message naming the lie", () => {
    expect(checkFileType("faktura.pdf", sampleExe())).toEqual({ ok: false, message: "Filen är inte en PDF fast namnet slutar på .pdf." });
  });

  it("refuses a PNG named .pdf and a PDF named .txt", () => {
    expect(checkFileType("bild.pdf", samplePng())).toEqual({ ok: false, message: "Filen är inte en PDF fast namnet slutar på .pdf." });
    expect(checkFileType("text.txt", samplePdf())).toEqual({ ok: false, message: "Filen är inte en textfil fast namnet slutar på .txt." });
    expect(checkFileType("ark.xlsx", sampleDocx())).toEqual({ ok: false, message: "Filen är inte en Excel-fil (XLSX) fast namnet slutar på .xlsx." });
  });

  it("refuses extensions outside the accepted list and names without extension", () => {
    expect(checkFileType("sida.html", text("<p>hej</p>"))).toMatchObject({ ok: false, message: expect.stringMatching(/^Filtypen \.html är inte tillåten/) });
    expect(checkFileType("program.exe", sampleExe())).toMatchObject({ ok: false, message: expect.stringMatching(/^Filtypen \.exe/) });
    expect(checkFileType("README", sampleText())).toMatchObject({ ok: false, message: expect.stringMatching(/saknar filändelse/) });
  });

  it("refuses an empty file", () => {
    expect(checkFileType("tom.txt", new Uint8Array(0))).toEqual({ ok: false, message: "Filen är tom." });
  });
});
