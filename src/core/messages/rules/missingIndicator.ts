/** Messages of the `missing-indicator` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "missingIndicator.missing":
    'Indikator "{indicator}" ({level}) ada di {roles} ({tables}) tetapi tidak ditemukan di {missing}.',
  "missingIndicator.missingWithCandidates":
    'Indikator "{indicator}" ({level}) ada di {roles} ({tables}) tetapi tidak ditemukan di {missing}. Mungkin sama dengan: {candidates}. Jika benar, konfirmasikan pasangan nama ini di pengaturan.',
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "missingIndicator.missing":
    'Indicator "{indicator}" ({level}) is in {roles} ({tables}) but not in {missing}.',
  "missingIndicator.missingWithCandidates":
    'Indicator "{indicator}" ({level}) is in {roles} ({tables}) but not in {missing}. Possibly the same as: {candidates}. If so, confirm the pair of names in the settings.',
};
