import { describe, expect, it } from "vitest";
import { checkFileName } from "./file-name";

describe("checkFileName", () => {
  it("keeps a normal Swedish name and normalises it to NFC", () => {
    const decomposed = "Yttrande a\u0308ldreomsorg.pdf"; // "ä" as a + combining diaeresis (macOS)
    const result = checkFileName(` ${decomposed} `);
    expect(result).toEqual({ ok: true, name: "Yttrande äldreomsorg.pdf" });
    expect(result.ok && result.name.length).toBe(24);
  });

  it.each([
    ["../x.pdf", "Filnamnet får inte innehålla / eller \\."],
    ["..\\x.pdf", "Filnamnet får inte innehålla / eller \\."],
    ["mapp/x.pdf", "Filnamnet får inte innehålla / eller \\."],
    ["x..pdf", "Filnamnet får inte innehålla två punkter i rad (..)."],
    ["", "Filen måste ha ett namn."],
    ["   ", "Filen måste ha ett namn."],
  ])("refuses %j", (name, message) => {
    expect(checkFileName(name)).toEqual({ ok: false, message });
  });

  it("refuses control characters and bidirectional overrides", () => {
    for (const name of ["ring\u0007.pdf", "rad\nbrytning.pdf", "del\u007f.pdf", "c1\u0085.pdf", "faktura\u202efdp.exe"]) {
      expect(checkFileName(name)).toMatchObject({ ok: false, message: expect.stringMatching(/styrtecken/) });
    }
  });

  it("refuses names longer than 200 characters, counting characters rather than UTF-16 units", () => {
    expect(checkFileName(`${"å".repeat(196)}.pdf`)).toMatchObject({ ok: true });
    expect(checkFileName(`${"å".repeat(197)}.pdf`)).toEqual({ ok: false, message: "Filnamnet får vara högst 200 tecken." });
  });
});
