// What an attestation binds to. Pure: no database, no next/* — the seed, scripts and the
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
// The hash is always recomputed from the stored content (never read from a column) when
// deciding whether something is attested.
import type { CanonicalValue, HashScheme } from "@/lib/canonical-json";
import { canonicalSha256 } from "@/lib/hash";

export const contentHashOf = (content: unknown, scheme: HashScheme): string => canonicalSha256(content as CanonicalValue, scheme);
