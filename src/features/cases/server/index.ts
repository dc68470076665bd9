// The cases feature's public entry: what the features built on cases may use of its
// services — its secrecy, closing it and registering a handling in it.
export { closeCaseInTx } from "./case-lifecycle";
export { createCaseDocumentInTx } from "./create-document";
export { caseHiddenFrom, documentHiddenFrom, secrecyMaskFor, type CaseSecrecyRow, type SecrecyViewer } from "./secrecy-access";
