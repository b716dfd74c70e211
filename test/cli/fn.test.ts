import { execFileSync, spawnSync } from "child_process";
import path from "path";
import { runCli } from "../helpers/cli";

const run = runCli;

describe("sakip fn (in process)", () => {
  test("CAPAIAN 82.57 77.6 prints 106.4… as Excel shows a full-precision value", async () => {
    const r = await run("fn", "CAPAIAN", "82.57", "77.6");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toBe("106.404639175258");
  });

  test("EFISIENSI over JSON ranges prints the E the document prints (9,89 within rounding)", async () => {
    const r = await run(
      "fn",
      "EFISIENSI",
      "[2222600041,9868026533,11847006290.32]",
      "[2011324055,8767962955,11163205754]",
      "[106.40,102.60,100.12]",
    );
    expect(r.code).toBe(0);
    expect(Number(r.out)).toBeCloseTo(9.89, 2);
  });

  test("nested JSON ranges are accepted as they are", async () => {
    const r = await run("fn", "KUMULATIF", "[[1,2],[3,4]]", "akhir");
    expect(r.out).toBe("4");
  });

  test("CAPAIAN 10 0 prints #DIV/0! with its message and exits 1", async () => {
    const r = await run("fn", "CAPAIAN", "10", "0");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^#DIV\/0! Target 0/);
  });

  test("text arguments, null for an omitted optional argument", async () => {
    expect((await run("fn", "CAPAIAN", "82,57%", "77,60%")).out).toBe("106.404639175258");
    expect((await run("fn", "CAPAIAN", "8", "10", "negatif")).out).toBe("120");
    expect((await run("fn", "CAPAIAN", "25", "10", "negatif", "null", "null", "0")).out).toBe("0");
    expect((await run("fn", "KATEGORI", "75.5", "capaian-lkjip-semarang-2025")).out).toBe("Tinggi");
    expect((await run("fn", "KATEGORI", "75.5")).out).toBe("Sedang");
    expect((await run("fn", "ANGKA", "77,60%")).out).toBe("0.776");
    expect((await run("fn", "sakip.predikatakip", "90", "true")).out).toBe("AA");
  });

  test("#VALUE! and #N/A print their message", async () => {
    expect((await run("fn", "ANGKA", "7 Galery + 1 Gedung")).out).toMatch(
      /^#VALUE! teks berisi lebih dari satu angka/,
    );
    expect((await run("fn", "ANGKA", "NA")).out).toMatch(/^#N\/A /);
  });

  test("--lang en gives English messages", async () => {
    expect((await run("--lang", "en", "fn", "CAPAIAN", "10", "0")).out).toMatch(
      /^#DIV\/0! Target is 0/,
    );
  });

  test("bad invocations exit 2 with a one-line reason on stderr", async () => {
    for (const args of [
      ["fn"],
      ["fn", "JUMLAH", "1"],
      ["fn", "CAPAIAN", "1"],
      ["fn", "ANGKA", "1", "2"],
      ["frobnicate"],
    ]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.split("\n")).toHaveLength(1);
    }
  });

  test("help", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/sakip fn NAMA/);
  });
});

describe("bin/sakip.js (the installed command)", () => {
  const bin = path.resolve(__dirname, "../../bin/sakip.js");

  test("prints the issue's two examples exactly as a planner sees them", () => {
    const e = execFileSync(process.execPath, [
      bin,
      "fn",
      "EFISIENSI",
      "[2222600041,9868026533,11847006290.32]",
      "[2011324055,8767962955,11163205754]",
      "[106.40,102.60,100.12]",
    ]).toString();
    expect(Number(e.trim())).toBeCloseTo(9.89, 2);

    const div = spawnSync(process.execPath, [bin, "fn", "CAPAIAN", "10", "0"]);
    expect(div.status).toBe(1);
    expect(div.stdout.toString()).toMatch(/^#DIV\/0! .+/);
  });

  test("a bad argument exits 2", () => {
    const r = spawnSync(process.execPath, [bin, "fn", "TIDAKADA"]);
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toMatch(/tidak dikenal/);
  });
});
