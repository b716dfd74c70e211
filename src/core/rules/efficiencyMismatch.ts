import type { Rule } from "../check/context";

/** `efficiency-mismatch` (DOMAIN.md §6, CONTRACT.md). */
export const efficiencyMismatch: Rule = {
  id: "efficiency-mismatch",
  run: () => [],
};
