#!/usr/bin/env node
// Entry point of the `sakip` command. The TypeScript sources are compiled to lib/ by
// `npm install` (the prepare script) or `npm run build:cli`.
const path = require("path");
const fs = require("fs");

const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("sakip belum dibangun: jalankan `npm run build:cli` lebih dulu.\n");
  process.exit(2);
}
// A big input runs in a node started with a larger young generation (bin/nodeFlags.js).
const args = process.argv.slice(2);
const flags = require("./nodeFlags").nodeFlagsFor(args);
if (flags.length > 0) {
  const { spawnSync } = require("child_process");
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, ...flags, path.join(__dirname, "sakip.js"), ...args],
    {
      stdio: "inherit",
    },
  );
  if (!child.error) {
    if (child.signal) process.kill(process.pid, child.signal);
    process.exit(child.status ?? 2);
  }
  // node could not be started again: check in this process, only slower.
}

// A reader that stops early (`sakip check … | head`) closes the pipe: the rest of the report
// has nowhere to go, which is not an error of the check. Stop quietly, as other tools do.
process.stdout.on("error", (error) => {
  if (error && error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

require(entry)
  .main(args)
  // exitCode, not exit(): a pipe takes stdout asynchronously, and exit() would cut a long
  // JSON report off at the pipe's buffer size.
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`sakip: ${error && error.message ? error.message : error}\n`);
    process.exitCode = 2;
  });
