// The documents feature's components for other features' forms.
export { DocumentPicker } from "./document-picker";
