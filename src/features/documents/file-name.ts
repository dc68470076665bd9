// Rules for the name a file is registered under. The name is shown in the diarium and
// sent back in Content-Disposition, so it must not carry paths (../), control characters
// (header injection, log forging) or bidirectional overrides ("fakturapdf.exe" shown as
// "fakturaexe.pdf"). Pure: the upload form checks the same rules before sending.

export const MAX_FILE_NAME_LENGTH = 200;

export type FileNameCheck = { ok: true; name: string } | { ok: false; message: string };

// C0, DEL and C1 control characters.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
// Bidirectional embeddings, overrides and isolates.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/** The NFC-normalised, trimmed name, or a Swedish message saying what is wrong with it. */
export const checkFileName = (raw: string): FileNameCheck => {
  const name = raw.normalize("NFC").trim();
  if (name === "") return { ok: false, message: "Filen måste ha ett namn." };
  if (CONTROL_CHARACTERS.test(name) || BIDI_CONTROLS.test(name)) {
    return { ok: false, message: "Filnamnet innehåller otillåtna tecken (styrtecken). Byt namn på filen och försök igen." };
  }
  if (name.includes("/") || name.includes("\\")) return { ok: false, message: "Filnamnet får inte innehålla / eller \\." };
  if (name.includes("..")) return { ok: false, message: "Filnamnet får inte innehålla två punkter i rad (..)." };
  if ([...name].length > MAX_FILE_NAME_LENGTH) return { ok: false, message: `Filnamnet får vara högst ${MAX_FILE_NAME_LENGTH} tecken.` };
  return { ok: true, name };
};
