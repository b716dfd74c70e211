import type { CheckSettings } from "../check/settings";
import type { Table } from "../check/table";
import { Decimal, fromExcelNumber } from "../decimal";
import type { ModelValue } from "../extract/types";
import { modelValueAt } from "../extract/values";
import type { Polarity } from "../formulas/capaian";
import { nilaiEfisiensi } from "../formulas/efisiensi";
import { findScale, Scale } from "../formulas/scales";
import { a1 } from "../snapshot";
import { capaianCell, Computed, kategoriCell, NOT_COMPUTABLE, sumOf } from "./calc";
import type { SummaryContext } from "./input";
import type { PlanValue, SheetPlan } from "./plan";
import { HEADER_ROW, SheetBuilder } from "./sheet";
import { refLabel } from "./source";
import { CENTER, numberFormat, PERCENT_POINTS, TEXT, TOTAL_NUMBER, TOTAL_TEXT } from "./styles";

/**
 * Efisiensi (DOMAIN.md §4.5, §7; PMK 214/2017): per sasaran PAK, RAK, target, realisasi,
 * capaian, PAK×CK with the unrounded CK, PAK×CK − RAK, their totals, then
 * E = (ΣPAK×CK − ΣRAK)/ΣPAK×CK×100, Nilai Efisiensi NE = 50 + E/20×50 (E clamped to ±20 by
 * default) and its category. Built from the workbook's efisiensi table, whose rows already
 * say which pagu serves which sasaran.
 */

const COL = {
  no: 0,
  sasaran: 1,
  indikator: 2,
  pak: 3,
  rak: 4,
  target: 5,
  realisasi: 6,
  capaian: 7,
  pakCk: 8,
  selisih: 9,
  sumber: 10,
};

function valueAt(table: Table, row: number, col: number | undefined): ModelValue | undefined {
  return col === undefined ? undefined : modelValueAt(table, row, col);
}

type Operand = { cell: string; value: PlanValue };

/** PAK × CK with CK = R/T (or the inverse), unrounded as in the PMK example; "-" for T ≤ 0. */
function pakCkCell(
  pak: Operand,
  t: Operand,
  r: Operand,
  polarity: Polarity,
  settings: CheckSettings,
): Computed {
  const inverseTr = polarity === "negatif" && settings.inverseMethod === "t/r";
  const [P, T, R] = [pak.cell, t.cell, r.cell];
  let ratio = polarity === "positif" ? `${R}/${T}` : inverseTr ? `${T}/${R}` : `(2*${T}-${R})/${T}`;
  if (settings.capCk) ratio = `MIN(1,${ratio})`;
  const blocked = inverseTr ? `OR(${T}<=0,${R}=0)` : `${T}<=0`;
  const formula = `=IF(OR(${P}="",${T}="",${R}=""),"",IF(${blocked},"${NOT_COMPUTABLE}",${P}*${ratio}))`;
  const n = (v: PlanValue) => (typeof v === "number" ? fromExcelNumber(v) : null);
  const [p, tv, rv] = [n(pak.value), n(t.value), n(r.value)];
  if (p === null || tv === null || rv === null) return { formula, value: "" };
  if (tv.lte(0) || (inverseTr && rv.isZero())) return { formula, value: NOT_COMPUTABLE };
  let ck =
    polarity === "positif" ? rv.div(tv) : inverseTr ? tv.div(rv) : tv.times(2).minus(rv).div(tv);
  if (settings.capCk) ck = Decimal.min(1, ck);
  return { formula, value: p.times(ck).toNumber() };
}

export function efisiensi(context: SummaryContext): SheetPlan | null {
  const file = context.input.workbook.file;
  const table = context.model.indicators
    .map((e) => e.table)
    .find((t) => t.file === file && t.kind === "efisiensi");
  if (!table) return null;
  const cols = {
    pak: table.firstColumn("pagu")?.col,
    rak: table.firstColumn("realisasi-anggaran")?.col,
    target: table.firstColumn("target")?.col,
    realisasi: table.firstColumn("realisasi")?.col,
  };
  const rows = table
    .dataRows()
    .map((r) => r.row)
    .filter((row) => valueAt(table, row, cols.pak) && valueAt(table, row, cols.rak));
  if (rows.length === 0) return null;
  const scale = findScale(context.settings.scales.efisiensi) as Scale;
  const clamp = context.settings.clampE;
  const sheet = new SheetBuilder("efisiensi", "Efisiensi");
  sheet.frame(
    `Efisiensi Penggunaan Sumber Daya Tahun ${context.year ?? ""}`.trim(),
    `Sumber: ${table.sheet.name} (${table.region.caption}). PMK 214/PMK.02/2017: E = (Σ PAK×CK − Σ RAK) / Σ PAK×CK × 100; NE = 50 + ${
      clamp ? "MAX(−20, MIN(20, E))" : "E"
    } / 20 × 50; kategori menurut skala ${scale.name}.`,
  );
  sheet.header([
    { label: "No", width: 5 },
    { label: "Sasaran", width: 26 },
    { label: "Indikator Kinerja", width: 30 },
    { label: "Pagu Anggaran / PAK (Rp)", width: 18 },
    { label: "Realisasi Anggaran / RAK (Rp)", width: 18 },
    { label: "Target", width: 10 },
    { label: "Realisasi", width: 10 },
    { label: "Capaian (%)", width: 10 },
    { label: "PAK × CK (Rp)", width: 18 },
    { label: "PAK × CK − RAK (Rp)", width: 18 },
    { label: "Sumber", width: 24 },
  ]);
  const entries = context.model.indicators.filter((e) => e.table === table);
  const first = HEADER_ROW + 1;
  const money = numberFormat(2);
  const sums: Record<"pak" | "rak" | "pakCk" | "selisih", PlanValue[]> = {
    pak: [],
    rak: [],
    pakCk: [],
    selisih: [],
  };
  let row = first;
  rows.forEach((sourceRow, index) => {
    const entry = entries.find((e) => e.row === sourceRow);
    const members = entry ? context.members(context.model.groups[entry.group]) : [];
    const { polarity } = context.polarity(entry ? [entry, ...members] : []);
    sheet.put(row, COL.no, index + 1, { style: CENTER });
    sheet.put(row, COL.sasaran, entry ? context.sasaran(entry) : "", { style: TEXT });
    sheet.put(row, COL.indikator, entry?.name ?? table.label(sourceRow), { style: TEXT });
    const op = (col: number | undefined) => {
      const v = valueAt(table, sourceRow, col);
      return v ? context.operand(v) : undefined;
    };
    const pak = sheet.operand(row, COL.pak, op(cols.pak), money);
    const rak = sheet.operand(row, COL.rak, op(cols.rak), money);
    const t = sheet.operand(row, COL.target, op(cols.target));
    const r = sheet.operand(row, COL.realisasi, op(cols.realisasi));
    sheet.compute(row, COL.capaian, capaianCell(t, r, polarity, context.settings), {
      numberFormat: PERCENT_POINTS,
      style: CENTER,
    });
    const pakCk = sheet.compute(row, COL.pakCk, pakCkCell(pak, t, r, polarity, context.settings), {
      numberFormat: money,
      style: CENTER,
    });
    const P = a1(row, COL.pakCk);
    const R = a1(row, COL.rak);
    const selisih = sheet.compute(
      row,
      COL.selisih,
      {
        formula: `=IF(AND(ISNUMBER(${P}),ISNUMBER(${R})),${P}-${R},"")`,
        value:
          typeof pakCk === "number" && typeof rak.value === "number"
            ? fromExcelNumber(pakCk).minus(fromExcelNumber(rak.value)).toNumber()
            : "",
      },
      { numberFormat: money, style: CENTER },
    );
    const sources = [cols.pak, cols.rak, cols.target, cols.realisasi]
      .filter((c): c is number => c !== undefined)
      .map((c) => refLabel(table.ref(sourceRow, c)).replace(/^.*!/, ""));
    sheet.put(row, COL.sumber, `${table.sheet.name}!${sources.join(", ")}`, { style: TEXT });
    sums.pak.push(pak.value);
    sums.rak.push(rak.value);
    sums.pakCk.push(pakCk);
    sums.selisih.push(selisih);
    row++;
  });
  const last = row - 1;
  const total = row;
  const sum = (col: number, values: PlanValue[]) =>
    sheet.compute(
      total,
      col,
      { formula: `=SUM(${a1(first, col)}:${a1(last, col)})`, value: sumOf(values) },
      { numberFormat: money, style: TOTAL_NUMBER },
    );
  sheet.put(total, COL.no, "", { style: TOTAL_TEXT });
  sheet.put(total, COL.sasaran, "TOTAL", { style: TOTAL_TEXT });
  sheet.put(total, COL.indikator, "", { style: TOTAL_TEXT });
  sum(COL.pak, sums.pak);
  const rakTotal = sum(COL.rak, sums.rak);
  for (const c of [COL.target, COL.realisasi, COL.capaian])
    sheet.put(total, c, "", { style: TOTAL_TEXT });
  const pakCkTotal = sum(COL.pakCk, sums.pakCk);
  sum(COL.selisih, sums.selisih);
  sheet.put(total, COL.sumber, "", { style: TOTAL_TEXT });

  // E, NE and the category under the table, as LKjIP tables print them.
  const eRow = total + 2;
  const H = a1(total, COL.pakCk);
  const D = a1(total, COL.rak);
  const sumPakCk = typeof pakCkTotal === "number" ? fromExcelNumber(pakCkTotal) : null;
  const e =
    sumPakCk === null || sumPakCk.isZero() || typeof rakTotal !== "number"
      ? null
      : sumPakCk.minus(fromExcelNumber(rakTotal)).div(sumPakCk).times(100);
  sheet.put(eRow, COL.indikator, "Efisiensi (E, %)", { style: TOTAL_TEXT });
  const eCell = a1(eRow, COL.pak);
  sheet.compute(
    eRow,
    COL.pak,
    {
      formula: `=IF(${H}=0,"${NOT_COMPUTABLE}",(${H}-${D})/${H}*100)`,
      value: e === null ? NOT_COMPUTABLE : e.toNumber(),
    },
    { numberFormat: PERCENT_POINTS, style: TOTAL_NUMBER },
  );
  sheet.put(eRow + 1, COL.indikator, "Nilai Efisiensi (NE)", { style: TOTAL_TEXT });
  const ne = e === null ? null : nilaiEfisiensi(e, clamp);
  const used = clamp ? `MAX(-20,MIN(20,${eCell}))` : eCell;
  const neValue = sheet.compute(
    eRow + 1,
    COL.pak,
    {
      formula: `=IF(ISNUMBER(${eCell}),50+${used}/20*50,"${NOT_COMPUTABLE}")`,
      value: ne === null ? NOT_COMPUTABLE : ne.toNumber(),
    },
    { numberFormat: PERCENT_POINTS, style: TOTAL_NUMBER },
  );
  sheet.put(eRow + 2, COL.indikator, "Kategori Efisiensi", { style: TOTAL_TEXT });
  sheet.compute(eRow + 2, COL.pak, kategoriCell(a1(eRow + 1, COL.pak), neValue, scale), {
    style: TOTAL_TEXT,
  });
  return sheet.build();
}
