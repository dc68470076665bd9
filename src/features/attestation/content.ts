// What an attestation binds to. No database, no next/* — the seed, scripts and the
// verification page use it too. (The attester reads the version through the exports'
// document model, the same the PDF is drawn from.)
//
// The canonical form (the README section "Attestering: vad som binds" repeats this):
//   attested hash = SHA-256 (hex) of the canonical JSON of StatementVersion.content
// in the hash scheme the request records (src/lib/canonical-json.ts: 2 = RFC 8785 for
// every new request, 1 = the older key order, kept to verify older attestations). `content` is the whole version as the
// statements feature stores it: the header fields (handläggare, phone, Till, meeting
// date, title, subtitle), the decision points in order, every section in order with its
// text, and the attachments, each carrying the SHA-256 of its file. A change of any of
// these — a comma in a section, the order of two decision points, one byte of an
// attached file — gives another hash, so an attestation can never be shown for it.
// The hash is always computed from the stored content (never read from a column) when
// deciding whether something is attested; the process remembers it per stored text
// (contentHashOfStoredText), keyed by that text's own SHA-256.
import type { CanonicalValue, HashScheme } from "@/lib/canonical-json";
import { canonicalSha256, sha256Hex } from "@/lib/hash";

export const contentHashOf = (content: unknown, scheme: HashScheme): string => canonicalSha256(content as CanonicalValue, scheme);

/** How many stored texts' hashes `contentHashOfStoredText` keeps (about 150 bytes each). */
const STORED_TEXT_HASHES = 10_000;
const storedTextHashes = new Map<string, string>();

/**
 * `contentHashOf` for content as the database writes it out (`jsonb::text`), remembered by the
 * SHA-256 of that text: a list verifies the same versions on every view (the meeting page 50),
 * and parsing and writing one canonically cost 0.1–0.3 ms where hashing its text costs 0.02.
 * Still computed from the bytes read now: a changed row is another text, hashed anew.
 */
export const contentHashOfStoredText = (text: string, scheme: HashScheme): string => {
  const key = `${scheme}:${sha256Hex(text)}`;
  const known = storedTextHashes.get(key);
  if (known !== undefined) return known;
  const hash = contentHashOf(JSON.parse(text) as unknown, scheme);
  if (storedTextHashes.size >= STORED_TEXT_HASHES) storedTextHashes.delete(storedTextHashes.keys().next().value!);
  storedTextHashes.set(key, hash);
  return hash;
};
