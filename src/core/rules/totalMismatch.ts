import type { Rule } from "../check/context";

/** `total-mismatch` (DOMAIN.md §6, CONTRACT.md). */
export const totalMismatch: Rule = {
  id: "total-mismatch",
  run: () => [],
};
