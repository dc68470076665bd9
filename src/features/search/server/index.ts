export { searchCases, type SearchResult } from "./search";
