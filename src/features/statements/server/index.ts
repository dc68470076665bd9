// The statements feature's public entry: a statement's stored content and template parsed,
// its title, its secrecy mask (attestation and exports read statements through these), and
// naming the case's current handläggare in it before it is sent.
export { parseStatementContent, parseTemplateDefinition, statementTitleOf } from "./statement-access";
export { statementSecrecyMarking, statementSecrecyMask } from "./statement-secrecy";
export { resolveOrganisationAtSend, withCurrentOrganisation } from "./statement-organisation";
export { CASE_ORGANISATION_SELECT } from "./create-statement";
