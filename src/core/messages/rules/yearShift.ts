/** Messages of the `year-shift` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "yearShift.placeholder": "",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "yearShift.placeholder": "",
};
