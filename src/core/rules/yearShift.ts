import type { Rule } from "../check/context";

/** `year-shift` (DOMAIN.md §6, CONTRACT.md). */
export const yearShift: Rule = {
  id: "year-shift",
  run: () => [],
};
