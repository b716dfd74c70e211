import type { CellNumber } from "../../cellNumber";
import type { Table } from "../../check/table";
import { Decimal, fromExcelNumber } from "../../decimal";
import type { RegionColumn, RegionRow } from "../../recognize/types";
import { comparePrinted, comparePrintedFast, isAccepted } from "../../numbers";

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

/** The outcome of every row without a printed value or an input (most rows of most tables). */
const SKIP: Outcome = Object.freeze({ status: "skip" });

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

type Decided = "ok" | "near-miss" | "mismatch" | "sign";

/**
 * An outcome decided in floats: its decimals (for the findings and the few readers that want
 * them) are computed on first use, by the exact path. Nearly every row of a table agrees, and
 * building decimals for all of them was most of a check's time on big workbooks. A class with
 * getters on its prototype: object literals with accessors and closures per row cost more
 * than the decimals they saved.
 */
class DecidedOutcome {
  private values: { expected: Decimal; inputs: Decimal[] } | null = null;

  constructor(
    readonly status: Decided,
    readonly printed: CellNumber,
    readonly weighted: boolean,
    private readonly relation: Relation,
    private readonly row: number,
    private readonly read: Reader,
  ) {}

  get inputCols(): number[] {
    return inputColsOf(this.relation);
  }

  private exact(): { expected: Decimal; inputs: Decimal[] } {
    if (this.values === null) {
      // The cells were read (and found numbers) when the status was decided.
      const cells = this.inputCols.map((col) => this.read(this.row, col) as CellNumber);
      this.values = exactValues(this.relation, cells);
    }
    return this.values;
  }

  get expected(): Decimal {
    return this.exact().expected;
  }

  get inputs(): Decimal[] {
    return this.exact().inputs;
  }
}

const INPUT_COLS = new WeakMap<Relation, number[]>();

/**
 * The columns a relation reads, in exactValues' order: a ratio's numerator column (or the two
 * of a difference numerator) then its denominator; a difference's two columns. Shared by
 * every row's outcome: callers must not change the list.
 */
function inputColsOf(relation: Relation): number[] {
  let cols = INPUT_COLS.get(relation);
  if (cols === undefined) {
    if (relation.kind === "difference") cols = [relation.a, relation.b];
    else if ("col" in relation.numerator) cols = [relation.numerator.col, relation.denominator];
    else cols = [...relation.numerator.minus, relation.denominator];
    INPUT_COLS.set(relation, cols);
  }
  return cols;
}

/**
 * The exact inputs and result of a relation from its cells: a ratio's numerator cell (or the
 * two cells of a difference numerator) then its denominator cell; a difference's two cells.
 */
function exactValues(
  relation: Relation,
  cells: CellNumber[],
): { expected: Decimal; inputs: Decimal[] } {
  if (relation.kind === "difference") {
    const a = fromExcelNumber(cells[0].value);
    const b = fromExcelNumber(cells[1].value);
    return { expected: a.minus(b), inputs: [a, b] };
  }
  const numerator =
    cells.length === 3
      ? fromExcelNumber(cells[0].value).minus(fromExcelNumber(cells[1].value))
      : operandValue(cells[0]).value;
  const denominator = operandValue(cells[cells.length - 1]).value;
  return {
    expected: numerator.div(denominator).times(relation.scale),
    inputs: [numerator, denominator],
  };
}

/** The float an operand cell contributes (the bracketed share where printed). */
function operandFloat(cell: CellNumber): number {
  return cell.secondary !== null ? cell.secondary : cell.value;
}

function inverseCapaian(
  realisasi: Decimal,
  target: Decimal,
  method: "2t-r" | "t/r",
): Decimal | null {
  if (method === "t/r") return realisasi.isZero() ? null : target.div(realisasi).times(HUNDRED);
  return target.times(2).minus(realisasi).div(target).times(HUNDRED);
}

/** The inverse capaian in floats; null where the exact path must decide (r near zero). */
function inverseFloat(realisasi: number, target: number, method: "2t-r" | "t/r"): number | null {
  if (method === "t/r") {
    // A difference operand that is zero at 15 digits may not be zero in floats.
    if (Math.abs(realisasi) <= 1e-9 * Math.abs(target)) return null;
    return (target / realisasi) * 100;
  }
  return ((target * 2 - realisasi) / target) * 100;
}

/**
 * A ratio's status in floats, or null when any comparison is near a bound (or not finite):
 * then the decimals decide. Same candidates and order as the exact path.
 */
function ratioStatusFast(
  relation: RatioRelation,
  printed: CellNumber,
  numerator: number,
  denominator: number,
  inverse: EvaluateOptions["inverse"],
): "ok" | "near-miss" | "mismatch" | null {
  const direct = (numerator / denominator) * relation.scale;
  let inverted: number | null = null;
  if (relation.capaian && inverse && relation.scale === 100) {
    inverted = inverseFloat(numerator, denominator, inverse);
    if (inverted === null) return null;
  }
  // best() of every candidate against every printed reading, without building the lists
  // (millions of rows): any comparison near a bound sends the whole row the exact way.
  let status: "ok" | "near-miss" | "mismatch" = "mismatch";
  for (let k = 0; k < (inverted === null ? 1 : 2); k++) {
    const x = k === 0 ? direct : (inverted as number);
    for (let j = 0; j < (printed.secondary === null ? 1 : 2); j++) {
      const value = j === 0 ? printed.value : (printed.secondary as number);
      const agreement = comparePrintedFast(value, x, printed.decimals);
      if (agreement === null) return null;
      if (isAccepted(agreement)) status = "ok";
      else if (agreement === "near-miss" && status === "mismatch") status = "near-miss";
    }
  }
  return status;
}

/**
 * A ratio's status in a row decided in floats: "skip" when the row lacks an input (or the
 * inputs cannot be divided), null when the decimals must decide. Reads the cells and builds
 * nothing: most rows of most tables agree, and callers that want the status alone (the
 * plain statuses below) need no outcome for them.
 */
function ratioStatusOfRow(
  relation: RatioRelation,
  row: number,
  read: Reader,
  inverse: EvaluateOptions["inverse"],
): Decided | "skip" | null {
  const printed = read(row, relation.result.col);
  const denominatorCell = read(row, relation.denominator);
  if (!printed || !denominatorCell) return "skip";
  let numeratorFloat: number;
  const operand = relation.numerator;
  if ("col" in operand) {
    const cell = read(row, operand.col);
    if (!cell || !unitsCompatible(cell, denominatorCell)) return "skip";
    numeratorFloat = operandFloat(cell);
  } else {
    const [left, right] = operand.minus;
    const a = read(row, left);
    const b = read(row, right);
    if (!a || !b || !unitsCompatible(a, b)) return "skip";
    if (!unitsCompatible(a, denominatorCell) || !unitsCompatible(b, denominatorCell)) return "skip";
    numeratorFloat = a.value - b.value;
  }
  // Zero: #DIV/0! (nothing to compare); negative: not a pagu or target anyone divides by.
  // (A float has the sign, and the zero, of its 15-digit decimal.)
  const denominatorFloat = operandFloat(denominatorCell);
  if (denominatorFloat <= 0) return "skip";
  return ratioStatusFast(relation, printed, numeratorFloat, denominatorFloat, inverse);
}

/** The bracketed share of an operand counts ("100% (80%)" → 80): not for a pagu − realisasi. */
function isWeighted(relation: RatioRelation, row: number, read: Reader): boolean {
  if ((read(row, relation.denominator) as CellNumber).secondary !== null) return true;
  const operand = relation.numerator;
  return "col" in operand && (read(row, operand.col) as CellNumber).secondary !== null;
}

export function evaluateRatio(
  relation: RatioRelation,
  row: number,
  read: Reader,
  options: EvaluateOptions,
): Outcome {
  const fast = ratioStatusOfRow(relation, row, read, options.inverse);
  if (fast === "skip") return SKIP;
  // Not skipped: the printed value and every input are numbers (read again: cached cells).
  const printed = read(row, relation.result.col) as CellNumber;
  const weighted = isWeighted(relation, row, read);
  if (fast !== null) return new DecidedOutcome(fast, printed, weighted, relation, row, read);

  const inputCols = inputColsOf(relation);
  const cells = inputCols.map((col) => read(row, col) as CellNumber);
  const { expected, inputs } = exactValues(relation, cells);
  const candidates = [expected];
  if (relation.capaian && options.inverse && relation.scale === 100) {
    const inverse = inverseCapaian(inputs[0], inputs[1], options.inverse);
    if (inverse) candidates.push(inverse);
  }
  const agreements = candidates.flatMap((x) => {
    const own = [agreementOf(printed, x)];
    // A printed weighted result "100% (80%)" may be read by either of its numbers.
    if (printed.secondary !== null)
      own.push(comparePrinted(printed.secondary, x, printed.decimals));
    return own;
  });
  return { status: best(agreements), expected, printed, inputs, inputCols, weighted };
}

/** A difference's status in floats, or null when a comparison is near a bound. */
function differenceStatusFast(
  printed: CellNumber,
  x: number,
  money: boolean,
  rupiahTolerance: number,
): Decided | null {
  if (!Number.isFinite(x)) return null;
  const agreement = comparePrintedFast(printed.value, x, printed.decimals);
  if (agreement === null) return null;
  if (isAccepted(agreement)) return "ok";
  if (money) {
    const gap = Math.abs(printed.value - x);
    const margin = 1e-9 * Math.max(1, Math.abs(printed.value), Math.abs(x));
    if (Math.abs(gap - rupiahTolerance) <= margin) return null;
    if (gap < rupiahTolerance) return "ok";
  }
  if (x !== 0) {
    const negated = comparePrintedFast(printed.value, -x, printed.decimals);
    if (negated === null) return null;
    if (isAccepted(negated)) return "sign";
  }
  return agreement === "near-miss" ? "near-miss" : "mismatch";
}

/** A difference's status in a row decided in floats, "skip" or null; builds nothing. */
function differenceStatusOfRow(
  relation: DifferenceRelation,
  row: number,
  read: Reader,
  rupiahTolerance: number,
): Decided | "skip" | null {
  const printed = read(row, relation.result.col);
  const a = read(row, relation.a);
  const b = read(row, relation.b);
  if (!printed || !a || !b || !unitsCompatible(a, b)) return "skip";
  return differenceStatusFast(printed, a.value - b.value, relation.money, rupiahTolerance);
}

export function evaluateDifference(
  relation: DifferenceRelation,
  row: number,
  read: Reader,
  options: EvaluateOptions,
): Outcome {
  const fast = differenceStatusOfRow(relation, row, read, options.rupiahTolerance);
  if (fast === "skip") return SKIP;
  // Not skipped: the three cells are numbers (read again: cached cells).
  const printed = read(row, relation.result.col) as CellNumber;
  const a = read(row, relation.a) as CellNumber;
  const b = read(row, relation.b) as CellNumber;
  if (fast !== null) return new DecidedOutcome(fast, printed, false, relation, row, read);

  const inputCols = inputColsOf(relation);
  const { expected, inputs } = exactValues(relation, [a, b]);
  const outcome = { expected, printed, inputs, inputCols, weighted: false };
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

/** A relation's status in a row, without building an outcome where floats decide it. */
function statusOf(
  relation: Relation,
  row: number,
  read: Reader,
  options: EvaluateOptions,
): Outcome["status"] {
  const fast =
    relation.kind === "ratio"
      ? ratioStatusOfRow(relation, row, read, options.inverse)
      : differenceStatusOfRow(relation, row, read, options.rupiahTolerance);
  return fast ?? evaluate(relation, row, read, options).status;
}

/** Accepted as printed (within the printed precision, or truncated). */
export function fits(outcome: Outcome): boolean {
  return outcome.status === "ok";
}

/** Evaluable: the row has every input and a printed value. */
export function evaluable(outcome: Outcome): boolean {
  return outcome.status !== "skip";
}

// ---------------------------------------------------------------------------------------
// Plain statuses, kept per table reader.

const STATUS_CODES: Outcome["status"][] = ["skip", "ok", "near-miss", "mismatch", "sign"];

/**
 * Per relation, each row's status under the plain options (no Rupiah tolerance, no inverse
 * capaian). Finding a table's relations, finding its shifted rows and both rules evaluate the
 * same rows with the same reader; only rows that may be reported are evaluated in full again.
 */
export class PlainStatuses {
  /** Per row of the table's range, its status code + 1 (0: not yet evaluated). */
  private readonly codes: Uint8Array;
  private readonly top: number;

  constructor(
    table: Table,
    private readonly relation: Relation,
    private readonly read: Reader,
  ) {
    const { top, bottom } = table.region.range;
    this.top = top;
    this.codes = new Uint8Array(bottom - top + 1);
  }

  at(row: number): Outcome["status"] {
    const i = row - this.top;
    if (i < 0 || i >= this.codes.length) return statusOf(this.relation, row, this.read, PLAIN);
    if (this.codes[i] === 0) {
      this.codes[i] = STATUS_CODES.indexOf(statusOf(this.relation, row, this.read, PLAIN)) + 1;
    }
    return STATUS_CODES[this.codes[i] - 1];
  }
}

const PLAIN_STATUSES = new WeakMap<Reader, Map<Relation, PlainStatuses>>();
const PLAIN: EvaluateOptions = Object.freeze({ rupiahTolerance: 0, inverse: null });

/** True when the options change no outcome from the plain ones. */
export function isPlain(options: EvaluateOptions): boolean {
  return options.rupiahTolerance === 0 && !options.inverse;
}

/**
 * The plain statuses of a relation in a table's rows, kept per reader. `read` must be the
 * table's own reader (tableReader): it keys the cache. Loops over rows take this once.
 */
export function plainStatuses(table: Table, relation: Relation, read: Reader): PlainStatuses {
  let byRelation = PLAIN_STATUSES.get(read);
  if (byRelation === undefined) PLAIN_STATUSES.set(read, (byRelation = new Map()));
  let statuses = byRelation.get(relation);
  if (statuses === undefined)
    byRelation.set(relation, (statuses = new PlainStatuses(table, relation, read)));
  return statuses;
}
