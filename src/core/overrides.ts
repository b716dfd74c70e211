import { renderMessage } from "./messages";
import type { Evidence, Region, RegionColumn, RegionOverride } from "./recognize/types";
import { columnIndex, parseRangeA1, rangeA1 } from "./snapshot";

/**
 * User corrections of recognised regions (from the workbook's document settings or a
 * `--config` file). An override finds its table by sheet name and header range; what it
 * sets wins over the recogniser and counts as certain (confidence 1).
 */

export interface OverrideResult {
  regions: Region[];
  /** Overrides that matched no region: the caller warns about them. */
  unmatched: RegionOverride[];
}

/** "$a$3:$i$4" → "A3:I4"; null when it is not a range. */
function normaliseRange(text: string): string | null {
  const range = parseRangeA1(text.trim().replace(/\$/g, ""));
  return range ? rangeA1(range) : null;
}

/** Same sheet (Excel compares sheet names case-insensitively) and same header range. */
export function overrideMatches(region: Region, override: RegionOverride): boolean {
  if (region.sheet.toLowerCase() !== override.sheet.trim().toLowerCase()) return false;
  const header = normaliseRange(override.header);
  return header !== null && header === rangeA1(region.header);
}

function userEvidence(reason: string): Evidence {
  return { reason, weight: 1 };
}

function applyOne(region: Region, override: RegionOverride): Region {
  const next: Region = {
    ...region,
    columns: region.columns.map((column) => ({ ...column })),
    evidence: [...region.evidence],
    overridden: true,
  };
  if (override.kind !== undefined) {
    next.kind = override.kind;
    next.confidence = 1;
    next.evidence.push(
      userEvidence(renderMessage({ id: "override.kind", params: { kind: override.kind } }, "id")),
    );
  }
  for (const [letters, setting] of Object.entries(override.columns ?? {})) {
    if (!/^[A-Za-z]{1,3}$/.test(letters)) continue;
    const col = columnIndex(letters);
    let column = next.columns.find((c) => c.col === col);
    if (!column) {
      column = { col, header: "", role: null, confidence: 1, evidence: [] };
      next.columns.push(column);
    }
    const updated: RegionColumn = { ...column, role: setting.role, confidence: 1 };
    delete updated.year;
    delete updated.variant;
    if (setting.role !== null && setting.year !== undefined) updated.year = setting.year;
    if (setting.role !== null && setting.variant !== undefined) updated.variant = setting.variant;
    const reason =
      setting.role === null
        ? renderMessage({ id: "override.columnCleared" }, "id")
        : renderMessage({ id: "override.column", params: { role: setting.role } }, "id");
    updated.evidence = [...column.evidence, userEvidence(reason)];
    next.columns[next.columns.indexOf(column)] = updated;
  }
  next.columns.sort((a, b) => a.col - b.col);
  return next;
}

/**
 * Apply the user's overrides: a matching override's `kind` replaces the region's kind and
 * its `columns` replace those columns' role, year and variant (a column the region does not
 * have is added). Pure: the input regions are not modified. Several overrides for one region
 * apply in order.
 */
export function applyOverrides(regions: Region[], overrides: RegionOverride[]): OverrideResult {
  const used = new Set<RegionOverride>();
  const result = regions.map((region) => {
    let current = region;
    for (const override of overrides) {
      if (!overrideMatches(region, override)) continue;
      used.add(override);
      current = applyOne(current, override);
    }
    return current;
  });
  return { regions: result, unmatched: overrides.filter((o) => !used.has(o)) };
}
