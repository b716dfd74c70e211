import type { Rule } from "../check/context";

/** `target-mismatch` (DOMAIN.md §6, CONTRACT.md). */
export const targetMismatch: Rule = {
  id: "target-mismatch",
  run: () => [],
};
