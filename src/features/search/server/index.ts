export { searchCases, SEARCH_PAGE_SIZE, type SearchPage, type SearchResult } from "./search";
