import type { CellNumber } from "../cellNumber";
import type { Rule, RuleContext } from "../check/context";
import type { Table } from "../check/table";
import type { Finding } from "../check/types";
import type { MessageParam } from "../messages";
import { DecimalMark, formatNumber } from "../numbers";
import { type RegionColumn, VALUE_ROLES } from "../recognize/types";
import { a1, columnLetters, valueAt } from "../snapshot";

/**
 * `number-as-text` (DOMAIN.md §3, §6.11): numbers typed as text, and decimal marks that
 * contradict the rest of the table. Tables are retyped from Word/PDF, so "53.00" lands beside
 * "88,72" and "20,614,676,801.00" beside "22.511.784.601,00": Excel cannot compute with such
 * cells, and a reader (or the NUMBERVALUE formulas of the summary sheets) may misread them.
 *
 * One finding per column per table for the text itself (first cell, count), and one per cell
 * whose decimal mark breaks the table's dominant convention or that is US-formatted.
 */

/**
 * A convention is dominant when at least this many cells use it and it outnumbers the other
 * mark at least this many times: two "," among three "." is a mixed table, not a stray.
 */
const MIN_DOMINANT_VOTES = 3;
const DOMINANCE_RATIO = 2;

/**
 * The mark an Excel number shows in the locale the documents are written for (Indonesian,
 * DOMAIN.md §3 [V]). A real number has no mark of its own; id-ID Excel shows it with ",".
 */
const DISPLAY_MARK_OF_NUMBERS: DecimalMark = ",";

interface ValueCell {
  row: number;
  col: number;
  /** Position in row then column order among the table's value cells. */
  seq: number;
  /** The cell's raw text ("" for a real number). */
  text: string;
  reading: CellNumber;
}

const isText = (cell: ValueCell): boolean => cell.reading.readAs === "text";

/** A 4-digit year typed alone ("2019") is a label, not a value stored as text. */
function looksLikeYear(cell: ValueCell): boolean {
  return isText(cell) && /^(19|20)\d\d$/.test(cell.text);
}

/**
 * A column-number row repeated inside the data ("1 2 3 …", "(1) (2) (3)"): at least three
 * small ordinals rising by one, and nothing else in the row.
 */
function isColumnNumberRow(table: Table, row: number): boolean {
  const { left, right } = table.region.range;
  // Runs on every row: counts the ordinals and checks the steps as it goes, without a list.
  let count = 0;
  let previous = 0;
  let rising = true;
  for (let col = left; col <= right; col++) {
    const ordinal = ordinalAt(table, row, col);
    if (ordinal === undefined) continue;
    if (ordinal === null) return false;
    if (count > 0 && ordinal !== previous + 1) rising = false;
    previous = ordinal;
    count++;
  }
  return count >= 3 && rising;
}

/**
 * A cell's column number ("7", "(7)", or the number 7), null when it holds anything else,
 * undefined when empty. Read from the raw value: this runs on every cell of every row.
 */
function ordinalAt(table: Table, row: number, col: number): number | null | undefined {
  const value = valueAt(table.sheet, row, col);
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 0 && value <= 99 ? value : null;
  const text = table.text(row, col);
  if (text === "") return undefined;
  const m = /^\(?\s*(\d{1,2})\s*\)?$/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * The numbers in the value columns of the table's value rows, in row then column order. Real
 * numbers that show a decimal mark are many (money with cents) and only vote, or serve as an
 * example, unless the table writes "." decimals: then (`all`) they are listed too, since each
 * is reported; otherwise they are counted, and the first of each column kept.
 */
interface ValueCells {
  cells: ValueCell[];
  /** Real numbers showing a mark that are not in `cells`. */
  shown: number;
  firstShown?: ValueCell;
  firstShownIn: Map<number, ValueCell>;
}

function valueColumns(table: Table): RegionColumn[] {
  return table.columns.filter((c) => c.role !== null && VALUE_ROLES.has(c.role));
}

/**
 * Whether a value cell of the table holds text (numbers typed as text are read from text
 * only). Tables without one report nothing: this scan of the raw values spares reading their
 * cells as numbers (hundreds of thousands on a big workbook, most of them read by no other rule).
 */
function hasTextValue(table: Table, columns: readonly RegionColumn[]): boolean {
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].kind === "section") continue;
    for (let k = 0; k < columns.length; k++) {
      if (typeof valueAt(table.sheet, rows[r].row, columns[k].col) === "string") return true;
    }
  }
  return false;
}

function valueCells(table: Table, all: boolean): ValueCells {
  const found: ValueCells = { cells: [], shown: 0, firstShownIn: new Map() };
  const columns = valueColumns(table);
  if (columns.length === 0) return found;
  let seq = 0;
  // Hundreds of thousands of cells show a mark: whether their column has its first yet is a
  // flag per column (by position in `columns`), not a map lookup per cell.
  const hasFirst = new Array<boolean>(columns.length).fill(false);
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r].row;
    if (rows[r].kind === "section" || isColumnNumberRow(table, row)) continue;
    for (let k = 0; k < columns.length; k++) {
      const col = columns[k].col;
      const reading = table.number(row, col);
      if (reading === null) continue;
      // A real number without decimals shows no mark: it neither votes, nor serves as an
      // example, nor is reported.
      if (reading.readAs !== "text" && reading.decimals === 0) continue;
      if (reading.readAs !== "text" && !all) {
        found.shown++;
        const at = seq++;
        if (!hasFirst[k]) {
          hasFirst[k] = true;
          // (Two columns of one position would share the first: never the case, but cheap.)
          if (found.firstShownIn.has(col)) continue;
          const cell = { row, col, seq: at, text: "", reading };
          found.firstShownIn.set(col, cell);
          found.firstShown ??= cell;
        }
        continue;
      }
      const text = reading.readAs === "text" ? table.text(row, col) : "";
      const cell = { row, col, seq: seq++, text, reading };
      if (!looksLikeYear(cell)) found.cells.push(cell);
    }
  }
  return found;
}

/**
 * The decimal mark a reader sees in the cell, or null when it shows none: text votes with its
 * typed mark, a real number with decimals with the display mark. US-formatted cells are
 * reported on their own and do not vote.
 */
function shownMark(cell: ValueCell): DecimalMark | null {
  if (isText(cell)) return cell.reading.usFormat ? null : cell.reading.decimalMark;
  return cell.reading.decimals > 0 ? DISPLAY_MARK_OF_NUMBERS : null;
}

/** The table's decimal mark when one clearly dominates, else null (a mixed table decides nothing). */
function dominantMark(cells: ValueCell[], otherCommas: number): DecimalMark | null {
  let dots = 0;
  let commas = otherCommas;
  for (const cell of cells) {
    const mark = shownMark(cell);
    if (mark === ".") dots++;
    else if (mark === ",") commas++;
  }
  const [winner, major, minor]: [DecimalMark, number, number] =
    dots > commas ? [".", dots, commas] : [",", commas, dots];
  return major >= MIN_DOMINANT_VOTES && major >= DOMINANCE_RATIO * minor ? winner : null;
}

/** "1.715" read as 1715: a single dot before exactly three digits, no decimals. */
function readAsGrouping(cell: ValueCell): boolean {
  return isText(cell) && cell.reading.ambiguous && cell.reading.decimalMark === null;
}

/** How the cell looks to a reader, quoted as an example of the table's convention. */
function shownText(cell: ValueCell): string {
  if (isText(cell)) return cell.text;
  const shown = formatNumber(cell.reading.value, "id", cell.reading.decimals);
  return cell.reading.isPercent ? `${shown}%` : shown;
}

/**
 * A cell that shows the dominant mark, quoted in messages: from the same column when there is
 * one (the reader compares "85.39" with "93,77" above it), else from the table. For a "."
 * table only text qualifies: a real number's display mark depends on the user's Excel.
 */
function exampleFor(
  cell: ValueCell,
  found: ValueCells,
  dominant: DecimalMark,
): ValueCell | undefined {
  const qualifies = (c: ValueCell): boolean =>
    shownMark(c) === dominant && (dominant === "," || isText(c));
  const { cells } = found;
  // Real numbers not listed show the display mark ","; the first of each column stands for them.
  const inColumn = earliest(
    cells.find((c) => c.col === cell.col && qualifies(c)),
    dominant === "," ? found.firstShownIn.get(cell.col) : undefined,
  );
  return (
    inColumn ?? earliest(cells.find(qualifies), dominant === "," ? found.firstShown : undefined)
  );
}

function earliest(a: ValueCell | undefined, b: ValueCell | undefined): ValueCell | undefined {
  if (!a || !b) return a ?? b;
  return a.seq <= b.seq ? a : b;
}

function numberParam(cell: ValueCell): MessageParam {
  return { number: cell.reading.value, decimals: cell.reading.decimals };
}

/** One "numbers stored as text" finding per column: the first such cell, with the count. */
function textColumnFindings(ctx: RuleContext, table: Table, cells: ValueCell[]): Finding[] {
  const byColumn = new Map<number, ValueCell[]>();
  for (const cell of cells.filter(isText)) {
    const list = byColumn.get(cell.col) ?? [];
    list.push(cell);
    byColumn.set(cell.col, list);
  }
  return [...byColumn.entries()]
    .sort(([a], [b]) => a - b)
    .map(([col, list]) => {
      const first = list[0];
      return ctx.finding("number-as-text", {
        at: table.ref(first.row, col),
        indicator: table.label(first.row),
        message: {
          id: "numberAsText.column",
          params: {
            column: columnLetters(col),
            count: list.length,
            cell: a1(first.row, col),
            text: first.text,
          },
        },
      });
    });
}

/** Per-cell findings: US format, a mark against the table's convention, an ambiguous "1.715". */
function markFindings(
  ctx: RuleContext,
  table: Table,
  found: ValueCells,
  dominant: DecimalMark | null,
): Finding[] {
  const findings: Finding[] = [];
  const report = (cell: ValueCell, id: MarkMessageId, extra = {}): void => {
    const example = dominant === null ? undefined : exampleFor(cell, found, dominant);
    findings.push(
      ctx.finding("number-as-text", {
        at: table.ref(cell.row, cell.col),
        indicator: table.label(cell.row),
        message: messageOf(id, {
          cell: a1(cell.row, cell.col),
          text: cell.text,
          example: example ? shownText(example) : "",
          ...extra,
        }),
      }),
    );
  };
  for (const cell of found.cells) {
    if (isText(cell) && cell.reading.usFormat) {
      report(cell, "numberAsText.usFormat", { indonesian: numberParam(cell) });
      continue;
    }
    if (dominant === null) continue;
    const mark = shownMark(cell);
    if (mark !== null && mark !== dominant) {
      if (!isText(cell)) report(cell, "numberAsText.numberInDotTable", { shown: shownText(cell) });
      else if (mark === ".") report(cell, "numberAsText.dotInCommaTable");
      else report(cell, "numberAsText.commaInDotTable");
    } else if (dominant === "." && readAsGrouping(cell)) {
      // DOMAIN.md §3 rule 3: in a dot-decimal table "1.715" may be 1,715 rather than 1715.
      const alternative = cell.text.replace(/^(\D*\d+)\.(\d{3})/, "$1,$2");
      report(cell, "numberAsText.ambiguousGrouping", {
        value: numberParam(cell),
        alternative: `"${alternative}"`,
      });
    }
  }
  return findings;
}

type MarkMessageId =
  | "numberAsText.usFormat"
  | "numberAsText.dotInCommaTable"
  | "numberAsText.commaInDotTable"
  | "numberAsText.numberInDotTable"
  | "numberAsText.ambiguousGrouping";

function messageOf(id: MarkMessageId, params: Record<string, MessageParam>) {
  return { id, params };
}

export const numberAsText: Rule = {
  id: "number-as-text",
  run(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!hasTextValue(table, valueColumns(table))) continue;
      let found = valueCells(table, false);
      // Real numbers alone report nothing: they all show the display mark.
      if (found.cells.length === 0) continue;
      const dominant = dominantMark(found.cells, found.shown);
      // A "." table reports each real number that shows ",": list them all.
      if (dominant === ".") found = valueCells(table, true);
      findings.push(
        ...textColumnFindings(ctx, table, found.cells),
        ...markFindings(ctx, table, found, dominant),
      );
    }
    return findings;
  },
};
