// The attestation engine: one implementation of send, attest, return and withdraw for
// every subject (statement, minutes; later others), each a step the caller runs inside its
// own transaction, followed by deliverAfterCommit.
export { attest } from "./attest";
export { returnStep, withdraw } from "./close";
export { deliverAfterCommit, latestRequestId } from "./requests";
export { sendForAttestation } from "./send";
export type { EngineActor, LockedRequest, SubjectAdapter } from "./types";
