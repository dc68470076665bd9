import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

// Ways to name another host in a "callbackUrl", as browsers read them.
const OFF_SITE = [
  "//evil.test",
  "//evil.test/arenden",
  "/\\evil.test",
  "/\\/evil.test",
  "\\\\evil.test",
  "\\/evil.test",
  "/\t/evil.test",
  "/\n/evil.test",
  "/\r\n/evil.test",
  " //evil.test",
  "/.//evil.test",
  "/a/..//evil.test",
  "/%2e//evil.test",
  "http://evil.test",
  "https://evil.test/logga-in",
  "HTTPS://evil.test",
  "https:evil.test",
  "http:/evil.test",
  "//localhost@evil.test",
  "http://localhost:3000@evil.test/",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "evil.test",
  "",
];

describe("safeRedirectPath", () => {
  it.each(OFF_SITE)("keeps %j on the site", (value) => {
    const path = safeRedirectPath(value);
    expect(path).toBe("/");
    // Followed by a browser on our origin, the result stays on it.
    expect(new URL(path, "http://localhost:3000").origin).toBe("http://localhost:3000");
  });

  it.each([
    ["/", "/"],
    ["/arenden/0190?flik=handlingar#bilagor", "/arenden/0190?flik=handlingar#bilagor"],
    ["/admin/utkorg", "/admin/utkorg"],
    ["/%5Cevil.test", "/%5Cevil.test"],
    ["/a/../diarium", "/diarium"],
    ["/ärenden", "/%C3%A4renden"],
  ])("accepts the same-site path %j as %j", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it("refuses what is not a string, and very long values", () => {
    for (const value of [undefined, null, 1, ["/a"], { href: "/a" }, `/${"a".repeat(5000)}`]) expect(safeRedirectPath(value)).toBe("/");
  });

  it("admits absolute URLs on the given origin only, and uses the fallback", () => {
    const origin = "http://localhost:3000";
    expect(safeRedirectPath("http://localhost:3000/arenden?x=1", { origin })).toBe("/arenden?x=1");
    expect(safeRedirectPath("http://localhost:3001/arenden", { origin })).toBe("/");
    expect(safeRedirectPath("https://localhost:3000/arenden", { origin })).toBe("/");
    expect(safeRedirectPath("//evil.test", { origin, fallback: "/logga-in" })).toBe("/logga-in");
    // Without an origin, absolute URLs are never admitted.
    expect(safeRedirectPath("http://localhost:3000/arenden")).toBe("/");
  });
});
