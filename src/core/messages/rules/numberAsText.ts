/** Messages of the `number-as-text` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "numberAsText.placeholder": "",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "numberAsText.placeholder": "",
};
