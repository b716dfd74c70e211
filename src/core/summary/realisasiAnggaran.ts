import type { BudgetLine, ModelValue } from "../extract/types";
import { levelOfKode } from "../extract/indicators";
import { a1, columnLetters } from "../snapshot";
import { differenceCell, shareCell, sumOf } from "./calc";
import type { SummaryContext } from "./input";
import type { PlanStyle, PlanValue, SheetPlan } from "./plan";

type Operand = { cell: string; value: PlanValue };
import { HEADER_ROW, SheetBuilder } from "./sheet";
import { refLabel } from "./source";
import { CENTER, numberFormat, PERCENT_POINTS, TEXT, TOTAL_NUMBER, TOTAL_TEXT } from "./styles";

/**
 * Realisasi Anggaran (DOMAIN.md §7, Bab III B): pagu, realisasi, serapan and sisa per
 * program and kegiatan of the year, from the workbook's budget table that has both pagu and
 * realisasi, with the JUMLAH over the programs (SUMIF on the Tingkat column, so kegiatan are
 * not counted twice).
 */

const COL = {
  kode: 0,
  uraian: 1,
  tingkat: 2,
  pagu: 3,
  realisasi: 4,
  serapan: 5,
  sisa: 6,
  sisaPersen: 7,
  sumber: 8,
};

interface Line {
  line: BudgetLine;
  level: "Program" | "Kegiatan";
  pagu: ModelValue;
  realisasi: ModelValue;
}

function paguOf(line: BudgetLine, year: number): ModelValue | undefined {
  const ofYear = line.pagu.filter((p) => p.year === null || p.year === year);
  // APBD-P is the ceiling the year's realisasi is measured against.
  return (
    ofYear.find((p) => p.variant === "perubahan") ??
    ofYear.find((p) => p.variant === undefined) ??
    ofYear[0]
  );
}

function realisasiOf(line: BudgetLine, year: number): ModelValue | undefined {
  return line.realisasi.find((r) => r.year === year) ?? line.realisasi.find((r) => r.year === null);
}

/** Program and kegiatan lines of one table: by kode where printed, else by the row tree. */
function linesOf(all: BudgetLine[], budget: BudgetLine[], year: number): Line[] {
  const usable = all.filter((l) => !l.total && paguOf(l, year) && realisasiOf(l, year));
  const withKode = usable.filter((l) => l.kode && levelOfKode(l.kode) === "program");
  const out: Line[] = [];
  const add = (line: BudgetLine, level: Line["level"]) =>
    out.push({ line, level, pagu: paguOf(line, year)!, realisasi: realisasiOf(line, year)! });
  if (withKode.length > 0) {
    for (const program of withKode) {
      add(program, "Program");
      const prefix = `${program.path ?? program.kode}/`;
      for (const l of usable) {
        if (l.kode && levelOfKode(l.kode) === "kegiatan" && (l.path ?? "").startsWith(prefix))
          add(l, "Kegiatan");
      }
    }
    return out;
  }
  const indexOf = new Map(budget.map((l, i) => [l, i]));
  const parents = new Set(usable.map((l) => l.parent).filter((p): p is number => p !== null));
  const programs = usable.filter((l) => l.parent === null && parents.has(indexOf.get(l)!));
  if (programs.length === 0) {
    for (const l of usable) add(l, "Program");
    return out;
  }
  for (const program of programs) {
    add(program, "Program");
    const index = indexOf.get(program)!;
    for (const l of usable) if (l.parent === index) add(l, "Kegiatan");
  }
  return out;
}

export function realisasiAnggaran(context: SummaryContext): SheetPlan | null {
  const year = context.year;
  if (year === null) return null;
  const budget = context.model.budget;
  const byTable = new Map<number, BudgetLine[]>();
  for (const line of budget) {
    if (line.table.file !== context.input.workbook.file || line.table.kind !== "anggaran") continue;
    byTable.set(line.tableIndex, [...(byTable.get(line.tableIndex) ?? []), line]);
  }
  let best: Line[] = [];
  for (const lines of byTable.values()) {
    const candidate = linesOf(lines, budget, year);
    if (candidate.length > best.length) best = candidate;
  }
  if (best.length === 0) return null;
  const table = best[0].line.table;
  const sheet = new SheetBuilder("realisasi-anggaran", "Realisasi Anggaran");
  sheet.frame(
    `Realisasi Anggaran Tahun ${year}`,
    `Sumber: ${table.sheet.name} (${table.region.caption}). Serapan = realisasi/pagu×100; sisa = pagu − realisasi; JUMLAH atas program.`,
  );
  sheet.header([
    { label: "Kode", width: 10 },
    { label: "Program / Kegiatan", width: 44 },
    { label: "Tingkat", width: 10 },
    { label: "Pagu (Rp)", width: 19 },
    { label: "Realisasi (Rp)", width: 19 },
    { label: "Serapan (%)", width: 10 },
    { label: "Sisa (Rp)", width: 18 },
    { label: "Sisa (%)", width: 9 },
    { label: "Sumber", width: 24 },
  ]);
  const decimals = Math.min(
    2,
    Math.max(0, ...best.flatMap((l) => [l.pagu.number.decimals, l.realisasi.number.decimals])),
  );
  const money = numberFormat(decimals);
  const first = HEADER_ROW + 1;
  const programValues: { pagu: PlanValue[]; realisasi: PlanValue[] } = { pagu: [], realisasi: [] };
  /** Serapan, sisa and sisa % of one line (or the JUMLAH) from its pagu and realisasi cells. */
  const absorption = (row: number, p: Operand, r: Operand, style: PlanStyle) => {
    sheet.compute(row, COL.serapan, shareCell(r, p), { numberFormat: PERCENT_POINTS, style });
    const sisa = sheet.compute(row, COL.sisa, differenceCell(p, r), { numberFormat: money, style });
    const sisaCell = { cell: a1(row, COL.sisa), value: sisa };
    sheet.compute(row, COL.sisaPersen, shareCell(sisaCell, p), {
      numberFormat: PERCENT_POINTS,
      style,
    });
  };
  let row = first;
  for (const item of best) {
    const kegiatan = item.level === "Kegiatan";
    const text = kegiatan ? { ...TEXT, indent: 1 } : { ...TEXT, bold: true };
    sheet.put(row, COL.kode, item.line.kode ?? "", { style: TEXT });
    sheet.put(row, COL.uraian, item.line.name, { style: text });
    sheet.put(row, COL.tingkat, item.level, { style: CENTER });
    const p = sheet.operand(row, COL.pagu, context.operand(item.pagu), money);
    const r = sheet.operand(row, COL.realisasi, context.operand(item.realisasi), money);
    if (!kegiatan) {
      programValues.pagu.push(p.value);
      programValues.realisasi.push(r.value);
    }
    absorption(row, p, r, CENTER);
    const realisasiAt = refLabel(item.realisasi.at);
    const sameSheet = item.realisasi.at.sheet === item.pagu.at.sheet;
    sheet.put(
      row,
      COL.sumber,
      `${refLabel(item.pagu.at)}, ${sameSheet ? realisasiAt.replace(/^.*!/, "") : realisasiAt}`,
      {
        style: TEXT,
      },
    );
    row++;
  }
  const last = row - 1;
  const total = row;
  const tingkat = `$${columnLetters(COL.tingkat)}$${first + 1}:$${columnLetters(COL.tingkat)}$${last + 1}`;
  const sumif = (col: number, values: PlanValue[]) => ({
    formula: `=SUMIF(${tingkat},"Program",${a1(first, col)}:${a1(last, col)})`,
    value: sumOf(values),
  });
  sheet.put(total, COL.kode, "", { style: TOTAL_TEXT });
  sheet.put(total, COL.uraian, "JUMLAH", { style: TOTAL_TEXT });
  sheet.put(total, COL.tingkat, "", { style: TOTAL_TEXT });
  const pTotal = sheet.compute(total, COL.pagu, sumif(COL.pagu, programValues.pagu), {
    numberFormat: money,
    style: TOTAL_NUMBER,
  });
  const rTotal = sheet.compute(
    total,
    COL.realisasi,
    sumif(COL.realisasi, programValues.realisasi),
    {
      numberFormat: money,
      style: TOTAL_NUMBER,
    },
  );
  const p = { cell: a1(total, COL.pagu), value: pTotal };
  const r = { cell: a1(total, COL.realisasi), value: rTotal };
  absorption(total, p, r, TOTAL_NUMBER);
  sheet.put(total, COL.sumber, "", { style: TOTAL_TEXT });
  return sheet.build();
}
