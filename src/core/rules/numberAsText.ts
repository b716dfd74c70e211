import type { Rule } from "../check/context";

/** `number-as-text` (DOMAIN.md §6, CONTRACT.md). */
export const numberAsText: Rule = {
  id: "number-as-text",
  run: () => [],
};
