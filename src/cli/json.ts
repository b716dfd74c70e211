import type {
  ColumnRole,
  PkVariant,
  Region,
  RegionColumn,
  RegionKind,
} from "../core/recognize/types";
import { columnLetters, rangeA1 } from "../core/snapshot";

/**
 * The `--json` output of CONTRACT.md. Outside programs read it: keys are never renamed;
 * attributes beyond the CONTRACT's example (cumulative, endOfPeriod, period, source on
 * columns; confidence and overridden on regions) are additive and appear only when set.
 */

export interface ColumnJson {
  col: string;
  role: ColumnRole;
  year?: number;
  variant?: PkVariant;
  cumulative?: boolean;
  endOfPeriod?: boolean;
  period?: string;
  source?: NonNullable<RegionColumn["source"]>;
}

export interface RegionJson {
  sheet: string;
  range: string;
  header: string;
  kind: RegionKind;
  year?: number;
  columns: ColumnJson[];
  /** 0–1, two decimals. */
  confidence: number;
  overridden?: true;
}

export interface FileJson {
  file: string;
  regions: RegionJson[];
}

/** A cell a finding refers to. */
export interface CellRefJson {
  file: string;
  sheet: string;
  cell: string;
}

/** A finding as CONTRACT.md prints it (filled by the check command). */
export interface FindingJson extends CellRefJson {
  rule: string;
  severity: "error" | "warning" | "info";
  indicator?: string;
  expected?: number;
  actual?: number;
  message: string;
  related?: CellRefJson[];
}

export interface ContractJson {
  files: FileJson[];
  findings: FindingJson[];
}

function columnToJson(column: RegionColumn): ColumnJson | null {
  if (column.role === null) return null;
  const out: ColumnJson = { col: columnLetters(column.col), role: column.role };
  if (column.year !== undefined) out.year = column.year;
  if (column.variant !== undefined) out.variant = column.variant;
  if (column.cumulative !== undefined) out.cumulative = column.cumulative;
  if (column.endOfPeriod !== undefined) out.endOfPeriod = column.endOfPeriod;
  if (column.period !== undefined) out.period = column.period;
  if (column.source !== undefined) out.source = column.source;
  return out;
}

export function regionToJson(region: Region): RegionJson {
  const columns: ColumnJson[] = [];
  for (const column of region.columns) {
    const json = columnToJson(column);
    if (json) columns.push(json);
  }
  // Key order as in CONTRACT.md (year before columns); the additive keys come last.
  const out: RegionJson = {
    sheet: region.sheet,
    range: rangeA1(region.range),
    header: rangeA1(region.header),
    kind: region.kind,
    ...(region.year !== undefined ? { year: region.year } : {}),
    columns,
    confidence: Math.round(region.confidence * 100) / 100,
  };
  if (region.overridden) out.overridden = true;
  return out;
}

/** One file's entry of `files`: its path as the user gave it, and its regions. */
export function regionsToJson(file: string, regions: Region[]): FileJson {
  return { file, regions: regions.map(regionToJson) };
}

/** The whole document: `{ "files": [...], "findings": [...] }`. */
export function contractJson(files: FileJson[], findings: FindingJson[] = []): ContractJson {
  return { files, findings };
}
