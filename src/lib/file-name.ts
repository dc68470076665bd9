// File names: the name a file is registered under (checked on upload, shown in the diarium)
// and the names of downloaded and exported files. A name is sent back in
// Content-Disposition and saved by browsers and archivers, so it must not carry paths
// (../), control characters (header injection, log forging) or bidirectional overrides
// ("fakturapdf.exe" shown as "fakturaexe.pdf"). Pure: the upload form checks the same rules
// before sending.
//
// Names are judged in their compatibility form (NFKC), which file systems, archivers and
// the ASCII fallback of a download apply: U+2024 ONE DOT LEADER and U+FF0E become ".",
// U+FF0F becomes "/", U+FE68 and U+FF3C become "\" — so "\u2024\u2024\uFF0Fx" is "../x".
// Slashes that NFKC leaves alone but that look like one (U+2215 DIVISION SLASH, U+2044
// FRACTION SLASH …) count as separators too.

export const MAX_FILE_NAME_LENGTH = 200;

export type FileNameCheck = { ok: true; name: string } | { ok: false; message: string };

// C0, DEL and C1 control characters; bidirectional embeddings, overrides and isolates and
// the invisible direction marks.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const SEPARATORS = /[/\\\u2044\u2215\u2216\u29f5\u29f8\u29f9]/;

const compatibilityForm = (name: string): string => name.normalize("NFKC");
const everywhere = (pattern: RegExp): RegExp => new RegExp(pattern, "g");

/** The NFC-normalised, trimmed name, or a Swedish message saying what is wrong with it. */
export const checkFileName = (raw: string): FileNameCheck => {
  const name = raw.normalize("NFC").trim();
  const folded = compatibilityForm(name);
  if (name === "") return { ok: false, message: "Filen måste ha ett namn." };
  if (UNSAFE_CHARACTERS.test(folded)) {
    return { ok: false, message: "Filnamnet innehåller otillåtna tecken (styrtecken). Byt namn på filen och försök igen." };
  }
  if (SEPARATORS.test(folded)) return { ok: false, message: "Filnamnet får inte innehålla / eller \\." };
  if (folded.includes("..")) return { ok: false, message: "Filnamnet får inte innehålla två punkter i rad (..)." };
  if ([...name].length > MAX_FILE_NAME_LENGTH) return { ok: false, message: `Filnamnet får vara högst ${MAX_FILE_NAME_LENGTH} tecken.` };
  return { ok: true, name };
};

/**
 * A name that stays one file name in every form it can take: compatibility-normalised,
 * control and bidi characters dropped, separators replaced by "-", runs of dots made one.
 * Every download passes through it (also names stored before these rules existed).
 */
export const safeFileName = (value: string): string =>
  compatibilityForm(value).replace(everywhere(UNSAFE_CHARACTERS), "").replace(everywhere(SEPARATORS), "-").replace(/\.{2,}/g, ".").trim();

/** Also free of the characters Windows reserves, one space between words, at most 100 characters. */
const exportPart = (value: string): string =>
  [
    ...safeFileName(value)
      .replace(/[:*?"<>|]/g, "-")
      .replace(/\s+/g, " "),
  ]
    .slice(0, 100)
    .join("")
    .trim();

/**
 * File names of exported documents, in Swedish and safe on every file system: `parts`
 * joined by spaces, then the qualifiers in one parenthesis:
 * exportFileName({ parts: ["Protokoll", "2024-04-25"], qualifiers: ["utkast"], format: "pdf" }) → "Protokoll 2024-04-25 (utkast).pdf"
 */
export const exportFileName = ({ parts, qualifiers = [], format }: { parts: string[]; qualifiers?: (string | null | false)[]; format: "pdf" | "docx" }): string => {
  const suffix = qualifiers.filter(Boolean).join(", ");
  return safeFileName(`${parts.map(exportPart).filter(Boolean).join(" ")}${suffix ? ` (${suffix})` : ""}.${format}`);
};
