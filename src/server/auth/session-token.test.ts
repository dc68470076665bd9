import { hkdfSync } from "node:crypto";
import { EncryptJWT } from "jose";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, sessionTokenFrom } from "./session-token";

const SECRET = "a-test-secret-of-some-length-0123456789";
const CLAIMS = { userId: "0190f0c8-0000-7000-8000-000000000001", sessionVersion: 3, authTime: 1_733_000_000 };
const KEY = new Uint8Array(hkdfSync("sha256", SECRET, "", "NextAuth.js Generated Encryption Key", 32));
const COOKIE = "next-auth.session-token";

// Tokens as next-auth writes them at sign-in (its jwt callback puts these claims in the token).
const issue = (token: Record<string, unknown>, { secret = SECRET, maxAge = 3600 } = {}) => encode({ token, secret, maxAge });

describe("decodeSessionToken", () => {
  it("reads the claims of a token next-auth issued", async () => {
    expect(await decodeSessionToken(await issue({ ...CLAIMS, name: "Clas Cederlid" }), SECRET)).toEqual(CLAIMS);
  });

  it("refuses a token issued under another secret, an expired one and a tampered one", async () => {
    expect(await decodeSessionToken(await issue(CLAIMS, { secret: "another-secret-another-secret-0123456789" }), SECRET)).toBeNull();
    // next-auth's decode allows 15 s of skew; this one expired a minute ago.
    expect(await decodeSessionToken(await issue(CLAIMS, { maxAge: -60 }), SECRET)).toBeNull();
    const token = await issue(CLAIMS);
    const parts = token.split(".");
    const ciphertext = parts[3]!;
    parts[3] = `${ciphertext.slice(0, -2)}${ciphertext.endsWith("AA") ? "BB" : "AA"}`;
    expect(await decodeSessionToken(parts.join("."), SECRET)).toBeNull();
    expect(await decodeSessionToken("not-a-token", SECRET)).toBeNull();
    expect(await decodeSessionToken(null, SECRET)).toBeNull();
  });

  it("refuses a token under the right key but another algorithm, or without an expiry", async () => {
    const expires = Math.floor(Date.now() / 1000) + 3600;
    // The same key, as next-auth derives it: only the algorithms differ from what encode writes.
    expect(await decodeSessionToken(await new EncryptJWT(CLAIMS).setProtectedHeader({ alg: "dir", enc: "A256GCM" }).setExpirationTime(expires).encrypt(KEY), SECRET)).toEqual(CLAIMS);
    expect(await decodeSessionToken(await new EncryptJWT(CLAIMS).setProtectedHeader({ alg: "A256KW", enc: "A256GCM" }).setExpirationTime(expires).encrypt(KEY), SECRET)).toBeNull();
    expect(await decodeSessionToken(await new EncryptJWT(CLAIMS).setProtectedHeader({ alg: "dir", enc: "A128CBC-HS256" }).setExpirationTime(expires).encrypt(KEY), SECRET)).toBeNull();
    expect(await decodeSessionToken(await new EncryptJWT(CLAIMS).setProtectedHeader({ alg: "dir", enc: "A256GCM" }).encrypt(KEY), SECRET)).toBeNull();
  });

  it("refuses a token without a user or with claims of the wrong type", async () => {
    expect(await decodeSessionToken(await issue({ name: "Ingen" }), SECRET)).toBeNull();
    expect(await decodeSessionToken(await issue({ ...CLAIMS, userId: "" }), SECRET)).toBeNull();
    expect(await decodeSessionToken(await issue({ ...CLAIMS, userId: "registrator" }), SECRET)).toBeNull();
    expect(await decodeSessionToken(await issue({ ...CLAIMS, sessionVersion: "3" }), SECRET)).toBeNull();
  });
});

describe("sessionTokenFrom", () => {
  it("takes the named cookie, or joins next-auth's chunks in order", () => {
    expect(sessionTokenFrom([{ name: "other", value: "x" }, { name: COOKIE, value: "abc" }], COOKIE)).toBe("abc");
    expect(
      sessionTokenFrom(
        [
          { name: `${COOKIE}.1`, value: "def" },
          { name: `${COOKIE}.10`, value: "z" },
          { name: `${COOKIE}.0`, value: "abc" },
          { name: `${COOKIE}.2`, value: "ghi" },
        ],
        COOKIE,
      ),
    ).toBe("abcdefghiz");
    expect(sessionTokenFrom([{ name: `__Secure-${COOKIE}`, value: "abc" }, { name: `${COOKIE}.x`, value: "y" }], COOKIE)).toBeNull();
  });
});
