import type { Rule } from "../check/context";

/** `missing-indicator` (DOMAIN.md §6, CONTRACT.md). */
export const missingIndicator: Rule = {
  id: "missing-indicator",
  run: () => [],
};
