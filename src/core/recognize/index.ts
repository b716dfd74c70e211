import { applyOverrides } from "../overrides";
import type { SheetSnapshot } from "../snapshot";
import { recogniseColumns } from "./columns";
import { Grid } from "./grid";
import { classify } from "./kind";
import { recogniseRows } from "./rows";
import { findTables, TableBounds } from "./tables";
import type { Region, RegionOverride } from "./types";

export * from "./types";

export interface RecogniseOptions {
  /** User corrections; they win over what the recogniser decides. */
  overrides?: RegionOverride[];
}

function captionOf(grid: Grid, t: TableBounds): string {
  return t.captionRows
    .map((r) =>
      grid
        .cellsIn(r, t.left, t.right)
        .map((c) => grid.text(r, c))
        .join(" "),
    )
    .join(" ")
    .trim();
}

function yearOf(caption: string): number | undefined {
  const years = [...caption.matchAll(/\b(20\d\d|19\d\d)\b/g)].map((m) => Number(m[1]));
  return years.length > 0 ? years[years.length - 1] : undefined;
}

/** Every planning table of one sheet. */
export function recogniseSheet(sheet: SheetSnapshot): Region[] {
  // The product's own summary sheets restate the planner's tables: reading them as tables
  // would check the summary against its own sources.
  if (sheet.summary !== undefined) return [];
  const grid = new Grid(sheet);
  return findTables(grid).map((t) => {
    const columns = recogniseColumns(grid, t);
    const caption = captionOf(grid, t);
    const kind = classify(columns, caption, sheet.name);
    const rows = recogniseRows(grid, t, columns);
    const year = yearOf(caption);
    const region: Region = {
      sheet: sheet.name,
      range: { top: t.top, left: t.left, bottom: t.bottom, right: t.right },
      header: { top: t.top, left: t.left, bottom: t.headerBottom, right: t.right },
      dataTop: t.headerBottom + 1,
      kind: kind.kind,
      caption: caption || sheet.name,
      columns,
      rows,
      confidence: kind.confidence,
      evidence: kind.evidence,
    };
    if (t.numberRow !== undefined) region.numberRow = t.numberRow;
    if (year !== undefined) region.year = year;
    return region;
  });
}

/**
 * Find every planning table in the sheets; a sheet without tables gives none. The user's
 * corrections (kind, column roles) are applied last, so they win on every run.
 */
export function recognise(sheets: SheetSnapshot[], options: RecogniseOptions = {}): Region[] {
  const regions = sheets.flatMap(recogniseSheet);
  if (!options.overrides || options.overrides.length === 0) return regions;
  return applyOverrides(regions, options.overrides).regions;
}
