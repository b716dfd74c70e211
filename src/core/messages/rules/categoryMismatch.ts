/** Messages of the `category-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "categoryMismatch.placeholder": "",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "categoryMismatch.placeholder": "",
};
