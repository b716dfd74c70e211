/** Messages of the `total-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "totalMismatch.placeholder": "",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "totalMismatch.placeholder": "",
};
