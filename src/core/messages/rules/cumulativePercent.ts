/** Messages of the `cumulative-percent` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "cumulativePercent.placeholder": "",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "cumulativePercent.placeholder": "",
};
