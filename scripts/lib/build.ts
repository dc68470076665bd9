// The production build `npm start` and `npm run bench` serve: rebuilt when the sources changed
// since the last build (a fingerprint of paths, sizes and mtimes kept beside the build).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const BUILD_STAMP = path.join(root, ".next", "yttra-build-stamp");

/** A fingerprint of everything that goes into a build: paths, sizes and mtimes. */
const sourceFingerprint = async (): Promise<string> => {
  const hash = createHash("sha256");
  const walk = async (dir: string): Promise<void> => {
    if (!existsSync(dir)) return;
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const info = await stat(full);
        hash.update(`${path.relative(root, full)}:${info.size}:${info.mtimeMs}\n`);
      }
    }
  };
  await walk(path.join(root, "src"));
  await walk(path.join(root, "public"));
  for (const file of ["next.config.ts", "package-lock.json", "postcss.config.mjs", "prisma/schema.prisma", "tsconfig.json"]) {
    const full = path.join(root, file);
    if (existsSync(full)) hash.update(`${file}:${(await stat(full)).mtimeMs}\n`);
  }
  return hash.digest("hex");
};

const run = (args: string[], extraEnv: Record<string, string>): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });

export type BuildIfNeededOptions = { /** YTTRA_SKIP_BUILD: use the existing build unchecked. */ skip: boolean; log: (message: string) => void };

export const buildIfNeeded = async ({ skip, log }: BuildIfNeededOptions): Promise<void> => {
  const fingerprint = await sourceFingerprint();
  const built = existsSync(path.join(root, ".next", "BUILD_ID"));
  if (skip) {
    if (!built) throw new Error("YTTRA_SKIP_BUILD=1 but there is no build: run `npx next build` first.");
    return;
  }
  if (built && existsSync(BUILD_STAMP) && (await readFile(BUILD_STAMP, "utf8")) === fingerprint) return;
  log("Bygger appen (första gången tar det ett par minuter) …");
  await run([path.join(root, "scripts", "prisma-generate.mjs")], {});
  await run([nextBin, "build"], { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  await writeFile(BUILD_STAMP, fingerprint);
};
