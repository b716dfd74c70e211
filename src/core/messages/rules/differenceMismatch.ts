/** Messages of the `difference-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "differenceMismatch.placeholder": "",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "differenceMismatch.placeholder": "",
};
