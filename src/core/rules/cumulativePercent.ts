import type { Rule } from "../check/context";

/** `cumulative-percent` (DOMAIN.md §6, CONTRACT.md). */
export const cumulativePercent: Rule = {
  id: "cumulative-percent",
  run: () => [],
};
