/** Messages of the `missing-indicator` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "missingIndicator.placeholder": "",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "missingIndicator.placeholder": "",
};
