#!/usr/bin/env node
// `npm run bench` (issue 8): the engine's time beside ExcelJS's load time on generated
// workbooks of about 10 k, 100 k and 1 M cells, and the worksheet functions' throughput.
//
//   npm run bench                  a table per size, then the function throughput
//   npm run bench -- --json        one JSON object per size per line, then one for functions
//   npm run bench -- --sizes 10000,100000   other sizes
//   npm run bench -- --keep        keep the generated workbooks (their folder is printed)
//
// Runs the compiled engine in lib/ (`npm run build:cli` first; package.json's "bench" does).
// Each size is measured in a fresh child process, so that its peak memory (maxRSS) is that
// size's alone and not the generator's or the previous size's.

const { spawnSync } = require("child_process");
const { nodeFlagsFor } = require("../../bin/nodeFlags");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");

const ROOT = path.resolve(__dirname, "..", "..");
const LIB = path.join(ROOT, "lib");
const DEFAULT_SIZES = [10000, 100000, 1000000];

function parseArgs(argv) {
  const args = { json: false, keep: false, sizes: DEFAULT_SIZES, measure: null, cells: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") args.json = true;
    else if (a === "--keep") args.keep = true;
    else if (a === "--sizes") args.sizes = argv[++i].split(",").map(Number);
    else if (a.startsWith("--sizes=")) args.sizes = a.slice(8).split(",").map(Number);
    else if (a === "--measure") args.measure = argv[++i];
    else if (a === "--cells") args.cells = Number(argv[++i]);
  }
  return args;
}

function requireLib(rel) {
  const file = path.join(LIB, rel);
  try {
    require.resolve(file);
  } catch {
    console.error(`${file} tidak ada: jalankan "npm run build:cli" dulu (missing: run build:cli).`);
    process.exit(2);
  }
  return require(file);
}

/** Child process: load, recognise and check one workbook; print one JSON line. */
async function measure(file, cells) {
  const { readSheets } = requireLib("xlsx/readSheets");
  const { recognise } = requireLib("core/recognize");
  const { runChecks } = requireLib("core/check");
  const { summarise } = requireLib("core/summary");
  const { applyPlans } = requireLib("xlsx/applyPlans");
  const bytes = fs.readFileSync(file);

  let t = performance.now();
  const sheets = await readSheets(bytes);
  const loadMs = performance.now() - t;

  t = performance.now();
  const regions = recognise(sheets);
  const recogniseMs = performance.now() - t;

  t = performance.now();
  const workbook = { file: path.basename(file), sheets, regions };
  const result = runChecks([workbook]);
  const checkMs = performance.now() - t;

  // The plans (engine) and the package writing (gateway), as `sakip summary` runs them.
  t = performance.now();
  const settings = requireLib("core/check").DEFAULT_SETTINGS;
  const plans = summarise({ workbook, model: result.model(), findings: result.findings, settings, lang: "id" });
  const summaryMs = performance.now() - t;
  t = performance.now();
  await applyPlans(bytes, plans);
  const writeMs = performance.now() - t;

  // maxRSS is the process's resident high-water mark in KiB (it covers ExcelJS's peak too).
  const peakMB = process.resourceUsage().maxRSS / 1024;
  const byRule = {};
  for (const f of result.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const line = {
    cells,
    loadMs: round1(loadMs),
    recogniseMs: round1(recogniseMs),
    checkMs: round1(checkMs),
    summaryMs: round1(summaryMs),
    writeMs: round1(writeMs),
    peakMB: round1(peakMB),
    engineOverLoad: round3((recogniseMs + checkMs) / loadMs),
    usPerCell: round3(((recogniseMs + checkMs) * 1000) / cells),
    fileMB: round1(bytes.length / 1048576),
    nodeFlags: process.execArgv.filter((a) => a.startsWith("--max-semi-space-size")),
    sheets: sheets.length,
    tables: regions.length,
    findings: result.findings.length,
    problems: result.problems.length,
    byRule,
  };
  process.stdout.write(JSON.stringify(line) + "\n");
}

function round1(x) {
  return Math.round(x * 10) / 10;
}
function round3(x) {
  return Math.round(x * 1000) / 1000;
}

/** Evaluations per second of fn over `inputs`, run for about `ms` milliseconds. */
function throughput(fn, inputs, ms = 1000) {
  let n = 0;
  let sink = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < inputs.length; i++) {
      const r = fn(inputs[i]);
      if (typeof r === "number") sink += r;
      n++;
    }
    now = performance.now();
  }
  if (sink === 0.5) console.log(""); // keep `sink` alive so the loop is not optimised away
  return Math.round(n / ((now - start) / 1000));
}

function functionThroughput() {
  const { findFunction, callAsExcel } = requireLib("functions/registry");
  const { evalCapaian, evalEfisiensi } = requireLib("core/formulas/worksheet");
  const CAPAIAN = findFunction("CAPAIAN");
  const EFISIENSI = findFunction("EFISIENSI");
  const pairs = [];
  for (let i = 0; i < 1000; i++) pairs.push([50 + (i % 97), 40 + (i % 89)]);
  // Text as planners type it, through the Indonesian number parser.
  const textPairs = pairs.map(([r, t]) => [`${String(r).replace(".", ",")} %`, `${t} %`]);
  // Tabel 3.8 of LKjIP Semarang 2025, three rows per call (ranges as Excel passes them).
  const efis = [];
  for (let i = 0; i < 200; i++) {
    const k = 1 + (i % 7) / 100;
    efis.push([
      [[2222600041 * k], [9868026533], [11847006290.32]],
      [[2011324055], [8767962955 * k], [11163205754]],
      [[106.4], [102.6 * k], [100.12]],
    ]);
  }
  return {
    capaian: {
      excel: throughput((a) => callAsExcel(CAPAIAN, a), pairs),
      excelText: throughput((a) => callAsExcel(CAPAIAN, a), textPairs),
      core: throughput((a) => evalCapaian(a[0], a[1]), pairs),
      plainJs: throughput((a) => (a[0] / a[1]) * 100, pairs),
    },
    efisiensi: {
      excel: throughput((a) => callAsExcel(EFISIENSI, a), efis),
      core: throughput((a) => evalEfisiensi(a[0], a[1], a[2]), efis),
      plainJs: throughput((a) => {
        let s = 0;
        let r = 0;
        for (let i = 0; i < 3; i++) {
          s += (a[0][i][0] * a[2][i][0]) / 100;
          r += a[1][i][0];
        }
        return ((s - r) / s) * 100;
      }, efis),
    },
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? "unknown",
    cores: cpus.length,
    ramGB: round1(os.totalmem() / 1073741824),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

function pad(s, n) {
  s = String(s);
  return s.length >= n ? s : " ".repeat(n - s.length) + s;
}

function fmtMs(x) {
  return x === null ? "-" : x.toFixed(0);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.measure) return measure(args.measure, args.cells);

  const { writeBenchWorkbook } = require("./generate");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-bench-"));
  const m = machine();
  if (!args.json) {
    console.log(`SAKIP bench · ${m.cpu} · ${m.cores} cores · ${m.ramGB} GB · Node ${m.node}`);
    console.log("summary ms = SheetPlans from the model; write ms = applyPlans into the package.");
    console.log(
      [
        pad("cells", 9),
        pad("file MB", 8),
        pad("load ms", 9),
        pad("recog ms", 9),
        pad("check ms", 9),
        pad("summ ms", 8),
        pad("write ms", 9),
        pad("peak MB", 8),
        pad("engine/load", 12),
        pad("µs/cell", 8),
        pad("tables", 7),
        pad("findings", 9),
      ].join(" "),
    );
  }
  const rows = [];
  try {
    for (const size of args.sizes) {
      const file = path.join(dir, `bench-${size}.xlsx`);
      const written = await writeBenchWorkbook(file, size);
      // A fresh process per size; ExcelJS needs a few GB for the 1 M-cell file.
      const child = spawnSync(
        process.execPath,
        [
          "--max-old-space-size=12288",
          // The heap flags `sakip` itself would use for this file (bin/nodeFlags.js).
          ...nodeFlagsFor([file], []),
          path.join(__dirname, "run.js"),
          "--measure",
          file,
          "--cells",
          String(written.cells),
        ],
        { encoding: "utf8", maxBuffer: 1 << 26 },
      );
      if (child.status !== 0) {
        console.error(child.stderr || `bench child failed (exit ${child.status})`);
        process.exitCode = 1;
        break;
      }
      const row = JSON.parse(child.stdout.trim().split("\n").pop());
      rows.push(row);
      if (args.json) {
        process.stdout.write(JSON.stringify(row) + "\n");
      } else {
        console.log(
          [
            pad(row.cells, 9),
            pad(row.fileMB, 8),
            pad(fmtMs(row.loadMs), 9),
            pad(fmtMs(row.recogniseMs), 9),
            pad(fmtMs(row.checkMs), 9),
            pad(fmtMs(row.summaryMs), 8),
            pad(fmtMs(row.writeMs), 9),
            pad(row.peakMB.toFixed(0), 8),
            pad(row.engineOverLoad.toFixed(2), 12),
            pad(row.usPerCell.toFixed(2), 8),
            pad(row.tables, 7),
            pad(row.findings, 9),
          ].join(" "),
        );
      }
    }
    if (rows.length >= 2 && !args.json) {
      const a = rows[rows.length - 2];
      const b = rows[rows.length - 1];
      console.log(
        `time per cell, ${a.cells} → ${b.cells} cells: ×${(b.usPerCell / a.usPerCell).toFixed(2)}`,
      );
    }
    const fns = functionThroughput();
    if (args.json) {
      process.stdout.write(JSON.stringify({ functions: fns, machine: m }) + "\n");
    } else {
      const f = (n) => pad(n.toLocaleString("en-US"), 12);
      console.log("evaluations per second:");
      console.log(
        `  CAPAIAN    callAsExcel ${f(fns.capaian.excel)}  (text "82,57 %") ${f(fns.capaian.excelText)}`,
      );
      console.log(
        `             evalCapaian ${f(fns.capaian.core)}  plain JS r/t×100  ${f(fns.capaian.plainJs)}`,
      );
      console.log(`  EFISIENSI  callAsExcel ${f(fns.efisiensi.excel)}  (3 rows per call)`);
      console.log(
        `           evalEfisiensi ${f(fns.efisiensi.core)}  plain JS          ${f(fns.efisiensi.plainJs)}`,
      );
    }
  } finally {
    if (args.keep) console.error(`workbooks kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
