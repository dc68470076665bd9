import { afterEach, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "./errors";
import { contentDisposition, downloadResponse, GENERIC_ERROR_MESSAGE, respond } from "./http";

/** The log lines written while `run` runs (the logger writes JSON to stdout). */
const logLines = <T,>(run: () => T): { result: T; lines: string[] } => {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  });
  try {
    return { result: run(), lines };
  } finally {
    spy.mockRestore();
  }
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("respond", () => {
  it("answers an AppError with its status and Swedish message, as text, uncached and unsniffed", async () => {
    const { result, lines } = logLines(() => respond(new AppError("FORBIDDEN", "actor lacks role"), { format: "text", log: "test" }));
    expect(result.status).toBe(403);
    expect(await result.text()).toBe("Du saknar behörighet för detta.");
    expect(result.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(result.headers.get("cache-control")).toBe("no-store");
    expect(result.headers.get("x-content-type-options")).toBe("nosniff");
    expect(lines).toEqual([]);
  });

  it("answers a form's route in the action result's shape, with the field messages", async () => {
    const error = new AppError("VALIDATION", "bad title", { userMessage: "Kontrollera fälten.", fieldErrors: { title: ["Ange en rubrik."] } });
    const response = respond(error, { format: "json", log: "test" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: "Kontrollera fälten.", fieldErrors: { title: ["Ange en rubrik."] } });
  });

  it("maps a unique-constraint error from the database to 409 like an action does", async () => {
    const unique = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "test" });
    const response = respond(unique, { format: "json", log: "test" });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ ok: false, error: "Uppgiften finns redan." });
  });

  it("logs anything else and answers a generic 500 that tells nothing of the error", async () => {
    const { result, lines } = logLines(() => respond(new Error("relation \"secret_table\" does not exist"), { format: "text", log: "export failed" }));
    expect(result.status).toBe(500);
    const body = await result.text();
    expect(body).toBe(GENERIC_ERROR_MESSAGE);
    expect(body).not.toContain("secret_table");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "error", message: "export failed" });
  });

  it("uses the route's own message for an unexpected error", async () => {
    const { result } = logLines(() => respond(new TypeError("x"), { format: "json", log: "upload", unexpectedMessage: "Exporten misslyckades." }));
    expect(await result.json()).toEqual({ ok: false, error: "Exporten misslyckades." });
  });
});

describe("downloadResponse", () => {
  it("sends the bytes as an attachment that is never rendered, sniffed or cached", async () => {
    const response = downloadResponse({ bytes: new Uint8Array([37, 80, 68, 70]), fileName: "Yttrande Älvsjö.pdf", contentType: "application/pdf" });
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(Object.fromEntries(response.headers)).toEqual({
      "cache-control": "private, no-store",
      "content-disposition": contentDisposition("Yttrande Älvsjö.pdf"),
      "content-length": "4",
      "content-security-policy": "sandbox",
      "content-type": "application/pdf",
      "x-content-type-options": "nosniff",
    });
  });

  it("declares plain text as UTF-8", () => {
    const response = downloadResponse({ bytes: new TextEncoder().encode("åäö"), fileName: "anteckning.txt", contentType: "text/plain" });
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-length")).toBe("6");
  });

  it("names a path-like file name as one safe file", () => {
    const response = downloadResponse({ bytes: new Uint8Array(), fileName: "../../etc/passwd", contentType: "application/octet-stream" });
    expect(response.headers.get("content-disposition")).not.toMatch(/\.\.|\//);
  });
});

describe("contentDisposition", () => {
  it("always says attachment and keeps Swedish letters in the RFC 5987 name", () => {
    expect(contentDisposition("Remiss från Älvsjö (2).pdf")).toBe(
      `attachment; filename="Remiss fran Alvsjo (2).pdf"; filename*=UTF-8''Remiss%20fr%C3%A5n%20%C3%84lvsj%C3%B6%20%282%29.pdf`,
    );
  });

  it("cannot be broken out of by quotes or semicolons in the name", () => {
    const header = contentDisposition('a"; filename="evil.html.pdf');
    expect(header).toMatch(/^attachment; filename="a__ filename=_evil\.html\.pdf"; filename\*=UTF-8''/);
    expect(header.match(/"/g)).toHaveLength(2);
  });

  it.each(["\u2024\u2024\uff0fetc\uff0fpasswd", "\uff0e\uff0e\u2215x.pdf", "..\uff3cx.pdf", "a\u2044b\u0000.pdf"])(
    "never names a path, in the UTF-8 name or the ASCII fallback, whatever the stored name (%j)",
    (stored) => {
      const header = contentDisposition(stored);
      const fallback = /filename="([^"]*)"/.exec(header)?.[1] ?? "";
      const encoded = decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? "");
      for (const name of [fallback, encoded, encoded.normalize("NFKC"), encoded.normalize("NFKD")]) {
        expect(name).not.toMatch(/[/\\\u0000]|\.\./);
      }
    },
  );
});
