import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appServerArgs, appServerNodeFlags, waitForHealth } from "../scripts/lib/app-server";

const NODE_22_FLAGS = new Set(["--experimental-async-context-frame", "--max-old-space-size"]);

const YOUNG_GENERATION = "--max-semi-space-size=64";

describe("the app server's Node flags", () => {
  it("turns on the async context frame where Node 22 offers it as an experimental option", () => {
    expect(appServerNodeFlags(NODE_22_FLAGS, "v22.23.5")).toEqual([YOUNG_GENERATION, "--experimental-async-context-frame"]);
    expect(appServerNodeFlags(NODE_22_FLAGS, "v22.12.0")).toEqual([YOUNG_GENERATION, "--experimental-async-context-frame"]);
  });

  it("leaves it off in the Node 22 releases whose frame broke AsyncLocalStorage.run", () => {
    expect(appServerNodeFlags(NODE_22_FLAGS, "v22.7.0")).toEqual([YOUNG_GENERATION]);
    expect(appServerNodeFlags(NODE_22_FLAGS, "v22.11.0")).toEqual([YOUNG_GENERATION]);
  });

  it("adds only the young generation where the frame is the default (Node 24: --async-context-frame, no experimental option) or missing (Node 20)", () => {
    expect(appServerNodeFlags(new Set(["--async-context-frame", "--no-async-context-frame"]), "v24.22.3")).toEqual([YOUNG_GENERATION]);
    expect(appServerNodeFlags(new Set(["--max-old-space-size"]), "v20.20.2")).toEqual([YOUNG_GENERATION]);
  });

  it("starts this Node with every flag it gives (a flag Node does not know would stop the server)", () => {
    const child = spawnSync(process.execPath, [...appServerNodeFlags(), "-p", "JSON.stringify(process.execArgv)"], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect((JSON.parse(child.stdout) as string[]).slice(0, appServerNodeFlags().length)).toEqual(appServerNodeFlags());
  });

  it("starts scripts/serve.mjs after this Node's flags, followed by its own arguments", () => {
    const args = appServerArgs("/srv/yttra", ["--dev"]);
    expect(args.slice(-2)).toEqual([path.join("/srv/yttra", "scripts", "serve.mjs"), "--dev"]);
    expect(args.slice(0, -2)).toEqual(appServerNodeFlags());
  });
});

describe("waitForHealth", () => {
  it("returns once the started server answers, and says so when it exits or stays silent", async () => {
    // A real server in a child process, printing the port it listens on.
    const server = spawn(process.execPath, ["-e", "const s = require('node:http').createServer((_, r) => r.end('ok')).listen(0, '127.0.0.1', () => console.log(s.address().port))"]);
    try {
      const [chunk] = (await once(server.stdout, "data")) as [Buffer];
      const port = Number(chunk.toString().trim());
      await expect(waitForHealth(`http://127.0.0.1:${port}/api/health`, server, 5_000)).resolves.toBeUndefined();
      await expect(waitForHealth(`http://127.0.0.1:1/api/health`, server, 600)).rejects.toThrow("Appen svarade inte på http://127.0.0.1:1/api/health inom 0.6 s.");
    } finally {
      server.kill();
    }
    const failed = spawn(process.execPath, ["-e", "process.exit(3)"]);
    await once(failed, "exit");
    await expect(waitForHealth("http://127.0.0.1:1/api/health", failed, 5_000)).rejects.toThrow("Appen avslutades med kod 3.");
  });
});
