// File names of exported documents, in Swedish and safe on every file system:
// "Tjänsteutlåtande HÄS 2024-123 Stoppa de öppna drogscenerna – motion från (M) (utkast).pdf",
// "Protokoll 2024-04-25 Hägersten-Älvsjö stadsdelsnämnd.docx". Pure.

/** Control and bidi characters dropped, path and reserved characters replaced, at most 100 characters. */
const clean = (value: string): string =>
  [
    ...value
      .normalize("NFC")
      .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
      .replace(/[/\\:*?"<>|]/g, "-")
      .replace(/\s+/g, " ")
      .trim(),
  ]
    .slice(0, 100)
    .join("")
    .trim();

/**
 * `parts` joined by spaces, then the qualifiers in one parenthesis:
 * exportFileName({ parts: ["Protokoll", "2024-04-25"], qualifiers: ["utkast"], format: "pdf" }) → "Protokoll 2024-04-25 (utkast).pdf"
 */
export const exportFileName = ({ parts, qualifiers = [], format }: { parts: string[]; qualifiers?: (string | null | false)[]; format: "pdf" | "docx" }): string => {
  const suffix = qualifiers.filter(Boolean).join(", ");
  return `${parts.map(clean).filter(Boolean).join(" ")}${suffix ? ` (${suffix})` : ""}.${format}`.replace(/\.\.+/g, ".");
};
