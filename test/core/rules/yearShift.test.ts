import { yearShift } from "../../../src/core/rules/yearShift";
import { renderMessage } from "../../../src/core/messages";
import { check, describe as list, findingsAt, fixtureWorkbook } from "../../helpers/check";
import { handmade } from "./handmade";

jest.setTimeout(60000);
const rules = [yearShift];

describe("LS25 F15: Tabel 2.1 (2022…2026) vs Tabel 2.3 (2021…2025), one finding per IKU", () => {
  let findings: ReturnType<typeof check>;
  beforeAll(async () => {
    findings = check([await fixtureWorkbook("lkjip-semarang-2025")], rules);
  });

  test.each([
    ["Tabel 2.3!G7", "Persentase Koperasi yang berkualitas"],
    ["Tabel 2.3!G8", "Persentase usaha mikro yang meningkat menjadi wirausaha"],
    ["Tabel 2.3!G10", "Persentase Koperasi aktif"],
    ["Tabel 2.3!G11", "Persentase pertumbuhan Jumlah wirausaha baru berskala mikro"],
  ])("LS25 F15: %s %s shifted by one year — warning", (cell, indicator) => {
    const at = findingsAt(findings, cell, "year-shift");
    expect(at).toHaveLength(1);
    expect(at[0].severity).toBe("warning");
    expect(at[0].indicator).toBe(indicator);
    const text = renderMessage(at[0].message);
    expect(text).toContain("2021–2025");
    expect(text).toContain("Tabel 2.1 tahun 2022–2026");
    expect(text).toContain("+1");
  });

  test("exactly four series findings; none for Tabel 2.1 vs Tabel 3.4 (78%, 50%, 78,50)", () => {
    expect(findings).toHaveLength(4);
    expect(findings.filter((f) => f.at.sheet === "Tabel 3.4")).toEqual([]);
  });
});

test('Not flag: RS21 Tabel 3.2 vs Tabel 2.3 "Prosentase Koperasi Baik" (88% every year)', async () => {
  expect(list(check([await fixtureWorkbook("renja-semarang-2021")], rules))).toBe("");
});

test('LT21 F15: Tabel 13 "Target T2020" columns hold the 2021 targets of Tabel 12 (table-level shift)', async () => {
  const findings = check([await fixtureWorkbook("lakip-tangsel-2021")], rules);
  for (const cell of ["Tabel 13!E4", "Tabel 13!L4"]) {
    const [f] = findingsAt(findings, cell, "year-shift");
    expect(f).toBeDefined();
    expect(f.severity).toBe("warning");
    expect(renderMessage(f.message)).toContain("tahun 2021");
  }
  expect(findings).toHaveLength(2);
});

describe("hand-made", () => {
  const two = (a: number[], b: number[]) => [
    handmade(
      "Tabel 2.1 Target Renstra",
      [
        ["No", "Indikator Sasaran", "Target", null, null, null],
        [null, null, "2022", "2023", "2024", "2025"],
        ["1", "Persentase koperasi aktif", ...a],
      ],
      "Renstra",
    ),
    handmade(
      "Tabel 2.3 Target IKU",
      [
        ["No", "Indikator Kinerja Utama", "Target", null, null, null],
        [null, null, "2021", "2022", "2023", "2024"],
        ["1", "Persentase koperasi aktif", ...b],
      ],
      "IKU",
    ),
  ];
  const wb = (a: number[], b: number[]) => {
    const [x, y] = two(a, b);
    return { ...x, sheets: [...x.sheets, ...y.sheets], regions: [...x.regions, ...y.regions] };
  };

  test("a shifted non-constant series is found; constant or equal ones are not", () => {
    expect(check([wb([1, 2, 3, 4], [1, 2, 3, 4])], rules)).toHaveLength(1);
    expect(check([wb([5, 5, 5, 5], [5, 5, 5, 5])], rules)).toEqual([]);
    expect(check([wb([1, 2, 3, 4], [0, 1, 2, 3])], rules)).toEqual([]);
  });

  test("one disagreeing year breaks the shift", () => {
    expect(check([wb([1, 2, 3, 4], [1, 2, 9, 4])], rules)).toEqual([]);
  });
});
