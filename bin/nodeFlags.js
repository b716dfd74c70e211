// V8 flags for a `sakip` run, decided from the size of its input files. Shared by bin/sakip.js
// and the benchmark (test/bench/run.js), so the bench measures the engine as the CLI runs it.
//
// Checking a big workbook allocates millions of short-lived objects (cell readings, rows of
// the model). With V8's default young generation (16 MB semi-spaces) they are promoted and
// collected again as old objects, and a 1 M-cell check spent about half its time in GC.
// A V8 heap flag can only be given when the process starts, so a big run starts node again.
const fs = require("fs");

const YOUNG_GENERATION_FLAG = "--max-semi-space-size=64";
/** About 400 000 cells of .xlsx; below this the default heap is as fast. */
const BIG_INPUT_BYTES = 4 * 1024 * 1024;

/** The total size of the arguments that are files (other arguments count nothing). */
function inputBytes(args) {
  let total = 0;
  for (const arg of args) {
    try {
      const stat = fs.statSync(arg);
      if (stat.isFile()) total += stat.size;
    } catch {
      // Not a file (an option, a missing path): the CLI reports it itself.
    }
  }
  return total;
}

/** Flags to add for these arguments, none when the node process already has them. */
function nodeFlagsFor(args, execArgv = process.execArgv) {
  if (execArgv.some((a) => a.startsWith("--max-semi-space-size"))) return [];
  // The threshold can be lowered to exercise the restart on small files (tests).
  const big = Number(process.env.SAKIP_BIG_INPUT_BYTES) || BIG_INPUT_BYTES;
  return inputBytes(args) >= big ? [YOUNG_GENERATION_FLAG] : [];
}

module.exports = { nodeFlagsFor, YOUNG_GENERATION_FLAG, BIG_INPUT_BYTES };
