import { a1, CellRange } from "../../src/core/snapshot";
import type { PlanStyle, SheetPlan } from "../../src/core/summary/plan";
import { columnWidthPoints } from "../../src/excel";
import { FakeExcel, FakeSheet, FakeStyle } from "../helpers/fakeExcel";

/** What a sheet in the fake holds, compared with the plan it was written from. */

function hex(color: string | undefined): string | undefined {
  if (color === undefined) return undefined;
  const h = color.replace(/^#/, "").toUpperCase();
  return "#" + (h.length === 8 ? h.slice(2) : h);
}

/** A plan style as the fake should hold it (the gateway's defaults applied). */
export function expectedStyle(
  style: PlanStyle | undefined,
  withIndent = true,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!style) return out;
  if (style.bold) out.bold = true;
  if (style.italic) out.italic = true;
  if (style.fontSize !== undefined) out.size = style.fontSize;
  if (style.fontColor) out.fontColor = hex(style.fontColor);
  if (style.fill) out.fill = hex(style.fill);
  if (style.border) out.border = true;
  const indent = style.indent && style.indent > 0 ? Math.round(style.indent) : 0;
  const horizontal = style.horizontal ?? (indent > 0 ? "left" : undefined);
  if (horizontal) out.horizontal = horizontal;
  if (style.vertical) out.vertical = style.vertical;
  if (style.wrap) out.wrap = true;
  if (indent > 0 && withIndent) out.indent = indent;
  return out;
}

/** The fake's cell style in plan terms; borders count when all four sides are thin lines. */
export function styleView(style: FakeStyle): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (style.bold) out.bold = true;
  if (style.italic) out.italic = true;
  if (style.size !== undefined) out.size = style.size;
  if (style.fontColor) out.fontColor = style.fontColor;
  if (style.fill) out.fill = style.fill;
  const sides = ["top", "bottom", "left", "right"] as const;
  const thin = sides.filter(
    (s) => style.borders?.[s]?.style === "Continuous" && style.borders?.[s]?.weight === "Thin",
  );
  if (thin.length === 4) out.border = true;
  else if (thin.length > 0) out.partialBorder = thin;
  if (style.horizontal) out.horizontal = style.horizontal.toLowerCase();
  if (style.vertical)
    out.vertical = style.vertical === "Center" ? "middle" : style.vertical.toLowerCase();
  if (style.wrap) out.wrap = true;
  if (style.indent) out.indent = style.indent;
  return out;
}

function validRange(r: CellRange): boolean {
  return (
    [r.top, r.left, r.bottom, r.right].every((n) => Number.isInteger(n) && n >= 0) &&
    r.bottom >= r.top &&
    r.right >= r.left
  );
}

export interface CheckOptions {
  /** ExcelApi features the host had (all by default). */
  indent?: boolean;
  pageLayout?: boolean;
  freeze?: boolean;
  charts?: boolean;
  conditionalFormats?: boolean;
}

/** Asserts that the sheet holds exactly what the plan asks for. */
export function expectSheetMatchesPlan(
  fake: FakeExcel,
  name: string,
  plan: SheetPlan,
  options: CheckOptions = {},
) {
  const o = {
    indent: true,
    pageLayout: true,
    freeze: true,
    charts: true,
    conditionalFormats: true,
    ...options,
  };
  const sheet: FakeSheet = fake.sheet(name);
  expect(sheet.name).toBe(name);

  // Cells: one per position, the later wins.
  const planned = new Map<string, SheetPlan["cells"][number]>();
  for (const c of plan.cells) planned.set(`${c.row},${c.col}`, c);
  for (const [position, c] of planned) {
    const cell = sheet.cell(c.row, c.col);
    const where = `${name}!${a1(c.row, c.col)} (${position})`;
    const hasFormula =
      typeof c.formula === "string" && c.formula.replace(/^\s*=/, "").trim() !== "";
    if (hasFormula) {
      expect({ where, formula: cell?.formula }).toEqual({
        where,
        formula: "=" + c.formula!.trim().replace(/^=/, ""),
      });
    } else {
      const value =
        c.value === "" || (typeof c.value === "number" && !Number.isFinite(c.value))
          ? null
          : c.value;
      expect({ where, value: cell?.value ?? null, formula: cell?.formula ?? null }).toEqual({
        where,
        value,
        formula: null,
      });
    }
    expect({ where, format: cell?.numberFormat ?? "General" }).toEqual({
      where,
      format: c.numberFormat || "General",
    });
    expect({ where, style: styleView(cell?.style ?? {}) }).toEqual({
      where,
      style: expectedStyle(c.style, o.indent),
    });
  }
  // Nothing else holds a value.
  for (const [k, cell] of sheet.cells) {
    const row = Math.floor(k / 16384);
    const col = k % 16384;
    if (planned.has(`${row},${col}`)) continue;
    expect({ at: a1(row, col), value: cell.value, formula: cell.formula }).toEqual({
      at: a1(row, col),
      value: null,
      formula: null,
    });
    expect({ at: a1(row, col), style: styleView(cell.style) }).toEqual({
      at: a1(row, col),
      style: {},
    });
  }

  // Merges (the valid, non-overlapping ones).
  const merges: CellRange[] = [];
  for (const m of plan.merges) {
    if (!validRange(m) || (m.top === m.bottom && m.left === m.right)) continue;
    if (
      merges.some(
        (x) => m.top <= x.bottom && x.top <= m.bottom && m.left <= x.right && x.left <= m.right,
      )
    )
      continue;
    merges.push(m);
  }
  expect(sheet.merges).toEqual(merges);

  // Column widths in points, row heights.
  const widths = new Map<number, number>();
  plan.columnWidths.forEach((w, i) => {
    if (typeof w === "number" && w > 0) widths.set(i, columnWidthPoints(w));
  });
  expect(new Map(sheet.columnWidths)).toEqual(widths);
  const heights = new Map<number, number>();
  for (const [row, h] of Object.entries(plan.rowHeights ?? {}))
    heights.set(Number(row), Math.min(h, 409));
  expect(new Map(sheet.rowHeights)).toEqual(heights);

  const rows = plan.freeze?.rows ?? 0;
  const columns = plan.freeze?.columns ?? 0;
  expect(sheet.freeze).toEqual(o.freeze && (rows > 0 || columns > 0) ? { rows, columns } : null);

  // Conditional formats, in priority order.
  const rules = o.conditionalFormats
    ? plan.conditionalFormats.flatMap((cf) =>
        cf.rules.map((rule) => ({
          type: "Custom",
          range: cf.range,
          formula: rule.formula,
          fill: hex(rule.fill) ?? null,
          fontColor: hex(rule.fontColor) ?? null,
          stopIfTrue: true,
        })),
      )
    : [];
  expect(sheet.conditionalFormats.map(({ id: _id, ...rest }) => rest)).toEqual(rules);

  // Charts.
  const charts = o.charts
    ? plan.charts.map((chart) => {
        const allLines = chart.series.every((s) => s.type === "line");
        return {
          chartType: allLines ? "Line" : "ColumnClustered",
          title: chart.title || null,
          titleVisible: Boolean(chart.title),
          series: chart.series.map((s) => ({
            name: s.name,
            chartType: s.type === "line" ? "Line" : "ColumnClustered",
            values: s.values,
            xValues: chart.categories,
            fillColor: s.type === "line" ? null : (hex(s.color) ?? null),
            lineColor: s.type === "line" ? (hex(s.color) ?? null) : null,
            markerStyle: s.type === "line" ? "None" : null,
          })),
          valueAxisTitle: chart.valueAxisTitle ?? null,
          valueAxisMinimum: chart.valueAxisMin ?? null,
          legendPosition: "Bottom",
          position: {
            start: a1(chart.anchor.top, chart.anchor.left),
            end: a1(chart.anchor.bottom, chart.anchor.right),
          },
        };
      })
    : [];
  expect(sheet.charts.map(({ name: _n, source: _s, ...rest }) => rest)).toEqual(charts);

  // Page layout.
  const titles = plan.printTitleRows;
  expect(sheet.pageLayout).toEqual(
    o.pageLayout
      ? {
          printTitleRows: titles ? `$${titles.from + 1}:$${titles.to + 1}` : null,
          orientation: plan.landscape ? "Landscape" : "Portrait",
          zoom: plan.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : null,
        }
      : { printTitleRows: null, orientation: "Portrait", zoom: null },
  );

  // The mark: a hidden sheet-scoped name holding the key.
  expect(sheet.names).toEqual([
    { name: "_SAKIP_SUMMARY", formula: `="${plan.key}"`, visible: false, comment: null },
  ]);
  expect(sheet.visibility).toBe("Visible");
}
