/** Messages of the `percent-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "percentMismatch.placeholder": "",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "percentMismatch.placeholder": "",
};
