import { CellRange, columnLetters } from "../../core/snapshot";
import {
  PlanCell,
  PlanChart,
  PlanChartSeries,
  PlanValue,
  quoteSheet,
} from "../../core/summary/plan";
import { REL_NS } from "./opc";
import { argb } from "./styles";
import { escapeAttr, escapeText } from "./xml";

/**
 * DrawingML for the planned charts: one drawing part per sheet with an anchor per chart,
 * and one chart part per chart. Series reference the sheet's cells and carry caches of the
 * planned values, so a viewer shows the chart before anything recalculates.
 */

const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/** The drawing part: a graphic frame per chart, anchored over its cells. */
export function drawingXml(charts: { chart: PlanChart; relId: string }[]): string {
  let xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">`;
  charts.forEach(({ chart, relId }, i) => {
    const a = chart.anchor;
    const marker = (tag: string, row: number, col: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
      `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    xml +=
      `<xdr:twoCellAnchor editAs="oneCell">` +
      marker("from", a.top, a.left) +
      // The anchor's bottom-right cell is covered whole: the frame ends at the next cell's corner.
      marker("to", a.bottom + 1, a.right + 1) +
      `<xdr:graphicFrame macro="">` +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`Chart ${i + 1}`)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${C_NS}">` +
      `<c:chart xmlns:c="${C_NS}" xmlns:r="${REL_NS}" r:id="${escapeAttr(relId)}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  });
  return xml + `</xdr:wsDr>`;
}

/** An absolute reference to a range of the sheet: 'Ringkasan Capaian'!$B$5:$B$9. */
export function absoluteRef(sheet: string, r: CellRange): string {
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const start = cell(r.top, r.left);
  const end = cell(r.bottom, r.right);
  return `${quoteSheet(sheet)}!${start === end ? start : `${start}:${end}`}`;
}

/** The cells of a range in reading order. */
function rangeCells(r: CellRange, cells: Map<string, PlanCell>): (PlanCell | undefined)[] {
  const out: (PlanCell | undefined)[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) out.push(cells.get(`${row},${col}`));
  }
  return out;
}

function cacheText(v: PlanValue): string | null {
  if (v === null) return null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function strRef(sheet: string, r: CellRange, cells: Map<string, PlanCell>): string {
  const points = rangeCells(r, cells);
  let xml = `<c:strRef><c:f>${escapeText(absoluteRef(sheet, r))}</c:f><c:strCache><c:ptCount val="${points.length}"/>`;
  points.forEach((cell, idx) => {
    const text = cell ? cacheText(cell.value) : null;
    if (text !== null) xml += `<c:pt idx="${idx}"><c:v>${escapeText(text)}</c:v></c:pt>`;
  });
  return xml + `</c:strCache></c:strRef>`;
}

function numRef(sheet: string, r: CellRange, cells: Map<string, PlanCell>): string {
  const points = rangeCells(r, cells);
  const format = points.find((c) => c?.numberFormat)?.numberFormat ?? "General";
  let xml =
    `<c:numRef><c:f>${escapeText(absoluteRef(sheet, r))}</c:f><c:numCache>` +
    `<c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${points.length}"/>`;
  points.forEach((cell, idx) => {
    const v = cell?.value;
    if (typeof v === "number" && Number.isFinite(v))
      xml += `<c:pt idx="${idx}"><c:v>${String(v)}</c:v></c:pt>`;
  });
  return xml + `</c:numCache></c:numRef>`;
}

function richText(text: string, bodyPr: string): string {
  return (
    `<c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr>` +
    `<a:r><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

/** A title; `vertical` for the value axis, whose title reads upwards as Excel sets it. */
function title(text: string, vertical = false): string {
  const bodyPr = vertical ? `<a:bodyPr rot="-5400000" vert="horz"/>` : `<a:bodyPr/>`;
  return `<c:title>${richText(text, bodyPr)}<c:overlay val="0"/></c:title>`;
}

/** Two axis ids for the chart's shared category and value axes. */
const CAT_AX = 500000001;
const VAL_AX = 500000002;

function seriesXml(
  s: PlanChartSeries,
  index: number,
  chart: PlanChart,
  sheet: string,
  cells: Map<string, PlanCell>,
): string {
  const color = argb(s.color)?.slice(2);
  let xml = `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>`;
  if (s.type === "line") {
    if (color) {
      xml += `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln></c:spPr>`;
    }
    xml += `<c:marker><c:symbol val="none"/></c:marker>`;
  } else {
    if (color) xml += `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
    xml += `<c:invertIfNegative val="0"/>`;
  }
  xml += `<c:cat>${strRef(sheet, chart.categories, cells)}</c:cat>`;
  xml += `<c:val>${numRef(sheet, s.values, cells)}</c:val>`;
  if (s.type === "line") xml += `<c:smooth val="0"/>`;
  return xml + `</c:ser>`;
}

const AX_IDS = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;

/** The chart part: clustered columns and lines over one category axis and one value axis. */
export function chartXml(chart: PlanChart, sheet: string, cells: Map<string, PlanCell>): string {
  const indexed = chart.series.map((s, i) => ({ s, i }));
  const columns = indexed.filter(({ s }) => s.type !== "line");
  const lines = indexed.filter(({ s }) => s.type === "line");

  let plot = `<c:plotArea><c:layout/>`;
  if (columns.length > 0 || lines.length === 0) {
    plot +=
      `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      columns.map(({ s, i }) => seriesXml(s, i, chart, sheet, cells)).join("") +
      `<c:gapWidth val="150"/>${AX_IDS}</c:barChart>`;
  }
  if (lines.length > 0) {
    plot +=
      `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
      lines.map(({ s, i }) => seriesXml(s, i, chart, sheet, cells)).join("") +
      `<c:marker val="1"/>${AX_IDS}</c:lineChart>`;
  }
  plot +=
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/>` +
    // Schema order inside c:scaling: orientation, then max, then min.
    (chart.valueAxisMin !== undefined ? `<c:min val="${chart.valueAxisMin}"/>` : "") +
    `</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    (chart.valueAxisTitle ? title(chart.valueAxisTitle, true) : "") +
    `<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>`;

  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${REL_NS}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    (chart.title
      ? title(chart.title) + `<c:autoTitleDeleted val="0"/>`
      : `<c:autoTitleDeleted val="1"/>`) +
    plot +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}
