import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExportButtons } from "./export-buttons";

describe("ExportButtons", () => {
  it("links PDF and Word without the download attribute, so a refusal's Swedish message is shown, not a failed download", () => {
    const html = renderToStaticMarkup(createElement(ExportButtons, { kind: "minutes", id: "00000000-0000-7000-8000-000000005301", draft: true }));
    const links = [...html.matchAll(/<a\b[^>]*>/g)].map((match) => match[0]);
    expect(links).toHaveLength(2);
    expect(links[0]).toContain('href="/api/export/minutes/00000000-0000-7000-8000-000000005301?format=pdf"');
    expect(links[1]).toContain('href="/api/export/minutes/00000000-0000-7000-8000-000000005301?format=docx"');
    for (const link of links) expect(link).not.toMatch(/\sdownload(=|\s|>)/);
    expect(html).toContain("Ladda ner PDF (utkast)");
  });
});
