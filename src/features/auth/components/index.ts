// The auth feature's public entry for UI: the step-up login that attestation and justering ask for.
export { StepUpLogin } from "./step-up-login";
