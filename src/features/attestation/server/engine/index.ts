// The attestation engine: one implementation of send, attest, return and withdraw for
// every subject (statement, minutes; later others), each a transaction step the caller
// runs inside its own transaction, followed by deliverAfterCommit.
export { attest, type AttestOptions, type AttestResult } from "./attest";
export { returnStep, withdraw, type ReturnStepOptions, type WithdrawOptions } from "./close";
export { deliverAfterCommit, latestRequestId, lockRequest } from "./requests";
export { sendForAttestation, type SendForAttestationOptions } from "./send";
export type { Completion, EngineActor, EngineCall, LockedRequest, SubjectAdapter, SubjectEvent, SubjectNotice, TransitionContext } from "./types";
