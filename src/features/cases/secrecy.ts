// The one masking of secrecy-marked (OSL) content, for every channel: pages and their RSC
// payloads, exports (internal and public copies), e-mails and notifications. What a reader
// without access sees is what the public diarium shows: the dnr and the handling's number
// stay, a case title becomes "Sekretessmarkerat ärende", protected text gives way to
// "Sekretess enligt <bestämmelse>.". A case's marking covers everything in it; a handling's
// own marking covers what is taken from that handling (its description), even in a case
// that is not confidential. Who may see what is decided in server/secrecy-access.ts; a
// tjänsteutlåtande's content is masked by these rules in statements/secrecy.ts.
// Masking is for display only: stored content and the hashes attestations bind stay whole.

/** The public marking that replaces protected content (OSL): "Sekretess enligt 26 kap. 1 § OSL". */
export const secrecyMarking = (secrecyReference: string): string => `Sekretess enligt ${secrecyReference}`;

/** The title of a confidential case for those who may not read it (as the diarium shows it). */
export const CONFIDENTIAL_CASE_TITLE = "Sekretessmarkerat ärende";

/** The one line that replaces masked text: "Sekretess enligt 26 kap. 1 § OSL.". */
export const secrecyNotice = (secrecyReference: string): string => `${secrecyMarking(secrecyReference)}.`;

/**
 * What one viewer may not see of one case: the case's secrecy reference when the whole case
 * is hidden, and the handlingar (by id) hidden by their own marking, each with its reference.
 */
export type SecrecyMask = { case: string | null; documents: ReadonlyMap<string, string> };

/** Nothing masked: a reader who may read everything, or the record kept in the diarium. */
export const NO_MASK: SecrecyMask = { case: null, documents: new Map() };

export const masksAnything = (mask: SecrecyMask): boolean => mask.case !== null || mask.documents.size > 0;

/** The case title as the viewer may see it. */
export const maskCaseTitle = (title: string, mask: SecrecyMask): string => (mask.case ? CONFIDENTIAL_CASE_TITLE : title);
