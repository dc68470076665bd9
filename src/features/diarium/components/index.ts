export { CaseFilterFields, type CaseFilterOptions } from "./case-filter-fields";
