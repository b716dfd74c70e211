import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { contractJson, regionsToJson } from "../../src/cli/json";
import { applyOverrides } from "../../src/core/overrides";
import { recognise } from "../../src/core/recognize";
import { oleLike } from "../helpers/badFiles";
import { column, efisiensiRegion } from "../helpers/regions";
import { runCli } from "../helpers/cli";
import { sharedPath } from "../helpers/shared";

// recognise() is the real one unless a test says otherwise.
jest.mock("../../src/core/recognize", () => {
  const actual = jest.requireActual("../../src/core/recognize");
  return { ...actual, recognise: jest.fn(actual.recognise) };
});
const mockedRecognise = recognise as jest.MockedFunction<typeof recognise>;
const realRecognise = jest.requireActual("../../src/core/recognize").recognise as typeof recognise;

const LKJIP = sharedPath("fixtures", "workbooks", "lkjip-semarang-2025.xlsx");
const TANGSEL = sharedPath("fixtures", "workbooks", "lakip-tangsel-2021.xlsx");

const run = runCli;

let dir: string;
function write(name: string, data: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-regions-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  mockedRecognise.mockReset();
  mockedRecognise.mockImplementation(realRecognise);
});

describe("regionsToJson: the CONTRACT shape", () => {
  test("one region: A1 ranges, column letters, only columns with a role, year when defined", () => {
    const region = efisiensiRegion({
      columns: [
        column("A", "sasaran"),
        column("C", "pagu"),
        column("E", "target", { year: 2025 }),
        column("F", "target", { year: 2025, variant: "perubahan", cumulative: true }),
        column("H", null),
        column("J", "realisasi", { period: "TW4", endOfPeriod: true, source: "pk" }),
      ],
    });
    const json = contractJson([regionsToJson("lkjip-2025.xlsx", [region])]);
    expect(json).toEqual({
      files: [
        {
          file: "lkjip-2025.xlsx",
          regions: [
            {
              sheet: "Tabel 3.8",
              range: "A3:I8",
              header: "A3:I4",
              kind: "efisiensi",
              year: 2025,
              columns: [
                { col: "A", role: "sasaran" },
                { col: "C", role: "pagu" },
                { col: "E", role: "target", year: 2025 },
                {
                  col: "F",
                  role: "target",
                  year: 2025,
                  variant: "perubahan",
                  cumulative: true,
                },
                { col: "J", role: "realisasi", endOfPeriod: true, period: "TW4", source: "pk" },
              ],
              confidence: 0.92,
            },
          ],
        },
      ],
      findings: [],
    });
    // The CONTRACT's keys in the CONTRACT's order, the additive ones after.
    expect(Object.keys(json.files[0].regions[0])).toEqual([
      "sheet",
      "range",
      "header",
      "kind",
      "year",
      "columns",
      "confidence",
    ]);
  });

  test("no year, an overridden region, a column beyond Z, a one-cell header", () => {
    const region = efisiensiRegion({
      year: undefined,
      overridden: true,
      header: { top: 0, left: 27, bottom: 0, right: 27 },
      range: { top: 0, left: 27, bottom: 5, right: 27 },
      columns: [column("AB", "indikator")],
      confidence: 1,
    });
    const [json] = regionsToJson("b.xlsx", [region]).regions;
    expect(json).toEqual({
      sheet: "Tabel 3.8",
      range: "AB1:AB6",
      header: "AB1",
      kind: "efisiensi",
      columns: [{ col: "AB", role: "indikator" }],
      confidence: 1,
      overridden: true,
    });
    expect("year" in json).toBe(false);
  });

  test("a file without regions", () => {
    expect(regionsToJson("kosong.xlsx", [])).toEqual({ file: "kosong.xlsx", regions: [] });
  });
});

describe("sakip regions FILE", () => {
  test("--json on a real workbook prints parseable CONTRACT JSON", async () => {
    const r = await run("regions", LKJIP, "--json");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    expect(Object.keys(json).sort()).toEqual(["files", "findings"]);
    expect(json.files).toHaveLength(1);
    expect(json.files[0].file).toBe(LKJIP);
    expect(Array.isArray(json.files[0].regions)).toBe(true);
    expect(json.findings).toEqual([]);
    // recognise() saw every sheet of the workbook.
    const sheets = mockedRecognise.mock.calls[0][0];
    expect(sheets.map((s) => s.name)).toContain("Tabel 3.8");
  });

  test("several files: one entry each, in the order given", async () => {
    const r = await run("regions", "--json", LKJIP, TANGSEL);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files.map((f: { file: string }) => f.file)).toEqual([LKJIP, TANGSEL]);
  });

  test("the readable listing, in Indonesian", async () => {
    mockedRecognise.mockReturnValue([efisiensiRegion()]);
    const r = await run("regions", LKJIP);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe(`${LKJIP}: 1 tabel dikenali`);
    expect(lines[1]).toBe("Tabel 3.8  A3:I8  efisiensi tahun 2025 (keyakinan 92%)");
    expect(lines).toContain('  C  pagu                  "Pagu Anggaran (Rp)"');
    expect(lines).toContain('  E  target 2025           "Target"');
    expect(lines.some((l) => l.startsWith("  H "))).toBe(false);
  });

  test("--lang en", async () => {
    mockedRecognise.mockReturnValue([efisiensiRegion({ overridden: true })]);
    const r = await run("--lang", "en", "regions", LKJIP);
    expect(r.out.split("\n").slice(0, 2)).toEqual([
      `${LKJIP}: 1 tables recognised`,
      "Tabel 3.8  A3:I8  efisiensi year 2025 (confidence 92%), corrected by the user",
    ]);
  });

  test("a workbook without any table: a clear line, exit 0", async () => {
    mockedRecognise.mockReturnValue([]);
    const r = await run("regions", LKJIP);
    expect(r).toEqual({
      code: 0,
      out: `${LKJIP}: tidak ditemukan tabel yang dikenali.`,
      err: "",
    });
    const en = await run("regions", LKJIP, "--lang=en");
    expect(en.out).toBe(`${LKJIP}: no recognised table was found.`);
  });

  test("it writes no file", async () => {
    const before = fs.readdirSync(dir).sort();
    const beforeShared = fs.readdirSync(path.dirname(LKJIP)).sort();
    await run("regions", LKJIP, "--json");
    await run("regions", LKJIP);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(fs.readdirSync(path.dirname(LKJIP)).sort()).toEqual(beforeShared);
  });
});

describe("sakip regions --config", () => {
  const config = (data: unknown) => write(`config-${Math.random()}.json`, JSON.stringify(data));

  test("the overrides reach recognise and change the region in the output", async () => {
    mockedRecognise.mockImplementation(
      (_sheets, options) => applyOverrides([efisiensiRegion()], options?.overrides ?? []).regions,
    );
    const file = config({
      overrides: [
        {
          sheet: "Tabel 3.8",
          header: "A3:I4",
          kind: "anggaran",
          columns: { H: { role: "selisih" } },
        },
      ],
      skala: "capaian-permendagri86",
    });
    const r = await run("regions", LKJIP, "--json", "--config", file);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(mockedRecognise.mock.calls[0][1]).toEqual({
      overrides: [
        {
          sheet: "Tabel 3.8",
          header: "A3:I4",
          kind: "anggaran",
          columns: { H: { role: "selisih" } },
        },
      ],
    });
    const region = JSON.parse(r.out).files[0].regions[0];
    expect(region).toMatchObject({ kind: "anggaran", confidence: 1, overridden: true });
    expect(region.columns).toContainEqual({ col: "H", role: "selisih" });

    // Without the config, the same mock gives the recogniser's own kind.
    const plain = await run("regions", LKJIP, "--json");
    expect(JSON.parse(plain.out).files[0].regions[0].kind).toBe("efisiensi");
  });

  test("an override that matches no table: a warning on stderr, still exit 0", async () => {
    mockedRecognise.mockReturnValue([efisiensiRegion()]);
    const file = config({ overrides: [{ sheet: "Tabel 9", header: "B3:F4", kind: "iku" }] });
    const r = await run("regions", LKJIP, "--json", `--config=${file}`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files).toHaveLength(1);
    expect(r.err).toBe(
      'Peringatan: koreksi untuk lembar "Tabel 9" dengan header B3:F4 tidak cocok dengan tabel mana pun.',
    );
  });
});

describe("sakip regions: could not run → exit 2, one line on stderr, nothing on stdout", () => {
  async function cannotRun(args: string[], pattern: RegExp) {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toMatch(pattern);
    return r;
  }

  test("no file given", async () => {
    await cannotRun(["regions"], /^Penggunaan: sakip regions FILE\.xlsx/);
    await cannotRun(["regions", "--json"], /^Penggunaan: sakip regions/);
  });

  test("a missing file", async () => {
    const missing = path.join(dir, "tidak-ada.xlsx");
    await cannotRun(["regions", missing], /^Berkas tidak ditemukan: .*tidak-ada\.xlsx$/);
    await cannotRun(["--lang", "en", "regions", missing], /^File not found: /);
  });

  test("a folder", async () => {
    await cannotRun(["regions", dir], /adalah folder, bukan berkas \.xlsx/);
  });

  test("a CSV file", async () => {
    const csv = write("tabel.csv", "No,Indikator\n1,Persentase koperasi aktif\n");
    await cannotRun(["regions", csv], /tabel\.csv: Berkas ini bukan buku kerja Excel \.xlsx/);
  });

  test("a corrupt (truncated) xlsx", async () => {
    const whole = fs.readFileSync(LKJIP);
    const file = write("rusak.xlsx", whole.subarray(0, 5000));
    await cannotRun(["regions", file], /rusak\.xlsx: Berkas \.xlsx ini rusak/);
  });

  test("an encrypted xlsx, an old .xls, an empty file", async () => {
    const encrypted = write("sandi.xlsx", oleLike("EncryptionInfo"));
    await cannotRun(["regions", encrypted], /sandi\.xlsx: .*dilindungi kata sandi/);
    await cannotRun(["--lang", "en", "regions", encrypted], /password-protected/);
    await cannotRun(["regions", write("lama.xls", oleLike("Workbook"))], /97-2003/);
    await cannotRun(["regions", write("nol.xlsx", "")], /kosong \(0 byte\)/);
  });

  test("one bad file among good ones stops the run before anything is printed", async () => {
    const csv = write("lain.csv", "a,b\n");
    await cannotRun(["regions", "--json", LKJIP, csv], /lain\.csv: /);
  });

  test("a malformed, missing or invalid configuration", async () => {
    const bad = write("rusak.json", "{ overrides: [");
    await cannotRun(
      ["regions", LKJIP, "--config", bad],
      /^Konfigurasi .*rusak\.json: Konfigurasi bukan JSON yang sah: /,
    );
    await cannotRun(
      ["regions", LKJIP, "--config", path.join(dir, "tidak-ada.json")],
      /^Berkas tidak ditemukan: .*tidak-ada\.json$/,
    );
    const unknownKind = write(
      "jenis.json",
      JSON.stringify({ overrides: [{ sheet: "Tabel 3.8", header: "A3:I4", kind: "belanja" }] }),
    );
    await cannotRun(
      ["regions", LKJIP, "--config", unknownKind],
      /overrides\[0\]\.kind "belanja" tidak dikenal\. Jenis tabel yang tersedia: renstra-target, .*other\.$/,
    );
    const unknownRole = write(
      "peran.json",
      JSON.stringify({
        overrides: [{ sheet: "Tabel 3.8", header: "A3:I4", columns: { C: { role: "dana" } } }],
      }),
    );
    await cannotRun(
      ["regions", LKJIP, "--config", unknownRole],
      /columns\.C\.role "dana" tidak dikenal\. Peran kolom yang tersedia: kode, /,
    );
  });

  test("bad options", async () => {
    await cannotRun(["regions", LKJIP, "--config"], /"--config" memerlukan nilai/);
    await cannotRun(
      ["regions", LKJIP, "--csv"],
      /Pilihan "--csv" tidak dikenal untuk perintah regions/,
    );
  });
});

describe("bin/sakip.js regions (the installed command)", () => {
  const bin = path.resolve(__dirname, "../../bin/sakip.js");

  test("a missing file exits 2 with one line on stderr", () => {
    const r = spawnSync(process.execPath, [bin, "regions", path.join(dir, "hilang.xlsx")]);
    expect(r.status).toBe(2);
    expect(r.stdout.toString()).toBe("");
    expect(r.stderr.toString()).toMatch(/^Berkas tidak ditemukan: .*hilang\.xlsx\n$/);
  });

  test("--json on a real workbook", () => {
    const r = spawnSync(process.execPath, [bin, "regions", LKJIP, "--json"]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout.toString());
    expect(json.files[0].file).toBe(LKJIP);
    expect(json).toHaveProperty("findings");
  });
});
