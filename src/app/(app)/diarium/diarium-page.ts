// The diarium page's data: the filter form's choices and one page of cases. The page and
// tests/integration/query-budget.integration.test.ts both call this.
import "server-only";
import { parseSearchParams, ZDiariumSearchParamsSchema, type RawSearchParams } from "@/features/diarium/schemas";
import { diariumFilterOptions, listDiariumCases } from "@/features/diarium/server/diarium-list";
import type { Actor } from "@/server/auth";

export const loadDiariumPage = async ({ actor, searchParams }: { actor: Actor; searchParams: RawSearchParams }) => {
  const { values, invalid } = parseSearchParams(ZDiariumSearchParamsSchema, searchParams);
  const [options, page] = await Promise.all([diariumFilterOptions(actor), listDiariumCases({ actor, params: values })]);
  return { values, invalid, options, page };
};
