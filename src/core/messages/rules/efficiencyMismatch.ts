/** Messages of the `efficiency-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "efficiencyMismatch.placeholder": "",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "efficiencyMismatch.placeholder": "",
};
