import { describe, expect, it } from "vitest";
import { formatFileSize } from "./format";
import { isSameOriginRequest, readBodyWithLimit, RequestTooLargeError } from "./http";

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
