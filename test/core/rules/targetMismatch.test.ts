import { targetMismatch } from "../../../src/core/rules/targetMismatch";
import { renderMessage } from "../../../src/core/messages";
import {
  check,
  describe as list,
  findingsAt,
  fixtureWorkbook,
  settingsWith,
} from "../../helpers/check";
import { handmade } from "./handmade";
import { fixturePart } from "./crossTableHelpers";

jest.setTimeout(60000);
const rules = [targetMismatch];

describe("target-mismatch on LS25 (DOMAIN.md §6.5 Catch, answer key F16/F17)", () => {
  let findings: ReturnType<typeof check>;
  beforeAll(async () => {
    findings = check([await fixtureWorkbook("lkjip-semarang-2025")], rules);
  });

  test('LS25 F16: IKU Tabel 2.4 "Persentase Koperasi yang Berkualitas" 59,80 vs Renstra Tabel 2.1 56.00 — warning', () => {
    const [f] = findingsAt(findings, "Tabel 2.4!D6", "target-mismatch");
    expect(f).toBeDefined();
    expect(f.severity).toBe("warning");
    expect(f.actual).toBe(59.8);
    expect(f.expected).toBe(56);
    expect(renderMessage(f.message)).toContain("Tabel 2.1");
  });

  test('LS25 F16: IKU Tabel 2.4 "Persentase usaha mikro yang menjadi wirausaha" 17,50 vs Renstra 15.00 — warning', () => {
    const [f] = findingsAt(findings, "Tabel 2.4!D7", "target-mismatch");
    expect(f).toBeDefined();
    expect(f.severity).toBe("warning");
    expect([f.actual, f.expected]).toEqual([17.5, 15]);
  });

  test('LS25 F17: PK Tabel 2.5 "Persentase Koperasi aktif" 77,60 vs Renstra 77.50 — documented deviation, warning', () => {
    const [f] = findingsAt(findings, "Tabel 2.5!E6", "target-mismatch");
    expect(f).toBeDefined();
    expect(f.severity).toBe("warning");
    expect([f.actual, f.expected]).toEqual([77.6, 77.5]);
  });

  test('LS25 F17: PK Tabel 2.5 "Nilai AKIP" 80,35 vs Renstra 78 — documented deviation, warning', () => {
    const [f] = findingsAt(findings, "Tabel 2.5!E8", "target-mismatch");
    expect(f).toBeDefined();
    expect(f.severity).toBe("warning");
    expect([f.actual, f.expected]).toEqual([80.35, 78]);
  });

  test("no error anywhere in LS25 (no target below Renstra; year-shifted Tabel 2.3 left to year-shift)", () => {
    expect(list(findings.filter((f) => f.severity === "error"))).toBe("");
    expect(findings.filter((f) => f.at.sheet === "Tabel 2.3")).toEqual([]);
  });

  test("a user severity setting cannot raise the documented deviation to an error", async () => {
    const strict = check(
      [await fixtureWorkbook("lkjip-semarang-2025")],
      rules,
      settingsWith({ severity: { "target-mismatch": "error" } }),
    );
    expect(findingsAt(strict, "Tabel 2.5!E6")[0].severity).toBe("warning");
  });
});

test('LS25 mutation: PK "Persentase koperasi Aktif" 77,00 is below Renstra 77.50 — error', async () => {
  const wb = await fixtureWorkbook("lkjip-semarang-2025", [
    { sheet: "Tabel 2.5", cell: "E6", value: 0.77, format: "0.00%" },
  ]);
  const findings = check([wb], rules);
  const [f] = findingsAt(findings, "Tabel 2.5!E6", "target-mismatch");
  expect(f.severity).toBe("error");
  expect([f.actual, f.expected]).toEqual([77, 77.5]);
  expect(renderMessage(f.message)).toContain("lebih rendah");
});

test("a lower-is-better indicator: a higher PK target is the less ambitious one (error)", async () => {
  const wb = await fixtureWorkbook("lkjip-semarang-2025");
  const findings = check([wb], rules, settingsWith({ polarity: { "Nilai AKIP": "negatif" } }));
  expect(findingsAt(findings, "Tabel 2.5!E8")[0].severity).toBe("error");
});

test("Renstra in one file, PK and IKU in another: the same cross-table findings", async () => {
  const renstra = await fixturePart("lkjip-semarang-2025", ["Tabel 2.1"], "renstra.xlsx");
  const pk = await fixturePart("lkjip-semarang-2025", ["Tabel 2.4", "Tabel 2.5"], "pk.xlsx");
  const findings = check([renstra, pk], rules);
  const at = findings.map((f) => `${f.at.file}:${f.at.sheet}!${f.at.row + 1}:${f.severity}`);
  expect(at).toEqual(
    expect.arrayContaining([
      "pk.xlsx:Tabel 2.4!6:warning",
      "pk.xlsx:Tabel 2.4!7:warning",
      "pk.xlsx:Tabel 2.5!6:warning",
      "pk.xlsx:Tabel 2.5!8:warning",
    ]),
  );
  expect(findings.every((f) => f.related.some((r) => r.file === "renstra.xlsx"))).toBe(true);
});

describe("Not flag (DOMAIN.md §6.5)", () => {
  test('RS21: Tabel 2.3 vs Tabel 2.1/4.1 and "800 Org" vs 200 (end-of-period vs annual)', async () => {
    expect(list(check([await fixtureWorkbook("renja-semarang-2021")], rules))).toBe("");
  });

  test("LT21: Lampiran 6 = Table 3 = Tabel 11; Tabel 5 = Tabel 6 (all PK targets equal)", async () => {
    expect(list(check([await fixtureWorkbook("lakip-tangsel-2021")], rules))).toBe("");
  });
});

describe("hand-made edge cases", () => {
  const renstra = (cells: (string | number | null)[]) =>
    handmade(
      "Tabel 2.1 Target Renstra",
      [
        ["No", "Sasaran", "Indikator Sasaran", "Target Kinerja Tahun", null],
        [null, null, null, "2024", "2025"],
        ["1", "Meningkatnya koperasi", "Persentase koperasi aktif", ...cells],
      ],
      "Renstra",
    );

  test("text, blanks, errors and zero never throw; a missing PK gives nothing", () => {
    for (const cells of [
      ["-", "NA"],
      [null, null],
      ["#DIV/0!", "teks"],
      [0, -5],
    ]) {
      expect(() => check([renstra(cells)], rules)).not.toThrow();
      expect(check([renstra(cells)], rules)).toEqual([]);
    }
  });

  test("an empty grid reports nothing", () => {
    expect(check([handmade("", [])], rules)).toEqual([]);
  });
});
