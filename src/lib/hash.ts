// Hashing needs node:crypto: server code only. (The canonical forms themselves live in
// canonical-json.ts, which client components use too, so it must not import this.)
import { createHash } from "node:crypto";
import { canonicalJson, canonicalJsonRfc8785, type CanonicalValue, type HashScheme } from "./canonical-json";

export const sha256Hex = (input: string | Uint8Array): string => createHash("sha256").update(input).digest("hex");

/** SHA-256 (hex) of `value` in the given scheme's canonical form. */
export const canonicalSha256 = (value: CanonicalValue, scheme: HashScheme): string => {
  switch (scheme) {
    case 1:
      return sha256Hex(canonicalJson(value));
    case 2:
      return sha256Hex(canonicalJsonRfc8785(value));
  }
};
