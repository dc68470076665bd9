import { describe, expect, it } from "vitest";
import { checkFileName, exportFileName, safeFileName } from "./file-name";

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

  it.each([
    ["\u2024\u2024\uff0fx.pdf", "Filnamnet får inte innehålla / eller \\."],
    ["a\u2215b.pdf", "Filnamnet får inte innehålla / eller \\."],
    ["a\uff3cb.pdf", "Filnamnet får inte innehålla / eller \\."],
    ["x\uff0e\uff0epdf", "Filnamnet får inte innehålla två punkter i rad (..)."],
    ["x\u2025pdf", "Filnamnet får inte innehålla två punkter i rad (..)."],
  ])("refuses %j, which becomes a path under compatibility normalisation (NFKC)", (name, message) => {
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

describe("safeFileName and exportFileName", () => {
  it("keep Swedish names as they are", () => {
    expect(safeFileName("Remiss från Älvsjö (2).pdf")).toBe("Remiss från Älvsjö (2).pdf");
    expect(exportFileName({ parts: ["Protokoll", "2024-04-25", "Hägersten-Älvsjö stadsdelsnämnd"], qualifiers: ["utkast"], format: "pdf" })).toBe(
      "Protokoll 2024-04-25 Hägersten-Älvsjö stadsdelsnämnd (utkast).pdf",
    );
  });

  it.each(["\u2024\u2024\uff0f\u2024\u2024\uff0fetc", "..\\..\\x", "\uff0e\uff0e\u2215x", "a\u202e\u0000b\u2044c", "\ufe68\u2025"])(
    "give %j no path and no control character in any normal form",
    (title) => {
      for (const name of [safeFileName(title), exportFileName({ parts: ["Tjänsteutlåtande", title], format: "docx" })]) {
        for (const form of [name, name.normalize("NFKC"), name.normalize("NFKD")]) expect(form).not.toMatch(/[/\\\u0000-\u001f\u202e]|\.\./);
      }
    },
  );
});
