// Runs the production webpack build once, into a temporary directory, and checks its output.

import { execFile, execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import { DEV_URL, originOf } from "../../scripts/rewrite-urls";
import { allUrls, countOccurrences, parseXml } from "../manifest/manifestDom";
import { RIBBON_ACTIONS } from "../../src/commands/ribbon";
import { WORKER_SCRIPT } from "../../src/preview/gateway";

const ROOT = path.resolve(__dirname, "..", "..");
const WEBPACK_CLI = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
const PRODUCTION_URL: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
  .config.productionUrl;
const DEV_MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

jest.setTimeout(240_000);

let outDir: string;
const read = (file: string) => fs.readFileSync(path.join(outDir, file), "utf8");

/** Environment for a child build: the package.json production URL, not a leftover override. */
function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (!("SAKIP_PRODUCTION_URL" in extra)) delete env.SAKIP_PRODUCTION_URL;
  return env;
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-build-"));
  try {
    await promisify(execFile)(process.execPath, [WEBPACK_CLI, "--mode", "production"], {
      cwd: ROOT,
      env: buildEnv({ SAKIP_DIST_DIR: outDir }),
      timeout: 230_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    // Show webpack's own output in the jest report.
    const e = err as Error & { stdout?: string; stderr?: string };
    e.message = `webpack build failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`;
    throw e;
  }
});

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe("production build", () => {
  it("writes functions.json with upper-case function ids", () => {
    const metadata = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
    expect(Array.isArray(metadata.functions)).toBe(true);
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const fn of metadata.functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9._]*$/);
    }
    expect(read("functions.json")).not.toContain("localhost");
  });

  it("writes English metadata with the same ids, and the manifest offers it to en-US", () => {
    const id = JSON.parse(read("functions.json")) as {
      functions: { id: string; description: string }[];
    };
    const en = JSON.parse(read("functions.en-US.json")) as typeof id;
    expect(en.functions.map((f) => f.id)).toEqual(id.functions.map((f) => f.id));
    const capaian = en.functions.find((f) => f.id === "CAPAIAN");
    expect(capaian?.description).toMatch(/^Performance achievement/);
    expect(read("functions.en-US.json")).not.toContain("localhost");
    expect(read("manifest.xml")).toContain(
      `<bt:Override Locale="en-US" Value="${PRODUCTION_URL}functions.en-US.json"/>`,
    );
  });

  it("associates every function id in functions.js", () => {
    const code = read("functions.js");
    const metadata = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
    for (const { id } of metadata.functions) {
      expect(code).toContain(`CustomFunctions.associate("${id}"`);
    }
  });

  it("rewrites every manifest URL to the production URL", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(PRODUCTION_URL);
    // As many URLs as in the dev manifest, one for one.
    expect(countOccurrences(manifest, PRODUCTION_URL)).toBe(
      countOccurrences(DEV_MANIFEST, DEV_URL),
    );
    expect(countOccurrences(DEV_MANIFEST, DEV_URL)).toBeGreaterThan(5);
  });

  it("keeps the production manifest well-formed, with https URLs under the production URL", () => {
    const { doc, problems } = parseXml(read("manifest.xml"));
    expect(problems).toEqual([]);
    const urls = allUrls(doc);
    expect(urls.length).toBe(allUrls(parseXml(DEV_MANIFEST).doc).length);
    const origin = originOf(PRODUCTION_URL);
    for (const url of urls) {
      expect(url === origin || url.startsWith(PRODUCTION_URL)).toBe(true);
    }
  });

  it("loads office.js, then functions.js, then taskpane.js in taskpane.html", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
    expect(html).toMatch(/<div id=["']?root["']?>/);
    // office.js is the only external resource the page loads.
    const external = [...html.matchAll(/\b(?:src|href)=["']?([^"'\s>]+)/g)]
      .map((m) => m[1])
      .filter((url) => /^(https?:)?\/\//.test(url));
    expect(external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });

  it("emits the web preview's workbook worker beside the page, which starts it by name", () => {
    const worker = read(WORKER_SCRIPT);
    expect(worker.length).toBeGreaterThan(100_000); // ExcelJS and JSZip are in it
    expect(read("taskpane.js")).toContain(JSON.stringify(WORKER_SCRIPT));
    // Not a script of the page itself (the HTML test above lists exactly those).
    expect(read("taskpane.html")).not.toContain(WORKER_SCRIPT);
  });

  it("registers the ribbon's actions in the task pane bundle, the manifest's FunctionFile page", () => {
    const taskpane = read("taskpane.js");
    for (const name of Object.values(RIBBON_ACTIONS)) {
      expect(taskpane).toContain(JSON.stringify(name));
      expect(read("manifest.xml")).toContain(`<FunctionName>${name}</FunctionName>`);
    }
  });

  it("allows only the page's own scripts and Office.js (Content-Security-Policy)", () => {
    const html = read("taskpane.html");
    const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    const directives = new Map(
      meta![1].split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(meta![1]).not.toContain("unsafe-eval");
    // No inline script the policy would have to allow.
    const inline = [...html.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/\bsrc=/.test(m[1]));
    expect(inline).toEqual([]);
  });

  it("copies the icons", () => {
    const icons = fs.readdirSync(path.join(ROOT, "assets")).filter((f) => f.endsWith(".png"));
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const icon of icons) {
      const built = fs.readFileSync(path.join(outDir, "assets", icon));
      expect(built.equals(fs.readFileSync(path.join(ROOT, "assets", icon)))).toBe(true);
    }
  });

  it("emits no source maps in production", () => {
    expect(fs.readdirSync(outDir).filter((f) => f.endsWith(".map"))).toEqual([]);
  });
});

describe("webpack.config.js production URL override", () => {
  // Loads the config in a child process (no second build) and runs its manifest transform.
  function configuredRewrite(env: Record<string, string>): {
    manifest: string;
    rewriteTo: string;
    rewriteAssets: string[];
  } {
    const script = `
      const fs = require("fs");
      const config = require("./webpack.config.js")(undefined, { mode: "production" });
      const CopyWebpackPlugin = require("copy-webpack-plugin");
      const copy = config.plugins.find((p) => p instanceof CopyWebpackPlugin);
      const pattern = copy.patterns.find((p) => p.from === "manifest.xml");
      const manifest = pattern.transform.transformer(fs.readFileSync("manifest.xml"), "manifest.xml");
      const rewrite = config.plugins.find((p) => p.constructor.name === "RewriteUrlsPlugin");
      process.stdout.write(JSON.stringify({ manifest, rewriteTo: rewrite.to, rewriteAssets: rewrite.assets }));
    `;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: ROOT, env: buildEnv(env) });
    return JSON.parse(out.toString());
  }

  it("uses SAKIP_PRODUCTION_URL everywhere when set", () => {
    const url = "https://example.test/sakip/";
    const { manifest, rewriteTo, rewriteAssets } = configuredRewrite({ SAKIP_PRODUCTION_URL: url });
    // functions.json help URLs get the same rewrite.
    expect(rewriteTo).toBe(url);
    expect(rewriteAssets).toContain("functions.json");
    expect(manifest).not.toContain("localhost");
    expect(manifest).not.toContain(PRODUCTION_URL);
    expect(countOccurrences(manifest, url)).toBe(countOccurrences(DEV_MANIFEST, DEV_URL));
    expect(manifest).toContain("<AppDomain>https://example.test</AppDomain>");
    expect(parseXml(manifest).problems).toEqual([]);
  });

  it("falls back to package.json config.productionUrl", () => {
    const { rewriteTo } = configuredRewrite({});
    expect(rewriteTo).toBe(PRODUCTION_URL);
  });
});
