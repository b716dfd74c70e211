import { execFile } from "child_process";
import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import { promisify } from "util";
import { chromium, type Browser } from "playwright-core";
import { ensureTools, findExecutable } from "./debian";

/**
 * A real browser for end-to-end tests: Debian's Chromium (installed on first use) driven by
 * playwright-core, against the production build of dist/ served on 127.0.0.1.
 */

const ROOT = path.resolve(__dirname, "..", "..");
const WEBPACK_CLI = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");

let chromiumPath: string | Error | undefined;

/** /usr/bin/chromium, installing the Debian package when it is missing (once per process). */
export function ensureChromium(): string {
  if (chromiumPath === undefined) {
    try {
      chromiumPath = ensureTools(() => findExecutable("chromium", ["/usr/bin"]), {
        what: "Chromium",
        packages: ["chromium"],
        commands: ["chromium"],
        lock: "sakip-chromium-install.lock",
      });
    } catch (error) {
      chromiumPath = error instanceof Error ? error : new Error(String(error));
    }
  }
  if (chromiumPath instanceof Error) throw chromiumPath;
  return chromiumPath;
}

/** Flags that work as root in a container, with nothing reaching out to the network. */
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/**
 * Builds the production bundle into a fresh temporary directory and returns it. While
 * iterating on a browser test, env SAKIP_E2E_DIST names a dist/ built before instead.
 */
export async function buildDist(): Promise<string> {
  const prebuilt = process.env.SAKIP_E2E_DIST;
  if (prebuilt) return path.resolve(prebuilt);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-e2e-dist-"));
  const env: NodeJS.ProcessEnv = { ...process.env, SAKIP_DIST_DIR: outDir };
  delete env.SAKIP_PRODUCTION_URL;
  try {
    await promisify(execFile)(process.execPath, [WEBPACK_CLI, "--mode", "production"], {
      cwd: ROOT,
      env,
      timeout: 230_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string };
    e.message = `webpack build failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`;
    throw e;
  }
  return outDir;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` with the project's own static server (scripts/serve.js) on a free port. */
export async function serveDir(dir: string): Promise<StaticServer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script
  const { createHandler } = require(path.join(ROOT, "scripts", "serve.js")) as {
    createHandler(root: string): http.RequestListener;
  };
  const server = http.createServer(createHandler(dir));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Where screenshots go: test-artifacts/ (not committed), or env SAKIP_SCREENSHOT_DIR. */
export function screenshotDir(): string {
  const dir = process.env.SAKIP_SCREENSHOT_DIR ?? path.join(ROOT, "test-artifacts", "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
