import { Decimal } from "../decimal";
import { fail, FormulaResult, ok } from "./result";

/**
 * Efficiency of resource use, PMK 214/PMK.02/2017 (DOMAIN.md §4.5):
 *   E = [Σ(PAK×CK) − ΣRAK] / Σ(PAK×CK) × 100
 * with PAK the pagu, RAK the spending and CK the capaian as a ratio, not capped by default.
 */

export interface EfisiensiRow {
  pagu: Decimal;
  realisasiAnggaran: Decimal;
  /** Capaian in percent points (106.40…), unrounded where the table computes it. */
  capaian: Decimal;
}

export interface EfisiensiOptions {
  /** Cap CK at 1 (capaian 100 %) before multiplying; off by default as in the PMK example. */
  capCk?: boolean;
}

export interface EfisiensiRowResult {
  /** (8) = PAK × CK */
  paguTimesCapaian: Decimal;
  /** (9) = (8) − RAK */
  selisih: Decimal;
}

export interface EfisiensiResult {
  e: Decimal;
  sumPaguTimesCapaian: Decimal;
  sumRealisasi: Decimal;
  rows: EfisiensiRowResult[];
}

export function efisiensi(
  rows: EfisiensiRow[],
  options: EfisiensiOptions = {},
): FormulaResult<EfisiensiResult> {
  let sumPakCk = new Decimal(0);
  let sumRak = new Decimal(0);
  const perRow: EfisiensiRowResult[] = [];
  for (const [index, row] of rows.entries()) {
    if (row.pagu.isNegative()) {
      return fail("#VALUE!", "efisiensi.paguNegative", {
        value: row.pagu.toNumber(),
        row: index + 1,
      });
    }
    let ck = row.capaian.div(100);
    if (options.capCk) ck = Decimal.min(ck, 1);
    const pakCk = row.pagu.times(ck);
    perRow.push({ paguTimesCapaian: pakCk, selisih: pakCk.minus(row.realisasiAnggaran) });
    sumPakCk = sumPakCk.plus(pakCk);
    sumRak = sumRak.plus(row.realisasiAnggaran);
  }
  if (sumPakCk.isZero()) return fail("#DIV/0!", "efisiensi.sumZero");
  const e = sumPakCk.minus(sumRak).div(sumPakCk).times(100);
  return ok({ e, sumPaguTimesCapaian: sumPakCk, sumRealisasi: sumRak, rows: perRow });
}

/**
 * Nilai Efisiensi NE = 50 + (E/20)×50 (K/L LAKIP practice). With clampE (default, [U]) E is
 * limited to [−20, 20] first, so NE stays on the 0–100 scale its categories use.
 */
export function nilaiEfisiensi(e: Decimal, clampE = true): Decimal {
  const used = clampE ? Decimal.max(-20, Decimal.min(20, e)) : e;
  return used.div(20).times(50).plus(50);
}
