import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { CROSS_SITE_REFUSED, proxy } from "./proxy";

const request = (method: string, headers: Record<string, string> = {}, url = "http://yttra.example/arenden", body?: string) =>
  new NextRequest(url, { method, headers: { host: "yttra.example", ...headers }, ...(body === undefined ? {} : { body }) });

const originalUrl = env.NEXTAUTH_URL;
afterEach(() => {
  env.NEXTAUTH_URL = originalUrl;
});

describe("proxy: cross-site requests", () => {
  it.each([
    ["POST", { origin: "https://evil.test" }],
    ["POST", { origin: "null" }],
    ["POST", { origin: "http://yttra.example", "sec-fetch-site": "cross-site" }],
    ["POST", { origin: "http://yttra.example.evil.test" }],
    ["POST", {}],
    ["PUT", { origin: "https://evil.test" }],
    ["PATCH", { origin: "https://evil.test" }],
    ["DELETE", { "sec-fetch-site": "same-site" }],
  ])("refuses %s with %j", async (method, headers) => {
    const response = await proxy(request(method, headers));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ ok: false, error: CROSS_SITE_REFUSED });
  });

  it("lets same-origin writes and every read through", async () => {
    for (const response of await Promise.all([
      proxy(request("POST", { origin: "http://yttra.example", "sec-fetch-site": "same-origin", "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }, undefined, "[]")),
      proxy(request("POST", { "sec-fetch-site": "same-origin" })),
      proxy(request("GET", { origin: "https://evil.test" })),
      proxy(request("HEAD")),
    ])) {
      expect(response.status).toBe(200);
      expect(response.headers.get("x-middleware-next")).toBe("1");
    }
  });
});

describe("proxy: security headers", () => {
  const policyOf = (response: Response) => response.headers.get("content-security-policy") ?? "";

  it("sets a policy with a fresh nonce, also on the request Next.js renders from", async () => {
    const first = await proxy(request("GET"));
    const second = await proxy(request("GET"));
    const nonce = /'nonce-([^']+)'/.exec(policyOf(first))?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(policyOf(second)).not.toContain(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policyOf(first));
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "'strict-dynamic'"]) expect(policyOf(first)).toContain(directive);
  });

  it("leaves route handlers' own policy alone (a downloaded file is sandboxed)", async () => {
    expect((await proxy(request("GET", {}, "http://yttra.example/api/filer/abc"))).headers.get("content-security-policy")).toBeNull();
  });

  it("sends HSTS and upgrade-insecure-requests only when the installation is served over https", async () => {
    env.NEXTAUTH_URL = "http://localhost:3000";
    expect((await proxy(request("GET"))).headers.get("strict-transport-security")).toBeNull();
    env.NEXTAUTH_URL = "https://yttra.kommun.example";
    const response = await proxy(request("GET"));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(policyOf(response)).toContain("upgrade-insecure-requests");
  });
});
