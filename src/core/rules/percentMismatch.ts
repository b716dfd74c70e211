import type { Rule } from "../check/context";

/** `percent-mismatch` (DOMAIN.md §6, CONTRACT.md). */
export const percentMismatch: Rule = {
  id: "percent-mismatch",
  run: () => [],
};
