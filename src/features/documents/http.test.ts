import { describe, expect, it } from "vitest";
import { formatFileSize } from "./format";
import { contentDisposition, isSameOriginRequest, readBodyWithLimit, RequestTooLargeError } from "./http";

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

describe("isSameOriginRequest", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("accepts a same-origin browser POST", () => {
    expect(isSameOriginRequest(headers({ host: "yttra.example", origin: "https://yttra.example", "sec-fetch-site": "same-origin" }))).toBe(true);
  });

  it("refuses a cross-site POST, by Sec-Fetch-Site or by Origin", () => {
    expect(isSameOriginRequest(headers({ host: "yttra.example", origin: "https://yttra.example", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "yttra.example", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "yttra.example", origin: "null" }))).toBe(false);
  });

  it("refuses a request that carries neither header", () => {
    expect(isSameOriginRequest(headers({ host: "yttra.example" }))).toBe(false);
  });
});

describe("readBodyWithLimit", () => {
  const streamOf = (chunks: number[]) =>
    new ReadableStream<Uint8Array>({
      start: (controller) => {
        for (const size of chunks) controller.enqueue(new Uint8Array(size));
        controller.close();
      },
    });

  it("returns the whole body when it is within the limit", async () => {
    expect((await readBodyWithLimit(streamOf([10, 20]), 30)).length).toBe(30);
  });

  it("stops as soon as the body grows past the limit", async () => {
    await expect(readBodyWithLimit(streamOf([10, 20, 1]), 30)).rejects.toBeInstanceOf(RequestTooLargeError);
  });
});

describe("formatFileSize", () => {
  it("shows sizes the Swedish way", () => {
    expect(formatFileSize(512)).toBe("512 byte");
    expect(formatFileSize(12 * 1024)).toBe("12 kB");
    expect(formatFileSize(1.2 * 1024 * 1024)).toBe("1,2 MB");
    expect(formatFileSize(25 * 1024 * 1024)).toBe("25 MB");
  });
});
