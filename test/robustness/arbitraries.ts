import fc from "fast-check";
import type { CheckSettings } from "../../src/core/check/settings";
import { DEFAULT_SETTINGS } from "../../src/core/check/settings";
import { CellRange, CellValue, columnLetters, SheetSnapshot } from "../../src/core/snapshot";

/**
 * fast-check generators of what planners put in sheets: header words from the real
 * vocabulary, Indonesian and US number texts with every separator mix, Excel errors,
 * formulas, number formats and merged areas, arranged as tables stacked in sheets the way
 * the fixture workbooks stack them (caption, header rows, column numbers, data rows).
 * Random but table-shaped, so that the recogniser finds regions and the rules run.
 */

export const HEADER_WORDS = [
  "No",
  "NO",
  "Kode",
  "Kode Rekening",
  "Program",
  "Kegiatan",
  "Sub Kegiatan",
  "Uraian",
  "Sasaran",
  "Sasaran Strategis",
  "Tujuan",
  "Indikator",
  "Indikator Kinerja",
  "Indikator Kinerja Utama",
  "Satuan",
  "Target",
  "Realisasi",
  "Capaian",
  "Capaian %",
  "Capaian (%)",
  "% Capaian",
  "Pagu",
  "Pagu Anggaran (Rp)",
  "Anggaran",
  "Realisasi Anggaran",
  "Serapan (%)",
  "Sisa",
  "Selisih",
  "Kategori",
  "Predikat",
  "Keterangan",
  "Tahun 2025",
  "Tahun 2024",
  "2021",
  "2022",
  "2023",
  "Target 2026",
  "Kondisi Awal",
  "Kondisi Akhir",
  "TW I",
  "TW II",
  "TW III",
  "TW IV",
  "s/d TW IV",
  "PK Murni",
  "PK Perubahan",
  "Renstra",
  "Efisiensi",
  "Nilai Efisiensi",
  "Rp",
  "%",
  "JUMLAH",
  "Formula",
  "Penanggung Jawab",
] as const;

/** Labels that open or close row groups, or sum them. */
export const ROW_LABELS = [
  "SASARAN :",
  "TUJUAN :",
  "PROGRAM",
  "JUMLAH",
  "Jumlah",
  "TOTAL",
  "Total Belanja",
  "Rata-rata",
  "Rata-Rata Capaian",
  "BELANJA TIDAK LANGSUNG",
  "BELANJA LANGSUNG",
  "Sangat Baik",
  "Baik",
  "Cukup",
  "Kurang",
  "Sangat Efisien",
  "Tidak Efisien",
] as const;

export const EXCEL_ERRORS = [
  "#DIV/0!",
  "#REF!",
  "#VALUE!",
  "#N/A",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
] as const;

/** Texts that look like numbers, or almost (DOMAIN.md's traps), typed as they are. */
export const ODD_TEXTS = [
  "1.234,56",
  "1,234.56",
  "Rp 1.000,-",
  "(3.435)",
  "- 1.453,00",
  "77,60 %",
  "100% (40%)",
  "7 Galery + 1 Gedung",
  "-",
  "--",
  "NA",
  "N/A",
  "n.a",
  "",
  " ",
  "   ",
  "\t",
  "%",
  "Rp",
  "Rp.",
  "()",
  ",",
  ".",
  "1.2.3",
  "1,2,3",
  "1.234",
  "1,234",
  ".5",
  ",5",
  "5.",
  "1e5",
  "1E+308",
  "-0",
  "0,00",
  "∞",
  "١٢٣",
  "１２３",
  "12/2025",
  "31-12-2025",
  "Tahun 2025",
  "TW I",
  "8=(7/6)",
  "(1)",
  "Ada",
  "Tidak Ada",
  "WTP",
  "BB",
  "A",
  "99999999999999999999999",
  "0.000000000000000000001",
] as const;

export const NUMBER_FORMATS = [
  "General",
  "General",
  "General",
  "0.00%",
  "0%",
  "#,##0",
  "#,##0.00",
  "0.00",
  "0",
  "@",
  '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  '_-"Rp"* #,##0_-;-"Rp"* #,##0_-',
  "0.00;[Red]-0.00",
  "dd/mm/yyyy",
  '0.00" %"',
  "#,##0.00_);(#,##0.00)",
] as const;

/** 1234567.891 → "1.234.567,89" (id), "1,234,567.89" (us), "1234567,89" (bare). */
function formatWith(value: number, decimals: number, thousands: string, decimal: string): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const grouped = thousands === "" ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return frac === undefined ? grouped : `${grouped}${decimal}${frac}`;
}

const SEPARATORS: [string, string][] = [
  [".", ","], // Indonesian
  [",", "."], // US
  ["", ","],
  ["", "."],
  [" ", ","],
  [".", "."], // a planner's mix
  [",", ","],
];

const WRAPPERS: ((s: string) => string)[] = [
  (s) => s,
  (s) => s,
  (s) => `-${s}`,
  (s) => `- ${s}`,
  (s) => `(${s})`,
  (s) => `Rp ${s}`,
  (s) => `Rp. ${s},-`,
  (s) => `Rp${s}`,
  (s) => `${s},-`,
  (s) => `${s} %`,
  (s) => `${s}%`,
  (s) => `${s}% (40%)`,
  (s) => `${s} orang`,
  (s) => `${s} Dokumen`,
  (s) => ` ${s} `,
  (s) => `${s}\n`,
];

/** A number typed as text with a random separator mix, prefix and suffix. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_TEXTS) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.integer({ min: 0, max: 999 }),
          fc.integer({ min: 0, max: 9_999_999_999 }),
          fc.double({ min: 0, max: 1e6, noNaN: true }),
        ),
        fc.nat(3),
        fc.constantFrom(...SEPARATORS),
        fc.constantFrom(...WRAPPERS),
      )
      .map(([value, decimals, [thousands, decimal], wrap]) =>
        wrap(formatWith(value, decimals, thousands, decimal)),
      ),
  },
);

/** Numbers as Excel stores them: finite (ExcelJS turns non-finite into empty), incl. extremes. */
export const cellNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1000, max: 100_000 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e4, max: 1e4, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1e13 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -0, 1, 100, 9.99e307, -9.99e307, 5e-324, 1e-300, 0.0001),
  },
);

export const headerWord: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  {
    weight: 1,
    // Two words in one cell, as "Target Tahun 2025" or "Realisasi s/d TW IV".
    arbitrary: fc
      .tuple(fc.constantFrom(...HEADER_WORDS), fc.constantFrom(...HEADER_WORDS))
      .map(([a, b]) => `${a} ${b}`),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** Any cell's value: blank, number, number text, header word, row label, error, boolean, noise. */
export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: cellNumber },
  { weight: 4, arbitrary: numberText },
  { weight: 1, arbitrary: headerWord },
  { weight: 1, arbitrary: fc.constantFrom(...ROW_LABELS) },
  { weight: 1, arbitrary: fc.constantFrom(...EXCEL_ERRORS) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 16, unit: "grapheme" }) },
);

/** What sits in the first column of a data row: a kode, a number, an outline number, a label. */
const firstCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.nat(40),
  fc.constantFrom("1.", "1.1", "1.1.1", "2.", "I", "II", "a.", "b)", null),
  fc
    .array(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 })
    .map((parts) =>
      parts.map((p, i) => (i < 2 ? String(p) : String(p).padStart(2, "0"))).join("."),
    ),
  fc.constantFrom(...ROW_LABELS),
);

const indicatorName: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(
    "Persentase koperasi aktif",
    "Persentase Koperasi Aktif ",
    "persentase  koperasi aktif.",
    "Indeks Kepuasan Masyarakat",
    "Nilai SAKIP",
    "Angka Kematian Ibu",
    "Cakupan pelayanan kesehatan",
    "Program Penunjang Urusan Pemerintahan Daerah",
    "Belanja Pegawai",
    "Jumlah dokumen perencanaan",
  ),
  fc.string({ maxLength: 30 }),
  fc.constant(null),
);

export interface GeneratedCell {
  value: CellValue;
  format: string;
  formula: string | null;
}

const FORMULA_SHAPES: ((r: number, a: string, b: string) => string)[] = [
  (r, a, b) => `=ROUND(${b}${r}/${a}${r}*100,2)`,
  (r, a, b) => `=${b}${r}/${a}${r}*100`,
  (r, a, b) => `=(2*${a}${r}-${b}${r})/${a}${r}*100`,
  (r, a, b) => `=${a}${r}-${b}${r}`,
  (r, a) => `=SUM(${a}${Math.max(1, r - 5)}:${a}${r - 1})`,
  (r, a, b) => `=IFERROR(${b}${r}/${a}${r},0)`,
  (r, a) => `=AVERAGE(${a}1:${a}${r})`,
  (r, a) => `=#REF!/${a}${r}`,
  (r, a) => `='Tabel 3.1'!${a}${r}`,
  (r, a, b) => `=IF(${b}${r}>=${a}${r},"Baik","Kurang")`,
  () => "=SAKIP.CAPAIAN(E5,F5)",
  () => "=",
];

/** A cell with a number format and sometimes a formula (whose cached value may be an error). */
function cellWith(value: fc.Arbitrary<CellValue>): fc.Arbitrary<Omit<GeneratedCell, "formula">> {
  return fc.record({
    value,
    format: fc.constantFrom(...NUMBER_FORMATS),
  });
}

export interface GeneratedTable {
  caption: string | null;
  header: string[][];
  columnNumbers: CellValue[] | null;
  body: { first: CellValue; name: CellValue; rest: Omit<GeneratedCell, "formula">[] }[];
  /** Per body cell (row, column ≥ 2): whether it holds a formula and which shape. */
  formulas: { row: number; col: number; shape: number; a: number; b: number }[];
  gapBelow: number;
  indent: number;
}

const columnNumberRow = (width: number): fc.Arbitrary<CellValue[] | null> =>
  fc.oneof(
    fc.constant(null),
    fc.constant(Array.from({ length: width }, (_, i) => `(${i + 1})`)),
    fc.constant(Array.from({ length: width }, (_, i) => i + 1)),
    fc.constant(
      Array.from({ length: width }, (_, i) =>
        i === width - 1 ? `${i + 1}=(${i}/${i - 1})` : i + 1,
      ),
    ),
  );

export const table: fc.Arbitrary<GeneratedTable> = fc
  .record({
    width: fc.integer({ min: 2, max: 9 }),
    height: fc.nat(10),
    headerRows: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ width, height, headerRows }) =>
    fc.record({
      caption: fc.oneof(
        fc.constant(null),
        fc.constantFrom(
          "Tabel 3.1 Capaian Kinerja Tahun 2025",
          "Tabel 2.1 Target Renstra 2021-2026",
          "Tabel 3.8 Efisiensi Penggunaan Sumber Daya",
          "Tabel 3.9 Realisasi Anggaran",
          "Perjanjian Kinerja Tahun 2025",
          "Tabel",
        ),
      ),
      header: fc.array(
        fc.array(fc.oneof(headerWord, fc.constant("")), { minLength: width, maxLength: width }),
        {
          minLength: headerRows,
          maxLength: headerRows,
        },
      ),
      columnNumbers: columnNumberRow(width),
      body: fc.array(
        fc.record({
          first: firstCell,
          name: indicatorName,
          rest: fc.array(cellWith(anyCell), { minLength: width - 2, maxLength: width - 2 }),
        }),
        { minLength: height, maxLength: height },
      ),
      formulas: fc.array(
        fc.record({
          row: fc.nat(Math.max(0, height - 1)),
          col: fc.integer({ min: 2, max: Math.max(2, width - 1) }),
          shape: fc.nat(FORMULA_SHAPES.length - 1),
          a: fc.nat(width - 1),
          b: fc.nat(width - 1),
        }),
        { maxLength: height === 0 || width < 3 ? 0 : 6 },
      ),
      gapBelow: fc.nat(3),
      indent: fc.nat(3),
    }),
  );

export interface MergeSpec {
  top: number;
  left: number;
  h: number;
  w: number;
}

export const mergeSpec: fc.Arbitrary<MergeSpec> = fc.record({
  top: fc.nat(40),
  left: fc.nat(10),
  h: fc.nat(3),
  w: fc.nat(4),
});

export interface GeneratedSheet {
  name: string;
  origin: { row: number; col: number };
  tables: GeneratedTable[];
  noise: { row: number; col: number; value: CellValue }[];
  merges: MergeSpec[];
  /** Blank the cells a merged area covers, as Office.js and readSheets report them. */
  blankCovered: boolean;
}

export const SHEET_NAMES = [
  "Tabel 3.1",
  "Tabel 3.8",
  "Tabel 2.1",
  "Sheet1",
  "Renstra 2021-2026",
  "PK 2025",
  "IKU",
  "Anggaran",
  "O'Brien",
  "Lembar (2)",
] as const;

export const sheet: fc.Arbitrary<GeneratedSheet> = fc.record({
  name: fc.constantFrom(...SHEET_NAMES),
  origin: fc.record({ row: fc.nat(5), col: fc.nat(3) }),
  tables: fc.array(table, { minLength: 0, maxLength: 3 }),
  noise: fc.array(fc.record({ row: fc.nat(50), col: fc.nat(12), value: anyCell }), {
    maxLength: 4,
  }),
  merges: fc.array(mergeSpec, { maxLength: 5 }),
  blankCovered: fc.boolean(),
});

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Lay a generated sheet out as a SheetSnapshot (absolute merges, formulas, formats, indents). */
export function buildSheet(spec: GeneratedSheet): SheetSnapshot {
  const cells: GeneratedCell[][] = [];
  const put = (r: number, c: number, cell: Partial<GeneratedCell>) => {
    while (cells.length <= r) cells.push([]);
    const row = cells[r];
    while (row.length <= c) row.push({ value: null, format: "General", formula: null });
    row[c] = { ...row[c], ...cell };
  };
  let r = 0;
  for (const t of spec.tables) {
    const left = t.indent;
    if (t.caption !== null) {
      put(r, left, { value: t.caption });
      r += 2;
    }
    for (const h of t.header) {
      h.forEach((word, c) => put(r, left + c, { value: word === "" ? null : word }));
      r++;
    }
    if (t.columnNumbers) {
      t.columnNumbers.forEach((v, c) => put(r, left + c, { value: v }));
      r++;
    }
    const bodyTop = r;
    for (const row of t.body) {
      put(r, left, { value: row.first });
      put(r, left + 1, { value: row.name });
      row.rest.forEach((cell, c) => put(r, left + 2 + c, { ...cell }));
      r++;
    }
    for (const f of t.formulas) {
      const absRow = bodyTop + f.row;
      const excelRow = spec.origin.row + absRow + 1;
      const letter = (c: number) => columnLetters(spec.origin.col + left + c);
      put(absRow, left + f.col, {
        formula: FORMULA_SHAPES[f.shape](excelRow, letter(f.a), letter(f.b)),
      });
    }
    r += t.gapBelow;
  }
  for (const n of spec.noise) put(n.row, n.col, { value: n.value });

  const height = cells.length;
  const width = cells.reduce((m, row) => Math.max(m, row.length), 0);
  const at = (i: number, j: number): GeneratedCell =>
    cells[i]?.[j] ?? { value: null, format: "General", formula: null };
  const grid = Array.from({ length: height }, (_, i) =>
    Array.from({ length: width }, (_, j) => at(i, j)),
  );

  // Merged areas as Excel allows them: never overlapping, at least two cells.
  const merges: CellRange[] = [];
  for (const m of spec.merges) {
    if (m.h === 0 && m.w === 0) continue;
    const range = {
      top: spec.origin.row + m.top,
      left: spec.origin.col + m.left,
      bottom: spec.origin.row + m.top + m.h,
      right: spec.origin.col + m.left + m.w,
    };
    if (merges.some((other) => overlaps(other, range))) continue;
    merges.push(range);
    if (spec.blankCovered) {
      for (let i = range.top; i <= range.bottom; i++)
        for (let j = range.left; j <= range.right; j++) {
          if (i === range.top && j === range.left) continue;
          const cell = grid[i - spec.origin.row]?.[j - spec.origin.col];
          if (cell)
            grid[i - spec.origin.row][j - spec.origin.col] = {
              value: null,
              format: cell.format,
              formula: null,
            };
        }
    }
  }

  const values = grid.map((row) => row.map((c) => c.value));
  return {
    name: spec.name,
    origin: spec.origin,
    values,
    text: values.map((row) => row.map((v) => (v === null ? "" : String(v)))),
    numberFormats: grid.map((row) => row.map((c) => c.format)),
    formulas: grid.map((row) => row.map((c) => c.formula)),
    merges,
    indents: grid.map((row, i) => row.map((_, j) => (j === 1 && i % 3 === 1 ? 1 : 0))),
  };
}

/** Settings a planner may choose, beside the defaults. */
export const settings: fc.Arbitrary<CheckSettings> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(DEFAULT_SETTINGS) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        inverseMethod: fc.constantFrom("2t-r" as const, "t/r" as const),
        capaianCap: fc.constantFrom(null, 100, 120),
        capaianFloor: fc.constantFrom(null, 0),
        zeroTargetZeroRealisasiIs100: fc.boolean(),
        clampE: fc.boolean(),
        capCk: fc.boolean(),
        rupiahTolerance: fc.constantFrom(0, 1),
        documentYear: fc.constantFrom(null, 2021, 2025),
      })
      .map((s) => ({ ...DEFAULT_SETTINGS, ...s })),
  },
);
