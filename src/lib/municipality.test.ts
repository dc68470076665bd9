import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkLogo, MAX_LOGO_BYTES, RESERVED_SLUGS, SLUG_PATTERN } from "./municipality";

const bytes = (text: string) => new TextEncoder().encode(text);
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));

describe("a municipality's logo", () => {
  it("accepts a PNG and an SVG by their content", () => {
    expect(checkLogo(PNG)).toEqual({ ok: true, mimeType: "image/png" });
    expect(checkLogo(bytes('<?xml version="1.0"?>\n<!-- logga --><svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'))).toEqual({ ok: true, mimeType: "image/svg+xml" });
  });

  it.each([
    ["a script", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ["an event handler", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'],
    ["a javascript: link", '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>'],
    ["embedded HTML", '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>'],
  ])("refuses an SVG with %s", (_, svg) => {
    expect(checkLogo(bytes(svg))).toMatchObject({ ok: false, message: expect.stringMatching(/skript/) });
  });

  it("refuses other files, empty files and logos over 500 kB", () => {
    expect(checkLogo(bytes("<html><body>inte en bild</body></html>"))).toEqual({ ok: false, message: "Logotypen måste vara en PNG- eller SVG-bild." });
    expect(checkLogo(bytes("%PDF-1.7"))).toEqual({ ok: false, message: "Logotypen måste vara en PNG- eller SVG-bild." });
    expect(checkLogo(new Uint8Array())).toEqual({ ok: false, message: "Filen är tom." });
    const large = new Uint8Array(MAX_LOGO_BYTES + 1);
    large.set(PNG);
    expect(checkLogo(large)).toEqual({ ok: false, message: "Logotypen får vara högst 500 kB." });
  });
});

describe("a municipality's slug", () => {
  it.each(["exempelby", "upplands-vasby", "kommun1"])("accepts %s", (slug) => expect(SLUG_PATTERN.test(slug)).toBe(true));
  it.each(["Exempelby", "väst", "-by", "by-", "a--b", "a b", "a/b"])("refuses %s", (slug) => expect(SLUG_PATTERN.test(slug)).toBe(false));
  it("reserves every top-level path of the app (a static route would hide the municipality's pages)", () => {
    const routes = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith("["))
        .flatMap((entry) => (entry.name.startsWith("(") ? routes(`${folder}/${entry.name}`) : [entry.name]));
    const topLevel = routes("src/app");
    expect(topLevel).toContain("offentligt-diarium");
    expect(topLevel.filter((path) => !RESERVED_SLUGS.has(path))).toEqual([]);
  });
});
