/** Messages of the `target-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "targetMismatch.belowRenstra":
    'Target {role} "{indicator}" {whenId} di {table} = {actual}, lebih rendah (kurang ambisius) dari target Renstra {expected} di {other}.',
  "targetMismatch.aboveRenstra":
    'Target {role} "{indicator}" {whenId} di {table} = {actual}, berbeda dari target Renstra {expected} di {other} (lebih ambisius). Pastikan penyimpangan ini dijelaskan.',
  "targetMismatch.measuredVsPk":
    'Target pada pengukuran kinerja "{indicator}" {whenId} di {table} = {actual}, tetapi target {pk} di {other} = {expected}. Realisasi harus diukur terhadap target PK.',
  "targetMismatch.vsPk":
    'Target {role} "{indicator}" {whenId} di {table} = {actual}, berbeda dari target {pk} {expected} di {other}.',
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "targetMismatch.belowRenstra":
    'The {role} target of "{indicator}" {whenEn} in {table} is {actual}, below (less ambitious than) the Renstra target {expected} in {other}.',
  "targetMismatch.aboveRenstra":
    'The {role} target of "{indicator}" {whenEn} in {table} is {actual}, different from the Renstra target {expected} in {other} (more ambitious). Make sure the deviation is explained.',
  "targetMismatch.measuredVsPk":
    'The measurement target of "{indicator}" {whenEn} in {table} is {actual}, but the {pk} target in {other} is {expected}. Realisation must be measured against the PK target.',
  "targetMismatch.vsPk":
    'The {role} target of "{indicator}" {whenEn} in {table} is {actual}, different from the {pk} target {expected} in {other}.',
};
