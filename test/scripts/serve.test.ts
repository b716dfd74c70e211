import fs from "fs";
import http from "http";
import type { AddressInfo } from "net";
import os from "os";
import path from "path";
import {
  bannerLines,
  createHandler,
  mimeType,
  parseArgs,
  resolveRequestPath,
} from "../../scripts/serve";

describe("resolveRequestPath", () => {
  const root = path.resolve(os.tmpdir(), "sakip-root");

  it("maps / to taskpane.html and files inside the root", () => {
    expect(resolveRequestPath(root, "/")).toBe(path.join(root, "taskpane.html"));
    expect(resolveRequestPath(root, "/assets/icon-16.png?v=1")).toBe(
      path.join(root, "assets", "icon-16.png"),
    );
    expect(resolveRequestPath(root, "/a%20b.js")).toBe(path.join(root, "a b.js"));
  });

  it("never leaves the root", () => {
    for (const bad of [
      "/../x",
      "/..%2f..%2fetc/passwd",
      "/%2e%2e/%2e%2e/x",
      "/a/../../x",
      "/..\\x",
    ]) {
      const file = resolveRequestPath(root, bad);
      if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
    }
    expect(resolveRequestPath(root, "../x")).toBeNull();
    expect(resolveRequestPath(root, "/%E0%A4%A")).toBeNull();
    expect(resolveRequestPath(root, "/a%00.js")).toBeNull();
  });
});

describe("mimeType and parseArgs", () => {
  it("knows the types the add-in serves", () => {
    expect(mimeType("taskpane.html")).toMatch(/^text\/html/);
    expect(mimeType("functions.js")).toMatch(/^text\/javascript/);
    expect(mimeType("functions.json")).toMatch(/^application\/json/);
    expect(mimeType("icon.PNG")).toBe("image/png");
    expect(mimeType("manifest.xml")).toMatch(/^application\/xml/);
    expect(mimeType("a.css")).toMatch(/^text\/css/);
    expect(mimeType("a.svg")).toBe("image/svg+xml");
    expect(mimeType("a.js.map")).toMatch(/^application\/json/);
    expect(mimeType("contoh.xlsx")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(mimeType("x.bin")).toBe("application/octet-stream");
  });

  it("parses --port, --dir and --https", () => {
    expect(parseArgs(["--port", "4000", "--dir=out", "--https"])).toEqual({
      port: "4000",
      dir: "out",
      https: true,
    });
    expect(() => parseArgs(["--nope"])).toThrow(/Unknown argument/);
  });
});

describe("bannerLines", () => {
  it("prints the web preview's address", () => {
    const root = path.join(os.tmpdir(), "sakip-no-dist");
    const lines = bannerLines(root, "http://localhost:3000/");
    expect(lines).toContain("  Pratinjau web: http://localhost:3000/taskpane.html");
    expect(lines.join("\n")).toMatch(/web preview: open it in a browser/);
  });
});

describe("createHandler", () => {
  let dir: string;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-serve-"));
    fs.writeFileSync(path.join(dir, "taskpane.html"), "<!doctype html><title>t</title>");
    fs.mkdirSync(path.join(dir, "assets"));
    fs.writeFileSync(path.join(dir, "assets", "x.json"), "{}");
    fs.writeFileSync(path.join(os.tmpdir(), "sakip-serve-secret.txt"), "secret");
    server = http.createServer(createHandler(dir));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serves files with their type, / as taskpane.html, and 404 otherwise", async () => {
    const root = await fetch(`${base}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await root.text()).toContain("<title>t</title>");
    const json = await fetch(`${base}/assets/x.json`);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: "POST" })).status).toBe(405);
  });

  it("does not serve files outside the directory", async () => {
    const res = await fetch(`${base}/..%2fsakip-serve-secret.txt`);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain("secret");
  });
});
