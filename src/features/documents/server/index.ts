// The documents feature's public entry for other features: the handlingar a form offers to choose.
export { DOCUMENT_CHOICES_CASE_SELECT, documentChoicesOf, findDocumentChoices } from "./document-choices";
