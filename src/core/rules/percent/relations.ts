import type { CellNumber } from "../../cellNumber";
import { Decimal, fromExcelNumber } from "../../decimal";
import type { RegionColumn, RegionRow } from "../../recognize/types";
import { comparePrinted, isAccepted } from "../../numbers";

/**
 * Row-wise arithmetic a table declares between its columns (DOMAIN.md §4.3, §6.2, §6.4): a
 * printed percentage is a ratio of two columns, a printed selisih is a difference of two. The
 * percent and difference rules, and the detection of rows shifted by one column, all evaluate
 * the same relations, so they are described here as data.
 */

/** Where a relation's inputs come from in a row; `minus` is pagu − realisasi (unspent budget). */
export type Operand = { col: number } | { minus: [number, number] };

export type RatioSource =
  /** persen-anggaran = realisasi / pagu (serapan). */
  | "budget-realisasi"
  /** persen-anggaran = sisa / pagu (SILPA %). */
  | "budget-sisa"
  /** A column-number row declares it: "8=(7/6)". */
  | "formula"
  /** A renja-evaluasi capaian column without a formula: realisasi / target of its year or period. */
  | "renja";

export interface RatioRelation {
  kind: "ratio";
  source: RatioSource;
  result: RegionColumn;
  numerator: Operand;
  denominator: number;
  /** 100 when the result is in percent points, 1 when the column prints fractions. */
  scale: 100 | 1;
  /** Also accept the lower-is-better capaian (the indicator's polarity is negatif). */
  capaian: boolean;
}

export type DifferenceSource = "sisa" | "perubahan" | "tren" | "formula" | "majority";

export interface DifferenceRelation {
  kind: "difference";
  source: DifferenceSource;
  result: RegionColumn;
  /** The printed value should be a − b. */
  a: number;
  b: number;
  /** Rupiah columns (pagu, realisasi anggaran): the user's rupiahTolerance applies. */
  money: boolean;
}

export type Relation = RatioRelation | DifferenceRelation;

/** How one relation holds in one row. */
export type Outcome =
  | { status: "skip" }
  | {
      status: "ok" | "near-miss" | "mismatch" | "sign";
      expected: Decimal;
      printed: CellNumber;
      /** The operand values as read (the bracketed share where one is printed). */
      inputs: Decimal[];
      inputCols: number[];
      /** The bracketed share of an operand was used ("100% (80%)" → 80). */
      weighted: boolean;
    };

export type Reader = (row: number, col: number) => CellNumber | null;

export interface EvaluateOptions {
  /** Extra absolute tolerance for money differences (CheckSettings.rupiahTolerance). */
  rupiahTolerance: number;
  /** The row's indicator is lower-is-better, with the inverse method to accept. */
  inverse?: "2t-r" | "t/r" | null;
}

const HUNDRED = new Decimal(100);

/** Rows whose cells relate column to column: values and totals, not labels or averages. */
export function isArithmeticRow(row: RegionRow): boolean {
  return row.kind === "data" || row.kind === "total";
}

/**
 * The value an operand contributes. A weighted cell "100% (80%)" counts with its bracketed
 * share (DOMAIN.md §2: the year's share of the five-year Renstra).
 */
function operandValue(cell: CellNumber): { value: Decimal; weighted: boolean } {
  if (cell.secondary !== null) return { value: fromExcelNumber(cell.secondary), weighted: true };
  return { value: fromExcelNumber(cell.value), weighted: false };
}

function unitWord(cell: CellNumber): string | null {
  if (cell.isPercent) return "%";
  return cell.unit === null ? null : cell.unit.trim().toLowerCase();
}

/**
 * Two inputs can be related only when their units do not contradict each other: "16 dokumen"
 * against "100%" or "869" products against "3.27%" is not a ratio (DOMAIN.md §4.1 #VALUE!). A
 * bare number goes with anything: tables mix "0,23" stored as 23% with a typed "21".
 */
export function unitsCompatible(a: CellNumber, b: CellNumber): boolean {
  const ua = unitWord(a);
  const ub = unitWord(b);
  if (ua === null || ub === null) return true;
  return ua === ub;
}

function agreementOf(printed: CellNumber, computed: Decimal): ReturnType<typeof comparePrinted> {
  return comparePrinted(printed.value, computed, printed.decimals);
}

/** The best of several agreements: an accepted one wins, then a near miss. */
function best(agreements: ReturnType<typeof comparePrinted>[]): "ok" | "near-miss" | "mismatch" {
  if (agreements.some(isAccepted)) return "ok";
  if (agreements.includes("near-miss")) return "near-miss";
  return "mismatch";
}

function readOperand(
  operand: Operand,
  row: number,
  read: Reader,
): { value: Decimal; cells: CellNumber[]; cols: number[]; weighted: boolean } | null {
  if ("col" in operand) {
    const cell = read(row, operand.col);
    if (!cell) return null;
    const { value, weighted } = operandValue(cell);
    return { value, cells: [cell], cols: [operand.col], weighted };
  }
  const [left, right] = operand.minus;
  const a = read(row, left);
  const b = read(row, right);
  if (!a || !b || !unitsCompatible(a, b)) return null;
  return {
    value: fromExcelNumber(a.value).minus(fromExcelNumber(b.value)),
    cells: [a, b],
    cols: [left, right],
    weighted: false,
  };
}

function inverseCapaian(
  realisasi: Decimal,
  target: Decimal,
  method: "2t-r" | "t/r",
): Decimal | null {
  if (method === "t/r") return realisasi.isZero() ? null : target.div(realisasi).times(HUNDRED);
  return target.times(2).minus(realisasi).div(target).times(HUNDRED);
}

export function evaluateRatio(
  relation: RatioRelation,
  row: number,
  read: Reader,
  options: EvaluateOptions,
): Outcome {
  const printed = read(row, relation.result.col);
  const numerator = readOperand(relation.numerator, row, read);
  const denominatorCell = read(row, relation.denominator);
  if (!printed || !numerator || !denominatorCell) return { status: "skip" };
  if (!numerator.cells.every((c) => unitsCompatible(c, denominatorCell))) return { status: "skip" };
  const denominator = operandValue(denominatorCell);
  // Zero: #DIV/0! (nothing to compare); negative: not a pagu or target anyone divides by.
  if (denominator.value.lte(0)) return { status: "skip" };
  const expected = numerator.value.div(denominator.value).times(relation.scale);
  const candidates = [expected];
  if (relation.capaian && options.inverse && relation.scale === 100) {
    const inverse = inverseCapaian(numerator.value, denominator.value, options.inverse);
    if (inverse) candidates.push(inverse);
  }
  const agreements = candidates.flatMap((x) => {
    const own = [agreementOf(printed, x)];
    // A printed weighted result "100% (80%)" may be read by either of its numbers.
    if (printed.secondary !== null)
      own.push(comparePrinted(printed.secondary, x, printed.decimals));
    return own;
  });
  return {
    status: best(agreements),
    expected,
    printed,
    inputs: [numerator.value, denominator.value],
    inputCols: [...numerator.cols, relation.denominator],
    weighted: numerator.weighted || denominator.weighted,
  };
}

export function evaluateDifference(
  relation: DifferenceRelation,
  row: number,
  read: Reader,
  options: EvaluateOptions,
): Outcome {
  const printed = read(row, relation.result.col);
  const a = read(row, relation.a);
  const b = read(row, relation.b);
  if (!printed || !a || !b || !unitsCompatible(a, b)) return { status: "skip" };
  const av = fromExcelNumber(a.value);
  const bv = fromExcelNumber(b.value);
  const expected = av.minus(bv);
  const outcome = {
    expected,
    printed,
    inputs: [av, bv],
    inputCols: [relation.a, relation.b],
    weighted: false,
  };
  const agreement = agreementOf(printed, expected);
  if (isAccepted(agreement)) return { status: "ok", ...outcome };
  const p = fromExcelNumber(printed.value);
  if (relation.money && p.minus(expected).abs().lte(options.rupiahTolerance)) {
    return { status: "ok", ...outcome };
  }
  // The size is right, the direction is not (an unsigned "Naik / Turun"): DOMAIN.md §6.4.
  if (!expected.isZero() && isAccepted(agreementOf(printed, expected.negated()))) {
    return { status: "sign", ...outcome };
  }
  return { status: agreement === "near-miss" ? "near-miss" : "mismatch", ...outcome };
}

export function evaluate(
  relation: Relation,
  row: number,
  read: Reader,
  options: EvaluateOptions,
): Outcome {
  return relation.kind === "ratio"
    ? evaluateRatio(relation, row, read, options)
    : evaluateDifference(relation, row, read, options);
}

/** Accepted as printed (within the printed precision, or truncated). */
export function fits(outcome: Outcome): boolean {
  return outcome.status === "ok";
}

/** Evaluable: the row has every input and a printed value. */
export function evaluable(outcome: Outcome): boolean {
  return outcome.status !== "skip";
}
