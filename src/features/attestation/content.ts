// What an attestation binds to. Pure: no database, no next/* — the seed, scripts and the
// verification page use it too. (The attester reads the version through the exports'
// document model, the same the PDF is drawn from.)
//
// The canonical form (the README section "Attestering: vad som binds" repeats this):
//   attested hash = SHA-256 (hex) of canonicalJson(StatementVersion.content)
// where canonicalJson (src/lib/canonical-json.ts) sorts object keys, drops undefined,
// writes no whitespace and dates as ISO strings. `content` is the whole version as the
// statements feature stores it: the header fields (handläggare, phone, Till, meeting
// date, title, subtitle), the decision points in order, every section in order with its
// text, and the attachments, each carrying the SHA-256 of its file. A change of any of
// these — a comma in a section, the order of two decision points, one byte of an
// attached file — gives another hash, so an attestation can never be shown for it.
// The hash is always recomputed from the stored content (never read from a column) when
// deciding whether something is attested.
import { canonicalJson, type CanonicalValue } from "@/lib/canonical-json";
import { sha256Hex } from "@/lib/hash";

export const contentHashOf = (content: unknown): string => sha256Hex(canonicalJson(content as CanonicalValue));
