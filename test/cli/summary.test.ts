import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { createHash } from "crypto";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { readSheetsFromFile } from "../../src/xlsx/readFile";
import { oleLike } from "../helpers/badFiles";
import { runCli } from "../helpers/cli";
import { FIXTURE_NAMES } from "../helpers/check";
import { sharedPath } from "../helpers/shared";

/**
 * `sakip summary FILE [-o OUT]` (CONTRACT.md): the summary sheets go into a copy; FILE and
 * its sheets are never changed; a second run replaces the product's sheets and nothing else.
 */

const FIXTURES = FIXTURE_NAMES;

const fixture = (name: string) => sharedPath("fixtures", "workbooks", `${name}.xlsx`);
const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-summary-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What a planner sees of a sheet: values, formulas, formats, merges (not the text cache). */
function content(sheet: SheetSnapshot) {
  const { name, origin, values, formulas, numberFormats, merges, hidden } = sheet;
  return { name, origin, values, formulas, numberFormats, merges, hidden };
}

describe("sakip summary on the shared fixtures", () => {
  it.each(FIXTURES)(
    "%s: writes the supported sheets; the original sheets are unchanged cell for cell",
    async (name) => {
      const input = fixture(name);
      const before = sha(input);
      const out = path.join(dir, `${name}.out.xlsx`);
      const { code, out: printed, err } = await runCli("summary", input, "-o", out);
      expect(err).toBe("");
      // The fixtures carry the reports' real errors.
      expect(code).toBe(1);
      expect(printed).toContain(out);
      expect(sha(input)).toBe(before);

      const original = await readSheetsFromFile(input);
      const written = await readSheetsFromFile(out);
      const own = written.filter((s) => s.summary !== undefined);
      const theirs = written.filter((s) => s.summary === undefined);
      expect(theirs.map(content)).toEqual(original.map(content));
      expect(own.map((s) => s.summary)).toEqual(
        expect.arrayContaining(["ringkasan-capaian", "realisasi-anggaran", "temuan"]),
      );
      // Sheets are appended after the planner's, in plan order.
      expect(written.slice(0, original.length).map((s) => s.name)).toEqual(
        original.map((s) => s.name),
      );
      for (const sheet of own) expect(printed).toContain(sheet.name);
    },
  );

  it("writes FILE.ringkasan.xlsx beside FILE by default", async () => {
    const copy = path.join(dir, "lakip.xlsx");
    fs.copyFileSync(fixture("lakip-tangsel-2021"), copy);
    const { code } = await runCli("summary", copy);
    expect(code).toBe(1);
    expect(fs.existsSync(path.join(dir, "lakip.ringkasan.xlsx"))).toBe(true);
  });

  it("run twice on its own output: the same sheets, not duplicates", async () => {
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    expect((await runCli("summary", fixture("lkjip-semarang-2025"), "-o", first)).code).toBe(1);
    expect((await runCli("summary", first, "-o", second)).code).toBe(1);
    const a = await readSheetsFromFile(first);
    const b = await readSheetsFromFile(second);
    expect(b.map((s) => s.name)).toEqual(a.map((s) => s.name));
    expect(b.map(content)).toEqual(a.map(content));
  });

  it("a user's sheet named Ringkasan Capaian is left untouched; ours takes another name", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(fixture("lakip-tangsel-2021"));
    const mine = book.addWorksheet("Ringkasan Capaian");
    mine.getCell("A1").value = "Catatan saya";
    mine.getCell("B2").value = 42;
    const input = path.join(dir, "with-own-sheet.xlsx");
    await book.xlsx.writeFile(input);
    const out = path.join(dir, "with-own-sheet.out.xlsx");
    const twice = path.join(dir, "with-own-sheet.twice.xlsx");
    expect((await runCli("summary", input, "-o", out)).code).toBe(1);
    expect((await runCli("summary", out, "-o", twice)).code).toBe(1);
    for (const file of [out, twice]) {
      const sheets = await readSheetsFromFile(file);
      const user = sheets.filter((s) => s.name === "Ringkasan Capaian");
      expect(user).toHaveLength(1);
      expect(user[0].summary).toBeUndefined();
      expect(user[0].values).toEqual([
        ["Catatan saya", null],
        [null, 42],
      ]);
      const ours = sheets.find((s) => s.summary === "ringkasan-capaian");
      expect(ours?.name).toBe("Ringkasan Capaian (2)");
      expect(sheets.filter((s) => s.summary === "ringkasan-capaian")).toHaveLength(1);
    }
  });

  it("checking the output finds what checking the input finds: summary sheets are not tables", async () => {
    const out = path.join(dir, "checked.xlsx");
    await runCli("summary", fixture("lkjip-semarang-2025"), "-o", out);
    const json = async (file: string) => {
      const printed = (await runCli("check", file, "--json")).out;
      // Only the file's name differs between the two reports.
      return JSON.parse(printed.split(JSON.stringify(file).slice(1, -1)).join("FILE"));
    };
    const input = await json(fixture("lkjip-semarang-2025"));
    const output = await json(out);
    expect(output.findings.length).toBeGreaterThan(0);
    expect(output).toEqual(input);
  });
});

describe("sakip summary: arguments and bad input", () => {
  it("needs exactly one file", async () => {
    for (const args of [[], [fixture("lakip-tangsel-2021"), fixture("renja-semarang-2021")]]) {
      const { code, err } = await runCli("summary", ...args);
      expect(code).toBe(2);
      expect(err).toContain("sakip summary FILE.xlsx");
    }
  });

  it("refuses to write over its input, and leaves it as it was", async () => {
    const copy = path.join(dir, "same.xlsx");
    fs.copyFileSync(fixture("lakip-tangsel-2021"), copy);
    const before = sha(copy);
    const { code, err } = await runCli("summary", copy, "-o", path.join(dir, ".", "same.xlsx"));
    expect(code).toBe(2);
    expect(err.split("\n")).toHaveLength(1);
    expect(err).toContain("tidak pernah mengubah");
    expect(sha(copy)).toBe(before);
  });

  it("a missing, non-xlsx or protected file: one line, exit 2, nothing written", async () => {
    const csv = path.join(dir, "data.csv");
    fs.writeFileSync(csv, "a;b\n1;2\n");
    const protectedFile = path.join(dir, "locked.xlsx");
    fs.writeFileSync(protectedFile, oleLike("EncryptionInfo"));
    for (const file of [path.join(dir, "nope.xlsx"), csv, protectedFile]) {
      const out = path.join(dir, "never.xlsx");
      const { code, err } = await runCli("summary", file, "-o", out);
      expect(code).toBe(2);
      expect(err.split("\n")).toHaveLength(1);
      expect(fs.existsSync(out)).toBe(false);
    }
  });

  it("an unknown option or -o without a value is a usage error", async () => {
    expect((await runCli("summary", fixture("lakip-tangsel-2021"), "--bogus")).code).toBe(2);
    const { code, err } = await runCli("summary", fixture("lakip-tangsel-2021"), "-o");
    expect(code).toBe(2);
    expect(err).toContain("-o");
  });

  it("a workbook without SAKIP tables: says so, exit 0, writes nothing", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Catatan").getCell("A1").value = "Rapat koordinasi";
    const input = path.join(dir, "notes.xlsx");
    await book.xlsx.writeFile(input);
    const out = path.join(dir, "notes.out.xlsx");
    const { code, out: printed } = await runCli("summary", input, "-o", out);
    expect(code).toBe(0);
    expect(printed).toContain("tidak ada tabel SAKIP");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("speaks English with --lang en", async () => {
    const out = path.join(dir, "english.xlsx");
    const { out: printed } = await runCli(
      "--lang",
      "en",
      "summary",
      fixture("lakip-tangsel-2021"),
      "-o",
      out,
    );
    expect(printed).toContain("Summary written to");
  });
});
