import type { Rule } from "../check/context";

/** `difference-mismatch` (DOMAIN.md §6, CONTRACT.md). */
export const differenceMismatch: Rule = {
  id: "difference-mismatch",
  run: () => [],
};
