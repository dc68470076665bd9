// HTTP pieces of uploads that route handlers share; pure, unit-tested.

/** 25 MB of files plus room for the multipart boundaries and the text fields. */
export const MAX_UPLOAD_REQUEST_BYTES = 25 * 1024 * 1024 + 256 * 1024;

/**
 * Cross-site request forgery guard for cookie-authenticated POSTs to route handlers
 * (server actions have their own). Browsers send `Sec-Fetch-Site` and `Origin` on every
 * POST; a page on another site cannot forge them. A request with neither is refused.
 */
export const isSameOriginRequest = (headers: Headers): boolean => {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return false;
  const origin = headers.get("origin");
  if (origin === null) return fetchSite === "same-origin";
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
};

export class RequestTooLargeError extends Error {
  constructor() {
    super("Request body exceeds the upload limit");
    this.name = "RequestTooLargeError";
  }
}

/**
 * The whole body, refused as soon as it grows past `limit` — also when the client sent no
 * Content-Length (chunked) or a false one, so a huge body is never buffered.
 */
export const readBodyWithLimit = async (body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer>> => {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new RequestTooLargeError();
    }
    chunks.push(value);
  }
  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return result;
};
