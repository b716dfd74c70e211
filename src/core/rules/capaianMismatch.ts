import type { Rule } from "../check/context";

/** `capaian-mismatch` (DOMAIN.md §6, CONTRACT.md). */
export const capaianMismatch: Rule = {
  id: "capaian-mismatch",
  run: () => [],
};
