/** Messages of the `capaian-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "capaianMismatch.placeholder": "",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "capaianMismatch.placeholder": "",
};
