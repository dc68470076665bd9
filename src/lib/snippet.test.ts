import { describe, expect, it } from "vitest";
import { HIT_END, HIT_START, snippetParts } from "./snippet";

describe("snippetParts", () => {
  it("splits a snippet into text and marked hits, keeping markup as text", () => {
    expect(snippetParts(`om ${HIT_START}drogscenerna${HIT_END} vid <b>torget</b> ${HIT_START}öppna${HIT_END}`)).toEqual([
      { text: "om ", hit: false },
      { text: "drogscenerna", hit: true },
      { text: " vid <b>torget</b> ", hit: false },
      { text: "öppna", hit: true },
    ]);
  });
});
