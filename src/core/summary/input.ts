import type { CheckSettings } from "../check/settings";
import { settingFor } from "../check/settings";
import type { CheckWorkbook, Finding } from "../check/types";
import type {
  IndicatorEntry,
  IndicatorGroup,
  ModelValue,
  PlanningModel,
  RealisasiEntry,
  TargetEntry,
} from "../extract/types";
import type { Polarity } from "../formulas/capaian";
import type { Lang } from "../messages";
import type { SheetSnapshot } from "../snapshot";
import { sourceOperand, SourceOperand } from "./source";

/** What core/summary reads: one workbook's tables, its model, its findings, the settings. */
export interface SummaryInput {
  workbook: CheckWorkbook;
  model: PlanningModel;
  findings: Finding[];
  settings: CheckSettings;
  /** The language of the Temuan messages; headers follow the report (Indonesian). */
  lang: Lang;
}

/** Lookups the sheet builders share. */
export class SummaryContext {
  private readonly sheets: Map<string, SheetSnapshot>;
  readonly year: number | null;

  constructor(readonly input: SummaryInput) {
    this.sheets = new Map(input.workbook.sheets.map((s) => [s.name, s]));
    this.year = reportYear(input);
  }

  get model(): PlanningModel {
    return this.input.model;
  }

  get settings(): CheckSettings {
    return this.input.settings;
  }

  operand(value: ModelValue): SourceOperand {
    return sourceOperand(value, this.sheets.get(value.at.sheet));
  }

  /** Only this workbook's entries (a batch's model may hold other files). */
  ownEntry(entry: IndicatorEntry): boolean {
    return entry.table.file === this.input.workbook.file;
  }

  members(group: IndicatorGroup): IndicatorEntry[] {
    return group.members
      .map((id) => this.model.indicators[id])
      .filter((e) => e !== undefined && this.ownEntry(e))
      .sort((a, b) => a.tableIndex - b.tableIndex || a.row - b.row);
  }

  /** The user's setting, else what the tables say, else higher-is-better (DOMAIN.md §4.1). */
  polarity(entries: IndicatorEntry[]): { polarity: Polarity; assumed: boolean } {
    for (const e of entries) {
      const configured = settingFor(this.settings.polarity, e.name);
      if (configured) return { polarity: configured, assumed: false };
    }
    const stated = entries.find((e) => e.polarity !== undefined)?.polarity;
    return stated ? { polarity: stated, assumed: false } : { polarity: "positif", assumed: true };
  }

  satuan(entries: IndicatorEntry[]): string {
    const stated = entries.find((e) => e.satuan)?.satuan;
    if (stated) return stated;
    const percent = entries.some(
      (e) =>
        e.targets.some((t) => t.number.isPercent) || e.realisasi.some((r) => r.number.isPercent),
    );
    return percent ? "%" : "";
  }

  /**
   * The sasaran an entry belongs to: its row's text, else the text of the rows above in the
   * same table (a sasaran cell merged over several indicator rows is read on its first row).
   */
  sasaran(entry: IndicatorEntry): string {
    if (entry.sasaran) return entry.sasaran;
    let best: IndicatorEntry | undefined;
    for (const e of this.withSasaran(entry.tableIndex)) {
      if (e.row >= entry.row) break;
      if (!best || e.row > best.row) best = e;
    }
    return best?.sasaran ?? "";
  }

  /** Per table, the entries that print a sasaran, by row (built once: every row asks). */
  private withSasaranByTable: Map<number, IndicatorEntry[]> | null = null;

  private withSasaran(tableIndex: number): IndicatorEntry[] {
    if (!this.withSasaranByTable) {
      this.withSasaranByTable = new Map();
      for (const e of this.model.indicators) {
        if (!e.sasaran) continue;
        const list = this.withSasaranByTable.get(e.tableIndex) ?? [];
        list.push(e);
        this.withSasaranByTable.set(e.tableIndex, list);
      }
      for (const list of this.withSasaranByTable.values()) list.sort((a, b) => a.row - b.row);
    }
    return this.withSasaranByTable.get(tableIndex) ?? [];
  }
}

function reportYear(input: SummaryInput): number | null {
  return input.model.documentYears[input.workbook.file] ?? input.settings.documentYear ?? null;
}

/** One indicator's measurement of a year: its target, and its realisasi when printed. */
export interface Measurement {
  entry: IndicatorEntry;
  target: TargetEntry;
  realisasi: RealisasiEntry | undefined;
}

export function annualTarget(entry: IndicatorEntry, year: number): TargetEntry | undefined {
  return entry.targets.find(
    (t) =>
      t.year === year &&
      t.type === "annual" &&
      t.period === undefined &&
      (t.role === "pengukuran" || t.role === "pk"),
  );
}

export function yearRealisasi(entry: IndicatorEntry, year: number): RealisasiEntry | undefined {
  return entry.realisasi.find((r) => r.year === year && r.period === undefined);
}

/**
 * The measurement of a group for `year`: the first measurement table (pengukuran, then
 * efisiensi) whose row prints the year's target and realisasi; one with the target only
 * when no table prints both.
 */
export function measurementOf(
  context: SummaryContext,
  group: IndicatorGroup,
  year: number,
): Measurement | undefined {
  const members = context.members(group);
  const rank = (e: IndicatorEntry) => (e.table.kind === "pengukuran" ? 0 : 1);
  const measured = members
    .filter((e) => e.table.kind === "pengukuran" || e.table.kind === "efisiensi")
    .sort((a, b) => rank(a) - rank(b));
  let targetOnly: Measurement | undefined;
  for (const entry of measured) {
    const target = annualTarget(entry, year);
    if (!target) continue;
    const realisasi = yearRealisasi(entry, year);
    if (realisasi) return { entry, target, realisasi };
    targetOnly ??= { entry, target, realisasi: undefined };
  }
  return targetOnly;
}

const STRATEGIC = new Set(["tujuan", "sasaran", "unknown"]);

export interface MeasuredRow {
  group: IndicatorGroup;
  measurement: Measurement;
  sasaran: string;
}

/** Indicators of the strategic levels (tujuan, sasaran) measured in the year, by sasaran. */
export function measuredRows(context: SummaryContext, year: number): MeasuredRow[] {
  const all: MeasuredRow[] = [];
  for (const group of context.model.groups) {
    const measurement = measurementOf(context, group, year);
    if (!measurement) continue;
    all.push({ group, measurement, sasaran: context.sasaran(measurement.entry) });
  }
  // Program and kegiatan indicators support the sasaran; they count only where the
  // workbook measures nothing at a strategic level.
  const strategic = all.filter((r) => STRATEGIC.has(r.group.level));
  const rows = strategic.length > 0 ? strategic : all;
  // Keep each sasaran's indicators together, in the order the sasaran first appears.
  const order = new Map<string, number>();
  rows.forEach((r) => order.set(r.sasaran, order.get(r.sasaran) ?? order.size));
  return rows
    .map((r, index) => ({ r, index }))
    .sort((a, b) => order.get(a.r.sasaran)! - order.get(b.r.sasaran)! || a.index - b.index)
    .map(({ r }) => r);
}
