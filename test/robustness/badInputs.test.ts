import { createHash } from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import { readSheets } from "../../src/xlsx/readSheets";
import { oleLike, storedZip } from "../helpers/badFiles";
import {
  chartSheetOnlyWorkbook,
  emptySheetWorkbook,
  ERROR_VALUES,
  errorCellsWorkbook,
  farCornerWorkbook,
  imageOnlyWorkbook,
  lastColumnWorkbook,
  lastRowWorkbook,
  noSheetWorkbook,
  numbersAsTextWorkbook,
  protectedSheetWorkbook,
} from "../helpers/badWorkbooks";
import { runCli } from "../helpers/cli";
import { sharedPath } from "../helpers/shared";

/**
 * Issue 8: every bad input a planner can hand `sakip check` gives one clear Indonesian line
 * (exit 2 on stderr for a file it cannot read; the usual report, exit 0 or 1, for a readable
 * one) and costs no data: the file's bytes are the same afterwards and nothing is written
 * beside it. `sakip regions` on the same files is covered in test/cli/regions.test.ts, the
 * gateway's error codes in test/xlsx/badFiles.test.ts.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-robust-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Write the file, run `sakip check` on it, and check that nothing was changed or added. */
async function checkOnce(name: string, bytes: Uint8Array | string, ...args: string[][]) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const before = { hash: sha(file), listing: fs.readdirSync(dir).sort() };
  const runs = [];
  for (const a of args.length > 0 ? args : [["check", file]]) runs.push(await runCli(...a));
  expect(sha(file)).toBe(before.hash);
  expect(fs.readdirSync(dir).sort()).toEqual(before.listing);
  return { file, runs };
}

/** `sakip check FILE`, with `--lang en` and with `--json`. */
async function check(name: string, bytes: Uint8Array | string) {
  const file = path.join(dir, name);
  const { runs } = await checkOnce(
    name,
    bytes,
    ["check", file],
    ["--lang", "en", "check", file],
    ["check", file, "--json"],
  );
  const [id, en, json] = runs;
  return { file, id, en, json };
}

/** A file that cannot be read: exit 2, one line on stderr naming the file, nothing on stdout. */
async function unreadable(name: string, bytes: Uint8Array | string, id: RegExp, en: RegExp) {
  const r = await check(name, bytes);
  for (const [run, pattern] of [
    [r.id, id],
    [r.en, en],
    [r.json, id],
  ] as const) {
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err.split("\n")).toHaveLength(1);
    expect(run.err.startsWith(`${r.file}: `)).toBe(true);
    expect(run.err).toMatch(pattern);
  }
  return r;
}

/** A readable workbook without any table: exit 0, "0 tabel dikenali, tidak ada temuan". */
async function noTables(name: string, bytes: Uint8Array, all = true) {
  const clean = (file: string) =>
    `${file}: 0 tabel dikenali, tidak ada temuan.\n\nJumlah: tidak ada temuan pada 1 berkas.`;
  if (!all) {
    // The big sheets are read once only: English and JSON differ from it in printing alone.
    const { file, runs } = await checkOnce(name, bytes);
    expect(runs[0]).toEqual({ code: 0, out: clean(file), err: "" });
    return;
  }
  const r = await check(name, bytes);
  expect(r.id).toEqual({ code: 0, out: clean(r.file), err: "" });
  expect(r.en).toEqual({
    code: 0,
    out: `${r.file}: 0 tables recognised, no findings.\n\nTotal: no findings in 1 files.`,
    err: "",
  });
  expect(r.json.code).toBe(0);
  expect(JSON.parse(r.json.out)).toEqual({ files: [{ file: r.file, regions: [] }], findings: [] });
}

describe("sakip check on workbooks without tables: exit 0, a clear line, no crash", () => {
  test("a workbook with one empty sheet (a new workbook saved untouched)", async () => {
    await noTables("kosong.xlsx", await emptySheetWorkbook());
  });

  test("a workbook without any sheet (written by a program: Excel always keeps one)", async () => {
    const bytes = await noSheetWorkbook();
    expect(await readSheets(bytes)).toEqual([]);
    await noTables("tanpa-lembar.xlsx", bytes);
  });

  test("only a picture on the sheet", async () => {
    const bytes = await imageOnlyWorkbook();
    const sheets = await readSheets(bytes);
    expect(sheets.map((s) => [s.name, s.values])).toEqual([["Lampiran", []]]);
    await noTables("gambar.xlsx", bytes);
  });

  test("only a chart sheet (Move Chart › New sheet)", async () => {
    const bytes = await chartSheetOnlyWorkbook();
    expect(await readSheets(bytes)).toEqual([]);
    await noTables("grafik.xlsx", bytes);
  });

  test("16 384 columns used: a label in A1 and a value in XFD1", async () => {
    const bytes = await lastColumnWorkbook();
    const [sheet] = await readSheets(bytes);
    expect(sheet.values).toHaveLength(1);
    expect(sheet.values[0]).toHaveLength(16384);
    expect(sheet.values[0][16383]).toBe(100);
    await noTables("lebar.xlsx", bytes);
  });

  test("1 048 576 rows used: a label in A1 and a value in A1048576", async () => {
    // Cheap on purpose (two cells); a realistic tall sheet is the benchmark's job.
    const bytes = await lastRowWorkbook();
    const [sheet] = await readSheets(bytes);
    expect(sheet.values).toHaveLength(1048576);
    expect(sheet.values[1048575]).toEqual([100]);
    await noTables("tinggi.xlsx", bytes, false);
  }, 30000);

  // The dense snapshot of A1:XFD1048576 (17 billion cells) once exhausted the heap.
  test("a label in A1 and a stray value in XFD1048576: exit 2 with a line that says how to fix it", async () => {
    const file = path.join(dir, "sudut.xlsx");
    fs.writeFileSync(file, await farCornerWorkbook());
    const before = fs.readFileSync(file);
    const { code, out, err } = await runCli("check", file);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe(
      `${file}: Lembar "Sudut" memakai rentang A1:XFD1048576 (17.179.869.184 sel), terlalu besar untuk dibaca: hapus isi sel yang jauh dari tabel (Ctrl+End menemukannya) lalu simpan ulang.`,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe("sakip check on readable workbooks with awkward cells: the usual report", () => {
  test("cells with errors, typed and as formula results: read as their error text, no finding", async () => {
    const bytes = await errorCellsWorkbook();
    const [sheet] = await readSheets(bytes);
    // Data rows start at row 5 (0-based 4); Realisasi (D) and Capaian (E) hold the errors.
    expect(sheet.values.slice(4).map((row) => row[3])).toEqual(ERROR_VALUES);
    expect(sheet.values.slice(4).map((row) => row[4])).toEqual(ERROR_VALUES);
    expect(sheet.formulas[4][4]).toBe("=D5/C5*100");
    const r = await check("galat.xlsx", bytes);
    expect(r.id).toEqual({
      code: 0,
      out: `${r.file}: 1 tabel dikenali, tidak ada temuan.\n\nJumlah: tidak ada temuan pada 1 berkas.`,
      err: "",
    });
    expect(JSON.parse(r.json.out).files[0].regions[0]).toMatchObject({
      sheet: "Tabel 3.1",
      kind: "pengukuran",
    });
  });

  test("numbers as text with every separator mix: number-as-text notes, nothing else breaks", async () => {
    const r = await check("teks.xlsx", await numbersAsTextWorkbook());
    // A table with a mismatch is exit 1; a rule that failed would print on stderr.
    expect([0, 1]).toContain(r.id.code);
    expect(r.id.err).toBe("");
    const findings: { rule: string; cell: string; message: string }[] = JSON.parse(
      r.json.out,
    ).findings;
    const notes = findings.filter((f) => f.rule === "number-as-text");
    // Each column of numbers typed as text is named once, and the US-format cells are noted.
    expect(notes.map((f) => f.cell)).toEqual(expect.arrayContaining(["C5", "D5", "C6", "D6"]));
    expect(notes.find((f) => f.cell === "C6")?.message).toMatch(/format Amerika/);
    expect(r.id.out).toMatch(/Kolom C berisi \d+ angka yang tersimpan sebagai teks, mulai C5/);
    expect(r.en.err).toBe("");
  });

  test("a protected sheet (Review › Protect Sheet with a password) is read and checked", async () => {
    const r = await check("dilindungi.xlsx", await protectedSheetWorkbook());
    expect(r.id.code).toBe(1);
    expect(r.id.err).toBe("");
    expect(r.id.out).toMatch(
      /GALAT\s+E3\s+Persentase koperasi berkualitas: Capaian tertulis 90 tetapi realisasi\/target = 100/,
    );
  });
});

describe("sakip check on files it cannot read: exit 2 and one Indonesian line", () => {
  test("a corrupt zip (a truncated .xlsx)", async () => {
    const whole = fs.readFileSync(sharedPath("fixtures", "workbooks", "lkjip-semarang-2025.xlsx"));
    await unreadable(
      "rusak.xlsx",
      whole.subarray(0, Math.floor(whole.length / 3)),
      /Berkas \.xlsx ini rusak atau tidak lengkap sehingga tidak dapat dibaca: coba buka di Excel lalu simpan ulang\.$/,
      /damaged|corrupt/i,
    );
  });

  test("a zip that is not a workbook (a .docx look-alike)", async () => {
    const docx = storedZip({
      "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
      "word/document.xml": '<?xml version="1.0"?><document/>',
    });
    await unreadable("surat.xlsx", docx, /bukan buku kerja Excel \.xlsx/, /not an Excel/i);
  });

  test("an old .xls (Excel 97-2003)", async () => {
    await unreadable(
      "lama.xls",
      oleLike("Workbook"),
      /berformat lama Excel 97-2003 \(\.xls\): buka di Excel lalu simpan sebagai Buku Kerja Excel \(\.xlsx\)\.$/,
      /97-2003/,
    );
  });

  test("a .csv", async () => {
    await unreadable(
      "tabel.csv",
      "No;Indikator;Target;Realisasi\n1;Persentase koperasi aktif;77,60%;82,57%\n",
      /bukan buku kerja Excel \.xlsx \(misalnya CSV atau teks\)/,
      /not an Excel/i,
    );
  });

  test("a password-protected (encrypted) .xlsx", async () => {
    await unreadable(
      "sandi.xlsx",
      oleLike("EncryptionInfo"),
      /dilindungi kata sandi \(terenkripsi\): buka di Excel, hapus kata sandinya/,
      /password/i,
    );
  });

  test("an empty (0 byte) file", async () => {
    await unreadable("nol.xlsx", new Uint8Array(0), /kosong \(0 byte\)/, /empty/i);
  });

  test("a bad file among good ones stops the run before anything is printed", async () => {
    const good = path.join(dir, "baik.xlsx");
    fs.writeFileSync(good, await protectedSheetWorkbook());
    const bad = path.join(dir, "sandi-2.xlsx");
    fs.writeFileSync(bad, oleLike("EncryptionInfo"));
    const r = await runCli("check", good, bad, "--json");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/sandi-2\.xlsx: .*kata sandi/);
  });
});
