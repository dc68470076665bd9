// The auth feature's public entry for UI: the step-up login that attestation and justering ask for, and the form a user chooses their own password in.
export { StepUpLogin } from "./step-up-login";
export { ChangePasswordForm } from "./change-password-form";
