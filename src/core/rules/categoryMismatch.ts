import type { Rule } from "../check/context";

/** `category-mismatch` (DOMAIN.md §6, CONTRACT.md). */
export const categoryMismatch: Rule = {
  id: "category-mismatch",
  run: () => [],
};
