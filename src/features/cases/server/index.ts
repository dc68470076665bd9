// The cases feature's public entry: what the features built on cases may use of its
// services — its secrecy, closing it, changing it under its version, registering a handling in it
// and registering a case (an accepted remiss) with the registration form's options.
export { caseConflict, closeCaseInTx, conditionalUpdate, loadForChange } from "./case-lifecycle";
export { coOfficerCandidatesWhere } from "./case-officers";
export { createCaseDocumentInTx } from "./create-document";
export { getRegistrationOptions, type RegistrationOptions } from "./case-queries";
export { registerCaseInTx } from "./register-case";
export { caseHiddenFrom, documentHiddenFrom, secrecyMaskFor, type CaseSecrecyRow, type SecrecyViewer } from "./secrecy-access";
