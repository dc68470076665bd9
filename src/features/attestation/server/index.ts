// The attestation feature's public entry: what other features (meetings' justering,
// exports' attestation block) may use of its services.
export { ATTEST_ACTION, attestAuditData, STEP_ENTITY } from "./attestation-audit";
export { getAttestationState, getAttestationStates } from "./attestation-state";
export { authenticateForAttestation, hasPassword, needsReauthentication } from "./confirm-identity";
export * as attestationEngine from "./engine";
export type { SubjectAdapter } from "./engine";
