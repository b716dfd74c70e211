import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import type { Rule } from "../../src/core/check/context";
import type { Finding, Severity } from "../../src/core/check/types";
import { runCli } from "../helpers/cli";
import { sharedPath } from "../helpers/shared";
import { withDocumentSettings } from "../helpers/webExtension";

/**
 * The `sakip check` command with controlled rules: what it prints, its JSON, its exit codes.
 * The real rules are tested on the fixtures in test/core/rules and test/cli/checkFixtures.
 */

let fakeRules: Rule[] = [];
jest.mock("../../src/core/rules", () => ({
  get RULES() {
    return fakeRules;
  },
}));

const LKJIP = sharedPath("fixtures", "workbooks", "lkjip-semarang-2025.xlsx");
const TANGSEL = sharedPath("fixtures", "workbooks", "lakip-tangsel-2021.xlsx");

/** A rule that reports one finding per workbook at the first data cell of its first table. */
function ruleAt(severity: Severity, extra: Partial<Finding> = {}): Rule {
  return {
    id: "capaian-mismatch",
    run: (ctx) =>
      ctx.workbooks.map((w) => {
        const region = w.regions[0];
        return ctx.finding("capaian-mismatch", {
          at: { file: w.file, sheet: region.sheet, row: region.dataTop, col: region.range.left },
          message: { id: "check.related", params: { cells: "uji" } },
          severity,
          indicator: "Nilai AKIP",
          expected: 100.12,
          actual: 102.6,
          related: [
            { file: w.file, sheet: region.sheet, row: region.dataTop, col: region.range.left + 1 },
          ],
          ...extra,
        });
      }),
  };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-check-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  fakeRules = [];
});

describe("exit codes", () => {
  test("no findings: exit 0 and a line saying so", async () => {
    const { code, out, err } = await runCli("check", LKJIP);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(/lkjip-semarang-2025\.xlsx: \d+ tabel dikenali, tidak ada temuan/);
    expect(out).toMatch(/Jumlah: tidak ada temuan pada 1 berkas/);
  });

  test("an error-severity finding: exit 1", async () => {
    fakeRules = [ruleAt("error")];
    expect((await runCli("check", LKJIP)).code).toBe(1);
  });

  test("only warnings and info: exit 0", async () => {
    fakeRules = [ruleAt("warning"), ruleAt("info")];
    const { code, out } = await runCli("check", LKJIP);
    expect(code).toBe(0);
    expect(out).toMatch(/2 temuan \(0 galat, 1 peringatan, 1 info\)/);
  });

  test("a bad file: exit 2, one line on stderr, nothing on stdout", async () => {
    const csv = path.join(dir, "data.csv");
    fs.writeFileSync(csv, "a;b\n1;2\n");
    const { code, out, err } = await runCli("check", LKJIP, csv);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.split("\n")).toHaveLength(1);
    expect(err).toContain("data.csv");
  });

  test("no file, a missing file, an unknown option: exit 2 with the reason", async () => {
    const none = await runCli("check");
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^Penggunaan: sakip check FILE\.xlsx/);
    const missing = await runCli("check", path.join(dir, "tidak-ada.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Berkas tidak ditemukan/);
    const option = await runCli("check", LKJIP, "--verbose");
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/--verbose/);
  });
});

describe("the readable report", () => {
  test("grouped by file and sheet; cell, indicator, message, related cells and rule id", async () => {
    fakeRules = [ruleAt("error")];
    const { out } = await runCli("check", LKJIP);
    const lines = out.split("\n");
    expect(lines[0]).toMatch(
      /^.*lkjip-semarang-2025\.xlsx: \d+ tabel dikenali, 1 temuan \(1 galat, 0 peringatan, 0 info\)$/,
    );
    expect(lines[1]).toBe('  Lembar "Tabel 2.1"');
    expect(lines[2]).toMatch(
      /^ {4}GALAT {6}\s*A\d+\s+Nilai AKIP: lihat uji \(lihat B\d+\) \[capaian-mismatch\]$/,
    );
    expect(out).toMatch(/Jumlah: 1 temuan pada 1 berkas: 1 galat, 0 peringatan, 0 info\./);
  });

  test("--lang en", async () => {
    fakeRules = [ruleAt("warning")];
    const { out } = await runCli("check", LKJIP, "--lang", "en");
    expect(out).toMatch(/tables recognised, 1 findings \(0 errors, 1 warnings, 0 info\)/);
    expect(out).toMatch(/ {4}WARNING /);
    expect(out).toMatch(/Total: 1 findings in 1 files/);
  });

  test("a rule that fails is named on stderr; the other rules' findings are still reported", async () => {
    const broken: Rule = {
      id: "total-mismatch",
      run: () => {
        throw new Error("kaput");
      },
    };
    fakeRules = [broken, ruleAt("error")];
    const { code, out, err } = await runCli("check", LKJIP);
    expect(code).toBe(1);
    expect(err).toMatch(/Aturan total-mismatch gagal dijalankan.*kaput/);
    expect(out).toMatch(/\[capaian-mismatch\]/);
  });
});

describe("--json", () => {
  test("the CONTRACT shape: files with regions, findings with A1 cells and related cells", async () => {
    fakeRules = [ruleAt("error")];
    const { out } = await runCli("check", LKJIP, "--json");
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(["files", "findings"]);
    expect(json.files[0].file).toBe(LKJIP);
    expect(json.files[0].regions.length).toBeGreaterThan(10);
    expect(json.files[0].regions[0]).toMatchObject({ sheet: "Tabel 2.1", range: "A3:K9" });
    const [finding] = json.findings;
    expect(Object.keys(finding)).toEqual([
      "rule",
      "severity",
      "file",
      "sheet",
      "cell",
      "indicator",
      "expected",
      "actual",
      "message",
      "related",
    ]);
    expect(finding).toMatchObject({
      rule: "capaian-mismatch",
      severity: "error",
      file: LKJIP,
      sheet: "Tabel 2.1",
      indicator: "Nilai AKIP",
      expected: 100.12,
      actual: 102.6,
      message: "lihat uji",
    });
    expect(finding.cell).toMatch(/^A\d+$/);
    expect(finding.related[0]).toEqual({
      file: LKJIP,
      sheet: "Tabel 2.1",
      cell: expect.stringMatching(/^B\d+$/),
    });
  });

  test("no findings: an empty list, exit 0", async () => {
    const { code, out } = await runCli("check", "--json", LKJIP);
    expect(code).toBe(0);
    expect(JSON.parse(out).findings).toEqual([]);
  });
});

describe("several files are checked together", () => {
  test("one run sees the tables of both files; findings name their file", async () => {
    let seen: string[] = [];
    const crossFile: Rule = {
      id: "target-mismatch",
      run: (ctx) => {
        seen = [...new Set(ctx.tables.map((t) => t.file))];
        return [];
      },
    };
    fakeRules = [crossFile, ruleAt("warning")];
    const { out } = await runCli("check", LKJIP, TANGSEL, "--json");
    expect(seen).toEqual([LKJIP, TANGSEL]);
    const json = JSON.parse(out);
    expect(json.files.map((f: { file: string }) => f.file)).toEqual([LKJIP, TANGSEL]);
    expect(json.findings.map((f: { file: string }) => f.file)).toEqual([LKJIP, TANGSEL]);
  });
});

describe("settings from --config", () => {
  function config(content: unknown): string {
    const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
  }

  test("a severity setting turns a rule's errors into warnings: exit 0", async () => {
    fakeRules = [ruleAt("error", {})];
    // A rule that does not set its own severity gets the configured one.
    fakeRules = [
      {
        id: "capaian-mismatch",
        run: (ctx) => [
          ctx.finding("capaian-mismatch", {
            at: { file: ctx.workbooks[0].file, sheet: "Tabel 2.1", row: 4, col: 0 },
            message: { id: "check.related", params: { cells: "uji" } },
          }),
        ],
      },
    ];
    expect((await runCli("check", LKJIP)).code).toBe(1);
    const file = config({ severity: { "capaian-mismatch": "warning" } });
    const { code, out } = await runCli("check", LKJIP, "--config", file);
    expect(code).toBe(0);
    expect(out).toMatch(/PERINGATAN/);
  });

  test("disabledRules: the rule does not run", async () => {
    fakeRules = [ruleAt("error")];
    const file = config({ disabledRules: ["capaian-mismatch"] });
    const { code, out } = await runCli("check", LKJIP, "--config", file);
    expect(code).toBe(0);
    expect(out).toMatch(/tidak ada temuan/);
  });

  test("the settings reach the rules", async () => {
    let clamp: boolean | undefined;
    fakeRules = [
      {
        id: "efficiency-mismatch",
        run: (ctx) => {
          clamp = ctx.settings.clampE;
          return [];
        },
      },
    ];
    await runCli("check", LKJIP, "--config", config({ clampE: false }));
    expect(clamp).toBe(false);
  });

  test("an unusable setting is named on stderr and the run goes on with the default", async () => {
    const file = config({ clampE: "ya", scales: { capaian: "tidak-ada" }, warna: "merah" });
    const { code, err } = await runCli("check", LKJIP, "--config", file);
    expect(code).toBe(0);
    expect(err).toMatch(/Pengaturan clampE = "ya" tidak dapat dipakai/);
    expect(err).toMatch(/Pengaturan scales\.capaian = "tidak-ada"/);
    expect(err).toMatch(/Pengaturan "warna" tidak dikenal/);
  });

  test("a config file that is not JSON: exit 2", async () => {
    const file = path.join(dir, "rusak.json");
    fs.writeFileSync(file, "{ bukan json");
    const { code, err } = await runCli("check", LKJIP, "--config", file);
    expect(code).toBe(2);
    expect(err).toMatch(/rusak\.json/);
  });
});

test("check writes no file", async () => {
  fakeRules = [ruleAt("error")];
  const copy = path.join(dir, "salinan.xlsx");
  fs.copyFileSync(LKJIP, copy);
  const before = fs.readdirSync(dir).sort();
  const bytes = fs.readFileSync(copy);
  await runCli("check", copy);
  expect(fs.readdirSync(dir).sort()).toEqual(before);
  expect(fs.readFileSync(copy).equals(bytes)).toBe(true);
});

test("the real command: a JSON report longer than a pipe's buffer arrives whole", () => {
  fakeRules = [];
  const bin = path.join(__dirname, "..", "..", "bin", "sakip.js");
  const run = spawnSync(process.execPath, [bin, "check", "--json", TANGSEL], { encoding: "utf8" });
  expect(run.stdout.length).toBeGreaterThan(65536);
  const json = JSON.parse(run.stdout);
  expect(json.files[0].file).toBe(TANGSEL);
  expect(run.status).toBe(
    json.findings.some((f: { severity: string }) => f.severity === "error") ? 1 : 0,
  );
});

test("the real command: a big input runs in a node with a larger young generation, same report", () => {
  fakeRules = [];
  const bin = path.join(__dirname, "..", "..", "bin", "sakip.js");
  const direct = spawnSync(process.execPath, [bin, "check", "--json", TANGSEL], {
    encoding: "utf8",
  });
  // Every file counts as big: the command starts node again with the flag.
  const restarted = spawnSync(process.execPath, [bin, "check", "--json", TANGSEL], {
    encoding: "utf8",
    env: { ...process.env, SAKIP_BIG_INPUT_BYTES: "1" },
  });
  expect(restarted.stderr).toBe(direct.stderr);
  expect(restarted.status).toBe(direct.status);
  const strip = (json: string): unknown => ({ ...JSON.parse(json), elapsedMs: undefined });
  expect(strip(restarted.stdout)).toEqual(strip(direct.stdout));
  // Unreadable paths and options weigh nothing; only existing files count.
  const { nodeFlagsFor, YOUNG_GENERATION_FLAG } = jest.requireActual("../../bin/nodeFlags");
  expect(nodeFlagsFor(["--json", "/tidak/ada.xlsx"], [])).toEqual([]);
  expect(nodeFlagsFor([TANGSEL], ["--max-semi-space-size=32"])).toEqual([]);
  process.env.SAKIP_BIG_INPUT_BYTES = "1";
  try {
    expect(nodeFlagsFor([TANGSEL], [])).toEqual([YOUNG_GENERATION_FLAG]);
  } finally {
    delete process.env.SAKIP_BIG_INPUT_BYTES;
  }
});

test("the real command: a reader that stops early (| head) ends it quietly", () => {
  fakeRules = [];
  const bin = path.join(__dirname, "..", "..", "bin", "sakip.js");
  // `head -c 100` reads a little and closes the pipe while the report is still coming.
  const run = spawnSync(
    "sh",
    ["-c", `"${process.execPath}" "${bin}" check --json "${TANGSEL}" | head -c 100 >/dev/null`],
    { encoding: "utf8" },
  );
  expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
  expect(run.status).toBe(0);
});

describe("settings saved in the workbook (the add-in's document setting sakip.config)", () => {
  async function savedWith(config: unknown): Promise<string> {
    const bytes = await withDocumentSettings(new Uint8Array(fs.readFileSync(LKJIP)), {
      "sakip.config": JSON.stringify(JSON.stringify(config)),
    });
    const file = path.join(dir, `tersimpan-${Math.random().toString(36).slice(2)}.xlsx`);
    fs.writeFileSync(file, bytes);
    return file;
  }

  test("the saved settings and table corrections reach the rules", async () => {
    let seen: { clampE?: boolean; kind?: string } = {};
    fakeRules = [
      {
        id: "efficiency-mismatch",
        run: (ctx) => {
          seen = {
            clampE: ctx.settings.clampE,
            kind: ctx.tables.find((t) => t.region.sheet === "Tabel 3.8")?.kind,
          };
          return [];
        },
      },
    ];
    const file = await savedWith({
      clampE: false,
      overrides: [{ sheet: "Tabel 3.8", header: "A3:I4", kind: "other" }],
    });
    const { code, err } = await runCli("check", file);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(seen).toEqual({ clampE: false, kind: "other" });
  });

  test("--config wins over what the workbook saved", async () => {
    fakeRules = [ruleAt("error")];
    const file = await savedWith({ disabledRules: ["capaian-mismatch"] });
    expect((await runCli("check", file)).code).toBe(0);
    const config = path.join(dir, "aktifkan.json");
    fs.writeFileSync(config, JSON.stringify({ disabledRules: [] }));
    expect((await runCli("check", file, "--config", config)).code).toBe(1);
  });

  test("an unreadable saved configuration is named on stderr and ignored", async () => {
    fakeRules = [ruleAt("error")];
    const file = await savedWith({ overrides: "bukan daftar" });
    const { code, err } = await runCli("check", file);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^Peringatan: pengaturan yang tersimpan di .*tersimpan-.*\.xlsx diabaikan: /,
    );
  });
});

describe("--no-progress (the progress bar itself: test/cli/progress.test.ts)", () => {
  test("accepted before or after the files; the report is unchanged", async () => {
    fakeRules = [ruleAt("warning")];
    const plain = await runCli("check", LKJIP);
    const before = await runCli("check", "--no-progress", LKJIP);
    const after = await runCli("check", LKJIP, "--no-progress", "--json");
    expect(before).toEqual(plain);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out).findings).toHaveLength(1);
  });

  test("named among the choices of an unknown option and in the usage", async () => {
    const option = await runCli("check", LKJIP, "--progress");
    expect(option.err).toMatch(/Pilihan: --json, --config KONFIGURASI\.json, --no-progress/);
    expect((await runCli("check")).err).toMatch(/\[--no-progress\]/);
  });

  test("the real command with stderr in a pipe draws no bar and adds no time", () => {
    const bin = path.join(__dirname, "..", "..", "bin", "sakip.js");
    const run = spawnSync(process.execPath, [bin, "check", TANGSEL], {
      encoding: "utf8",
      env: { ...process.env, CI: "" },
    });
    expect(run.stdout).toMatch(/Jumlah: /);
    expect(run.stderr).not.toMatch(/\r|Selesai dalam/);
    expect(run.stderr).not.toContain("\x1b");
  });
});
