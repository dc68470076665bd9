// The client's address, for throttling and the audit log. The app's own HTTP server
// (scripts/serve.mjs) appends the socket's peer address to X-Forwarded-For, as every proxy
// does, so the last entry is always the real peer. With TRUSTED_PROXY_COUNT proxies in
// front, the client is the entry that many places further left; everything left of it
// was written by the client and is ignored.
import { isIP } from "node:net";

export type HeaderBag = Record<string, string | string[] | undefined> | undefined;

export const clientAddress = (headers: HeaderBag, trustedProxies: number): string | null => {
  const raw = headers?.["x-forwarded-for"];
  const hops = (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Fewer hops than proxies: the request came around them; the leftmost is the nearest to the client we have.
  const hop = hops[Math.max(0, hops.length - 1 - trustedProxies)];
  if (!hop) return null;
  const address = hop.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(address) ? address.toLowerCase() : null;
};
