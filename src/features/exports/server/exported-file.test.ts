// The app's public address (appBaseUrl): the base of links in e-mails and of the verification
// link and QR code in exports. APP_BASE_URL wins over NEXTAUTH_URL; without either, this server.
import { afterEach, describe, expect, it } from "vitest";
import { verificationUrlFor } from "./exported-file";
import { appBaseUrl, env } from "@/server/env";

const original = { APP_BASE_URL: env.APP_BASE_URL, NEXTAUTH_URL: env.NEXTAUTH_URL };
afterEach(() => Object.assign(env, original));

describe("the app's public address", () => {
  it("is the configured APP_BASE_URL before NEXTAUTH_URL, without a trailing slash", () => {
    Object.assign(env, { APP_BASE_URL: "https://diarium.exempelby.se/", NEXTAUTH_URL: "http://10.0.0.5:3000" });
    expect(appBaseUrl()).toBe("https://diarium.exempelby.se");
    expect(verificationUrlFor("PROT-HAS2-0425")).toBe("https://diarium.exempelby.se/verifiera/PROT-HAS2-0425");
  });

  it("falls back to NEXTAUTH_URL and then to this server's port", () => {
    Object.assign(env, { APP_BASE_URL: undefined, NEXTAUTH_URL: "https://yttra.kommun.se" });
    expect(verificationUrlFor("A B")).toBe("https://yttra.kommun.se/verifiera/A%20B");
    Object.assign(env, { APP_BASE_URL: undefined, NEXTAUTH_URL: undefined });
    expect(appBaseUrl()).toBe(`http://localhost:${env.PORT}`);
  });
});
