import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The text of a PDF as `pdftotext -raw` reads it, followed by its metadata (`pdfinfo`). */
export const pdfToText = (bytes: Buffer): string => {
  const dir = mkdtempSync(path.join(tmpdir(), "e2e-pdf-"));
  try {
    const file = path.join(dir, "export.pdf");
    writeFileSync(file, bytes);
    return `${execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" })}\n${execFileSync("pdfinfo", [file], { encoding: "utf8" })}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
