import { afterEach, describe, expect, it, vi } from "vitest";
import { logger, redactForLog } from "./logger";

const captured = () => {
  const lines: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  });
  return lines;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("logger", () => {
  it("writes one JSON object per line with time, level and message", () => {
    const lines = captured();
    logger.info("worker started", { sweepSeconds: 60 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "info", message: "worker started", detail: { sweepSeconds: 60 }, time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
  });

  it("never writes passwords, tokens, cookies or personnummer, at any depth, in the message, details or an error", () => {
    const lines = captured();
    logger.warn("login failed for 19121212-1212", {
      username: "anna.berg",
      password: "Hemligt-lösen-1",
      nested: [{ headers: { cookie: "next-auth.session-token=abc.def", Authorization: "Bearer eyJhbGciOi" } }, { clientSecret: "s3cr3t", note: "pnr 201212121212 och 121212+1212" }],
    });
    const error = new Error('duplicate key value: Key (personnummer)=(19121212-1212) already exists; token "ghp_canary"');
    logger.error("action failed", error);
    const text = lines.join("");
    for (const secret of ["Hemligt-lösen-1", "next-auth.session-token", "eyJhbGciOi", "s3cr3t", "19121212-1212", "201212121212", "121212+1212"]) {
      expect(text).not.toContain(secret);
    }
    const [warn, failure] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(warn).toMatchObject({ level: "warn", message: "login failed for [borttaget]", detail: { username: "anna.berg", password: "[borttaget]" } });
    expect(failure).toMatchObject({ level: "error", error: { name: "Error", message: expect.stringContaining("Key (personnummer)=([borttaget])") } });
  });

  it("leaves dates, phone numbers, case numbers and ids alone", () => {
    expect(redactForLog({ at: "2024-04-25T08:00:00.000Z", phone: "08-508 233 26", caseNumber: "HÄS 2024/123", id: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" })).toEqual({
      at: "2024-04-25T08:00:00.000Z",
      phone: "08-508 233 26",
      caseNumber: "HÄS 2024/123",
      id: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
    });
  });
});
