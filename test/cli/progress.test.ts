import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { ciIsSet, progressLine, startProgress } from "../../src/cli/progress";

/**
 * The progress bar of `sakip check` and `sakip regions` on stderr: drawn only on a terminal
 * (here a fake one), never with --json, --no-progress or CI set, and never changing stdout.
 */

const ERASE = "\x1b[K";
const CLEAR = `\r${ERASE}`;
const LONG_NAME = `laporan-kinerja-${"sangat-panjang-".repeat(8)}2021.xlsx`;

type Event = { to: "tty"; text: string } | { to: "out" | "err"; line: string };

/** A CliIO on a fake terminal that logs every write, in order, across stdout, stderr and tty. */
function fakeTerminalIO(
  options: { columns?: number; tty?: boolean; env?: Record<string, string> } = {},
): { io: CliIO; events: Event[] } {
  const events: Event[] = [];
  const io: CliIO = {
    out: (line) => events.push({ to: "out", line }),
    err: (line) => events.push({ to: "err", line }),
    env: options.env ?? {},
    ...(options.tty === false
      ? {}
      : {
          terminal: {
            write: (text: string) => events.push({ to: "tty", text }),
            columns: () => options.columns,
          },
        }),
  };
  return { io, events };
}

async function run(args: string[], options: Parameters<typeof fakeTerminalIO>[0] = {}) {
  const { io, events } = fakeTerminalIO(options);
  const code = await main(args, io);
  const tty = events.flatMap((e) => (e.to === "tty" ? [e.text] : []));
  const out = events.flatMap((e) => (e.to === "out" ? [e.line] : [])).join("\n");
  const err = events.flatMap((e) => (e.to === "err" ? [e.line] : [])).join("\n");
  return { code, events, tty, out, err };
}

/** The visible text of a frame: without its leading "\r" and trailing erase. */
function visible(frame: string): string {
  const start = frame.startsWith("\r") ? 1 : 0;
  return frame.slice(start, frame.endsWith(ERASE) ? -ERASE.length : undefined);
}

/** A small efficiency table (the shape of LKjIP Tabel 3.8): quick to read, has a report. */
async function smallWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Tabel 3.8");
  sheet.addRows([
    ["Tabel 3.8 Tingkat Efisiensi Penggunaan Anggaran Tahun 2025"],
    [],
    [
      "Sasaran",
      "Indikator Kinerja",
      "Pagu Anggaran (Rp)",
      "Realisasi Anggaran (Rp)",
      "Target",
      "Realisasi",
      "Capaian (%)",
    ],
    ["Meningkatnya kinerja", "Nilai AKIP", 1_000_000, 900_000, 80, 82, 102.5],
    ["Meningkatnya layanan", "Indeks kepuasan", 2_000_000, 1_500_000, 90, 85, 94.44],
  ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

let dir: string;
let files: string[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-progress-"));
  const bytes = await smallWorkbook();
  files = ["a.xlsx", "b.xlsx", LONG_NAME].map((name) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("progressLine", () => {
  test("the bar, n/N berkas and the file", () => {
    const line = progressLine(
      3,
      12,
      { id: "progress.reading", params: { file: "x.xlsx" } },
      80,
      "id",
    );
    expect(line).toBe("[#####---------------] 3/12 berkas  membaca x.xlsx");
    const en = progressLine(12, 12, { id: "progress.checking" }, 80, "en");
    expect(en).toBe("[####################] 12/12 files  checking …");
  });

  test("a long name gives way so that the count stays and the line fits the width", () => {
    for (const columns of [100, 60, 40, 30]) {
      const message = { id: "progress.reading" as const, params: { file: LONG_NAME } };
      const line = progressLine(1, 3, message, columns, "id");
      expect(Array.from(line).length).toBeLessThanOrEqual(columns - 1);
      expect(line).toContain("1/3 berkas");
      expect(line).toMatch(/membaca lapor/);
      expect(line).toMatch(/…$/);
    }
  });

  test("a very narrow terminal: the whole line is cut", () => {
    const message = { id: "progress.reading" as const, params: { file: LONG_NAME } };
    const line = progressLine(1, 3, message, 12, "id");
    expect(Array.from(line).length).toBe(11);
    expect(line.startsWith("1/3 berkas")).toBe(true);
  });
});

test("CI counts as set unless empty, 0 or false", () => {
  expect(ciIsSet({ CI: "true" })).toBe(true);
  expect(ciIsSet({ CI: "1" })).toBe(true);
  expect(ciIsSet({ CI: "woodpecker" })).toBe(true);
  expect(ciIsSet({})).toBe(false);
  expect(ciIsSet({ CI: "" })).toBe(false);
  expect(ciIsSet({ CI: "0" })).toBe(false);
  expect(ciIsSet({ CI: "FALSE" })).toBe(false);
});

test("the elapsed time after the report, in the user's language", () => {
  const { io, events } = fakeTerminalIO();
  let clock = 1000;
  const progress = startProgress(io, { json: false, noProgress: false }, 1, "id", () => clock);
  progress.reading(0, "/x/a.xlsx");
  clock += 12_345;
  progress.finish();
  expect(events.at(-2)).toEqual({ to: "tty", text: CLEAR });
  expect(events.at(-1)).toEqual({ to: "err", line: "Selesai dalam 12,3 detik." });
  progress.reading(0, "/x/a.xlsx");
  expect(events).toHaveLength(3);
});

describe("sakip check on a terminal", () => {
  test("one \\r-line per step with n/N and the base name, cleared before the report", async () => {
    const { code, tty, events, err } = await run(["check", ...files]);
    expect(code).toBeLessThan(2);
    const frames = tty.filter((t) => t !== CLEAR);
    for (const frame of frames) {
      expect(frame.startsWith("\r") && frame.endsWith(ERASE)).toBe(true);
      expect(visible(frame)).not.toMatch(/[\r\n]/);
      expect(Array.from(visible(frame)).length).toBeLessThanOrEqual(79);
    }
    const texts = frames.map(visible);
    expect(texts[0]).toMatch(/ 0\/3 berkas {2}membaca a\.xlsx$/);
    expect(texts[1]).toMatch(/ 1\/3 berkas {2}terbaca: a\.xlsx$/);
    expect(texts[2]).toMatch(/ 1\/3 berkas {2}membaca b\.xlsx$/);
    expect(texts[3]).toMatch(/ 2\/3 berkas {2}terbaca: b\.xlsx$/);
    expect(texts[4]).toMatch(/ 2\/3 berkas {2}membaca laporan-kinerja-sangat-.*…$/);
    expect(texts[5]).toMatch(/ 3\/3 berkas {2}terbaca: laporan-kinerja-sangat-.*…$/);
    expect(texts[6]).toMatch(/ 3\/3 berkas {2}memeriksa …$/);
    expect(texts).toHaveLength(7);
    // No directory in the line: only the base name.
    expect(texts.join("")).not.toContain(dir);

    // The bar is erased before the first line of the report and never drawn again.
    const firstOut = events.findIndex((e) => e.to === "out");
    expect(events.slice(0, firstOut).at(-1)).toEqual({ to: "tty", text: CLEAR });
    expect(events.slice(firstOut).some((e) => e.to === "tty")).toBe(false);
    expect(err).toMatch(/^Selesai dalam \d+,\d detik\.$/);
    expect(events.at(-1)?.to).toBe("err");
  });

  test("stdout is the same report with and without the bar", async () => {
    const withBar = await run(["check", ...files]);
    const without = await run(["check", ...files], { tty: false });
    expect(withBar.tty.length).toBeGreaterThan(0);
    expect(without.tty).toEqual([]);
    expect(withBar.out).toBe(without.out);
    expect(withBar.code).toBe(without.code);
    expect(without.out).toMatch(/Jumlah: .* 3 berkas/);
    expect(without.err).toBe("");
  });

  test("the width follows the terminal; 80 columns when it does not say", async () => {
    const narrow = await run(["check", ...files], { columns: 40 });
    for (const frame of narrow.tty)
      expect(Array.from(visible(frame)).length).toBeLessThanOrEqual(39);
    expect(narrow.tty.map(visible).join("\n")).toMatch(/2\/3 berkas {2}membaca lapor.*…/);
    const unknown = await run(["check", files[2]], { columns: undefined });
    const long = unknown.tty.map(visible).find((t) => t.includes("membaca"));
    expect(Array.from(long ?? "").length).toBe(79);
  });

  test("off with --json, --no-progress, CI set, or when stderr is not a terminal", async () => {
    const cases: [string[], Parameters<typeof fakeTerminalIO>[0]][] = [
      [["check", "--json", ...files], {}],
      [["check", "--no-progress", ...files], {}],
      [["check", ...files], { env: { CI: "true" } }],
      [["check", ...files], { tty: false }],
      [["regions", "--json", ...files], {}],
      [["regions", "--no-progress", ...files], {}],
    ];
    for (const [args, options] of cases) {
      const { tty, err } = await run(args, options);
      expect(tty).toEqual([]);
      expect(err).not.toMatch(/Selesai/);
    }
  });

  test("a bad file: the bar is erased before the error line, and no elapsed time", async () => {
    const csv = path.join(dir, "data.csv");
    fs.writeFileSync(csv, "a;b\n1;2\n");
    const { code, events, err } = await run(["check", files[0], csv, files[1]]);
    expect(code).toBe(2);
    const errAt = events.findIndex((e) => e.to === "err");
    expect(events[errAt - 1]).toEqual({ to: "tty", text: CLEAR });
    expect(events.slice(errAt).some((e) => e.to === "tty")).toBe(false);
    expect(err.split("\n")).toHaveLength(1);
    expect(err).toContain("data.csv");
  });
});

describe("sakip regions on a terminal", () => {
  test("n/N per file, cleared before the listing, same stdout as without", async () => {
    const withBar = await run(["regions", ...files]);
    const without = await run(["regions", ...files], { tty: false });
    expect(withBar.out).toBe(without.out);
    const texts = withBar.tty.filter((t) => t !== CLEAR).map(visible);
    expect(texts).toHaveLength(6);
    expect(texts[0]).toMatch(/0\/3 berkas {2}membaca a\.xlsx$/);
    expect(texts[5]).toMatch(/3\/3 berkas {2}terbaca: laporan-kinerja-.*…$/);
    const firstOut = withBar.events.findIndex((e) => e.to === "out");
    expect(withBar.events[firstOut - 1]).toEqual({ to: "tty", text: CLEAR });
    expect(withBar.err).toMatch(/^Selesai dalam \d+,\d detik\.$/);
  });
});
