import { runChecks, CheckSettings, DEFAULT_SETTINGS, parseSettings } from "../../src/core/check";
import type { Rule } from "../../src/core/check/context";
import type { CheckWorkbook, Finding, RuleId } from "../../src/core/check/types";
import { renderMessage } from "../../src/core/messages";
import { recognise } from "../../src/core/recognize";
import { CellValue, parseA1, SheetSnapshot } from "../../src/core/snapshot";
import { readSheetsFromFile } from "../../src/xlsx/readFile";
import { sharedPath } from "./shared";

/**
 * Helpers for rule tests: load a shared fixture workbook once, mutate a copy of its cells
 * (the DOMAIN.md §6 "mutate …" cases), run one rule or all, and find findings by cell.
 */

/** The shared fixture workbooks, by file name without ".xlsx". */
export const FIXTURE_NAMES = [
  "lkjip-semarang-2025",
  "lkjip-semarang-2025-onesheet",
  "renja-semarang-2021",
  "lakip-tangsel-2021",
] as const;

export type FixtureName = (typeof FIXTURE_NAMES)[number];

const sheetCache = new Map<string, Promise<SheetSnapshot[]>>();

export function fixtureSheets(name: FixtureName): Promise<SheetSnapshot[]> {
  let cached = sheetCache.get(name);
  if (!cached) {
    cached = readSheetsFromFile(sharedPath("fixtures", "workbooks", `${name}.xlsx`));
    sheetCache.set(name, cached);
  }
  return cached;
}

function cloneSheet(sheet: SheetSnapshot): SheetSnapshot {
  return {
    ...sheet,
    values: sheet.values.map((r) => [...r]),
    text: sheet.text.map((r) => [...r]),
    numberFormats: sheet.numberFormats.map((r) => [...r]),
    formulas: sheet.formulas.map((r) => [...r]),
  };
}

/** A cell edit: sheet name, A1 address, new value (a string is typed text, as a planner types it). */
export interface Edit {
  sheet: string;
  cell: string;
  value: CellValue;
  /** Replace the number format too (e.g. "0.00%" for a stored fraction). */
  format?: string;
}

/** Set cells of (copies of) the sheets; the originals in the cache are untouched. */
export function applyEdits(sheets: SheetSnapshot[], edits: Edit[]): SheetSnapshot[] {
  const out = sheets.map(cloneSheet);
  for (const edit of edits) {
    const sheet = out.find((s) => s.name === edit.sheet);
    const at = parseA1(edit.cell);
    if (!sheet || !at) throw new Error(`no cell ${edit.sheet}!${edit.cell}`);
    const r = at.row - sheet.origin.row;
    const c = at.col - sheet.origin.col;
    if (r < 0 || c < 0 || r >= sheet.values.length || c >= (sheet.values[r]?.length ?? 0)) {
      throw new Error(`cell ${edit.sheet}!${edit.cell} is outside the used range`);
    }
    sheet.values[r][c] = edit.value;
    sheet.text[r][c] = edit.value === null ? "" : String(edit.value);
    sheet.formulas[r][c] = null;
    if (edit.format !== undefined) sheet.numberFormats[r][c] = edit.format;
  }
  return out;
}

/** A fixture as the checks see it, optionally with edited cells. */
export async function fixtureWorkbook(
  name: FixtureName,
  edits: Edit[] = [],
): Promise<CheckWorkbook> {
  const sheets = applyEdits(await fixtureSheets(name), edits);
  return { file: `${name}.xlsx`, sheets, regions: recognise(sheets) };
}

export function settingsWith(raw: Record<string, unknown> = {}): CheckSettings {
  const { settings, problems } = parseSettings(raw, DEFAULT_SETTINGS);
  if (problems.length > 0) throw new Error(problems.map((p) => renderMessage(p)).join("; "));
  return settings;
}

/** Run one rule (or all) over workbooks; a rule that throws fails the test. */
export function check(
  workbooks: CheckWorkbook[],
  rules?: readonly Rule[],
  settings: CheckSettings = DEFAULT_SETTINGS,
): Finding[] {
  const result = runChecks(workbooks, settings, rules);
  if (result.problems.length > 0) {
    throw new Error(result.problems.map((p) => renderMessage(p)).join("; "));
  }
  return result.findings;
}

/** "Tabel 3.9!F12" style address of a finding's cell. */
export function where(finding: Finding): string {
  const col = finding.at.col;
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${finding.at.sheet}!${letters}${finding.at.row + 1}`;
}

/** The findings of a rule at a cell ("Tabel 3.9!F12"). */
export function findingsAt(findings: Finding[], address: string, rule?: RuleId): Finding[] {
  return findings.filter((f) => where(f) === address && (rule === undefined || f.rule === rule));
}

/** A readable list for failure output: "rule severity sheet!cell actual→expected message". */
export function describe(findings: Finding[]): string {
  return findings
    .map(
      (f) =>
        `${f.rule} ${f.severity} ${where(f)} ${f.actual ?? ""}→${f.expected ?? ""} ${renderMessage(f.message)}`,
    )
    .join("\n");
}

/** `findingsOf(name, edits?, settings?)`: one fixture (optionally edited) through the given rules. */
export function findingsWith(
  rules: readonly Rule[],
): (name: FixtureName, edits?: Edit[], raw?: Record<string, unknown>) => Promise<Finding[]> {
  return async (name, edits = [], raw = {}) =>
    check([await fixtureWorkbook(name, edits)], rules, settingsWith(raw));
}

/** The single finding (of a rule) at a cell, with a readable failure otherwise. */
export function onlyAt(findings: Finding[], address: string, rule?: RuleId): Finding {
  const at = findingsAt(findings, address, rule);
  if (at.length !== 1) {
    throw new Error(`expected one finding at ${address}, got:\n${describe(findings)}`);
  }
  return at[0];
}

/** One rule set's findings on the four fixture workbooks. */
export interface FixtureFindings {
  lt21: Finding[];
  rs21: Finding[];
  ls25: Finding[];
  ls25one: Finding[];
}

export async function findingsOnFixtures(
  findingsOf: (name: FixtureName) => Promise<Finding[]>,
): Promise<FixtureFindings> {
  const [lt21, rs21, ls25, ls25one] = await Promise.all([
    findingsOf("lakip-tangsel-2021"),
    findingsOf("renja-semarang-2021"),
    findingsOf("lkjip-semarang-2025"),
    findingsOf("lkjip-semarang-2025-onesheet"),
  ]);
  return { lt21, rs21, ls25, ls25one };
}
