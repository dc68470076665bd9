// The cases feature's public entry: what the features built on cases may use of its
// services — its secrecy, closing it, changing it under its version and registering a handling in it.
export { caseConflict, closeCaseInTx, conditionalUpdate, loadForChange } from "./case-lifecycle";
export { coOfficerCandidatesWhere } from "./case-officers";
export { createCaseDocumentInTx } from "./create-document";
export { caseHiddenFrom, documentHiddenFrom, secrecyMaskFor, type CaseSecrecyRow, type SecrecyViewer } from "./secrecy-access";
