/** Messages of the `target-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "targetMismatch.placeholder": "",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "targetMismatch.placeholder": "",
};
