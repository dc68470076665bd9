// The search page's data: the filter form's choices and one page of hits. The page and
// tests/integration/query-budget.integration.test.ts both call this.
import "server-only";
import { parseSearchParams, type RawSearchParams } from "@/features/diarium/schemas";
import { diariumFilterOptions } from "@/features/diarium/server/diarium-list";
import { ZSearchParamsSchema } from "@/features/search/schemas";
import { searchCases } from "@/features/search/server";
import type { Actor } from "@/server/auth";

export const loadSearchPage = async ({ actor, searchParams }: { actor: Actor; searchParams: RawSearchParams }) => {
  const { values, invalid } = parseSearchParams(ZSearchParamsSchema, searchParams);
  const [options, result] = await Promise.all([diariumFilterOptions(actor), searchCases({ actor, params: values })]);
  return { values, invalid, options, result };
};
