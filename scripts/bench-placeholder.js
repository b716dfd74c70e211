#!/usr/bin/env node
// Placeholder for `npm run bench`: the benchmarks (engine time beside file-load time on
// generated workbooks of growing size) come in a later issue.

console.log(
  "Benchmark belum tersedia; akan ditambahkan pada issue berikutnya.\n" +
    "Benchmarks are not available yet; they come in a later issue.",
);
