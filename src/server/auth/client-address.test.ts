import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

// X-Forwarded-For as the app's server hands it on: the socket's peer address is always last.
const xff = (value: string) => ({ "x-forwarded-for": value });

describe("clientAddress", () => {
  it("takes the socket's peer address when no proxy is trusted, whatever the client claims", () => {
    expect(clientAddress(xff("203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(xff("10.0.0.1, 127.0.0.1, 203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(xff("::ffff:203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(xff("2001:DB8::1"), 0)).toBe("2001:db8::1");
  });

  it("counts trusted proxies from the right and ignores what the client wrote further left", () => {
    // client wrote "1.1.1.1"; the proxy appended the client's real address; the app's server the proxy's.
    expect(clientAddress(xff("1.1.1.1, 198.51.100.7, 10.0.0.2"), 1)).toBe("198.51.100.7");
    expect(clientAddress(xff("1.1.1.1, 198.51.100.7, 10.0.0.3, 10.0.0.2"), 2)).toBe("198.51.100.7");
    expect(clientAddress({ "x-forwarded-for": ["1.1.1.1, 198.51.100.7", "10.0.0.2"] }, 1)).toBe("198.51.100.7");
  });

  it("uses the leftmost hop when there are fewer hops than trusted proxies", () => {
    expect(clientAddress(xff("203.0.113.9"), 2)).toBe("203.0.113.9");
  });

  it("gives null for a missing header or an entry that is not an address", () => {
    expect(clientAddress(undefined, 0)).toBeNull();
    expect(clientAddress({}, 0)).toBeNull();
    expect(clientAddress(xff("<script>, unknown"), 0)).toBeNull();
    expect(clientAddress(xff(`1.1.1.1, ${"9".repeat(300)}`), 0)).toBeNull();
  });
});
