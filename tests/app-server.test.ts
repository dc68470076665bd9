import path from "node:path";
import { describe, expect, it } from "vitest";
import { appServerArgs, appServerNodeFlags } from "../scripts/lib/app-server";

describe("the app server's Node flags", () => {
  it("turns on the async context frame where Node offers it as an experimental option (Node 22)", () => {
    expect(appServerNodeFlags(new Set(["--experimental-async-context-frame", "--max-old-space-size"]))).toEqual(["--experimental-async-context-frame"]);
  });

  it("adds nothing where the frame is the default (Node 24: only --no-async-context-frame) or missing (Node 20)", () => {
    expect(appServerNodeFlags(new Set(["--no-async-context-frame"]))).toEqual([]);
    expect(appServerNodeFlags(new Set(["--max-old-space-size"]))).toEqual([]);
  });

  it("starts scripts/serve.mjs after this Node's flags, followed by its own arguments", () => {
    const args = appServerArgs("/srv/yttra", ["--dev"]);
    expect(args.slice(-2)).toEqual([path.join("/srv/yttra", "scripts", "serve.mjs"), "--dev"]);
    expect(args.slice(0, -2)).toEqual(appServerNodeFlags());
  });
});
