#!/usr/bin/env node
// Dependency-free static file server for the built add-in (dist/).
//
//   node scripts/serve.js [--port 3000] [--dir dist] [--https]
//
// Binds 127.0.0.1 only. Port: --port, else env PORT, else 3000. "/" serves taskpane.html.
// --https serves TLS with the Office dev certificate (what the sideloaded dev manifest at
// https://localhost:3000/ needs); create it once with `npx office-addin-dev-certs install`.
// The certificate files can also be given with env SAKIP_TLS_CERT and SAKIP_TLS_KEY.

const fs = require("fs");
const http = require("http");
const https = require("https");
const os = require("os");
const path = require("path");
const { URL } = require("url");

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Content type for a file name; unknown types are served as bytes. */
function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
}

/** Parses --port N / --port=N, --dir D / --dir=D, --https; unknown arguments are errors. */
function parseArgs(argv) {
  const options = { port: undefined, dir: undefined, https: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--port") options.port = value();
    else if (flag === "--dir") options.dir = value();
    else if (flag === "--https") options.https = true;
    else throw new Error(`Unknown argument: ${arg}`);
  }
  return options;
}

function parsePort(text) {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid port: ${text}`);
  }
  return port;
}

/**
 * Maps a request URL path to a file inside root, or null when it would leave root
 * (directory traversal, NUL bytes, bad escapes). "/" and directories map to taskpane.html.
 */
function resolveRequestPath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const relative = path.normalize(decoded.replace(/\\/g, "/")).replace(/^([/\\])+/, "");
  const file = path.resolve(root, relative || "taskpane.html");
  const rootWithSep = root.endsWith(path.sep) ? root : root + path.sep;
  if (file !== root && !file.startsWith(rootWithSep)) return null;
  return file === root ? path.join(root, "taskpane.html") : file;
}

function createHandler(root) {
  return (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(405, "Method Not Allowed\n", { Allow: "GET, HEAD" });
      return;
    }
    let file = resolveRequestPath(root, req.url || "/");
    if (!file) {
      send(403, "Forbidden\n");
      return;
    }
    fs.stat(file, (err, stats) => {
      if (!err && stats.isDirectory()) {
        file = path.join(file, "taskpane.html");
        try {
          stats = fs.statSync(file);
        } catch (e) {
          err = e;
        }
      }
      if (err || !stats.isFile()) {
        send(404, "Not Found\n");
        return;
      }
      res.writeHead(200, {
        "Content-Type": mimeType(file),
        "Content-Length": stats.size,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      fs.createReadStream(file)
        .on("error", () => res.destroy())
        .pipe(res);
    });
  };
}

function tlsOptions() {
  const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = process.env.SAKIP_TLS_CERT || path.join(certDir, "localhost.crt");
  const key = process.env.SAKIP_TLS_KEY || path.join(certDir, "localhost.key");
  if (!fs.existsSync(cert) || !fs.existsSync(key)) {
    throw new Error(
      `TLS certificate not found (${cert}, ${key}).\n` +
        "Buat dulu / create it first: npx office-addin-dev-certs install",
    );
  }
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

/** The SourceLocation of the built manifest, to tell whether it points at this server. */
function manifestSourceLocation(root) {
  try {
    const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
    const match = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(xml);
    return match ? match[1] : null;
  } catch {
    return null;
  }
}

/** What the server prints when it starts: what to open, and for what. */
function bannerLines(root, url) {
  const pane = `${url}taskpane.html`;
  const manifest = path.relative(process.cwd(), path.join(root, "manifest.xml")) || "manifest.xml";
  const source = manifestSourceLocation(root);
  const lines = [
    "",
    `SAKIP untuk Excel: melayani ${path.relative(process.cwd(), root) || "."} di ${url}`,
    `SAKIP for Excel: serving ${path.relative(process.cwd(), root) || "."} at ${url}`,
    "",
    `  Pratinjau web: ${pane}`,
    "  (web preview: open it in a browser and pick an .xlsx, no Excel needed;",
    "   inside Excel the same page is the task pane)",
    `  Manifest untuk sideload / manifest for sideloading: ${manifest}`,
  ];
  if (source && !source.startsWith(url)) {
    let origin = null;
    try {
      origin = new URL(source);
    } catch {
      // Not a URL: say nothing more.
    }
    if (origin && origin.hostname === "localhost") {
      const cmd = `node scripts/serve.js --https --port ${origin.port || 443}`;
      lines.push(
        "",
        `  Catatan: ${manifest} menunjuk ke ${source}; untuk sideload jalankan: ${cmd}`,
        `  Note: ${manifest} points at ${source}; to sideload, run: ${cmd}`,
      );
    } else if (origin) {
      lines.push(
        "",
        `  Catatan: ${manifest} (build produksi) menunjuk ke ${source}, bukan server ini.`,
        "  Untuk sideload ke server ini: npm run build:dev, lalu node scripts/serve.js --https.",
        `  Note: ${manifest} (production build) points at ${source}, not this server.`,
        "  To sideload against this server: npm run build:dev, then node scripts/serve.js --https.",
      );
    }
  }
  lines.push("", "  Ctrl+C untuk berhenti / to stop.", "");
  return lines;
}

function printBanner(root, url) {
  console.log(bannerLines(root, url).join("\n"));
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const port = parsePort(options.port ?? process.env.PORT ?? 3000);
  const root = path.resolve(options.dir || path.join(__dirname, "..", "dist"));
  if (!fs.existsSync(path.join(root, "taskpane.html"))) {
    console.error(
      `${root}/taskpane.html tidak ada / does not exist. Jalankan dulu / run first: npm run build`,
    );
    process.exit(1);
  }
  const handler = createHandler(root);
  const server = options.https
    ? https.createServer(tlsOptions(), handler)
    : http.createServer(handler);
  server.on("error", (err) => {
    console.error(`Server gagal / failed: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, "127.0.0.1", () => {
    const actual = server.address().port;
    const scheme = options.https ? "https" : "http";
    printBanner(root, `${scheme}://localhost:${actual}/`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}

module.exports = {
  MIME_TYPES,
  mimeType,
  parseArgs,
  resolveRequestPath,
  createHandler,
  bannerLines,
};
