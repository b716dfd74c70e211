import type { CheckWorkbook, Finding } from "../../../src/core/check/types";
import { renderMessage } from "../../../src/core/messages";
import { recognise } from "../../../src/core/recognize";
import { numberAsText } from "../../../src/core/rules/numberAsText";
import { CellValue, snapshotFromValues } from "../../../src/core/snapshot";
import {
  check,
  describe as describeFindings,
  fixtureWorkbook,
  findingsAt,
  where,
} from "../../helpers/check";

/** DOMAIN.md §3, §6.11: numbers stored as text and decimal marks against the table's convention. */

const RULES = [numberAsText];

/** The per-cell finding (US format or a contradicting mark) at an address. */
function markAt(findings: Finding[], address: string): Finding {
  const at = findingsAt(findings, address, "number-as-text").filter(
    (f) => f.message.id !== "numberAsText.column",
  );
  if (at.length !== 1) {
    throw new Error(`expected one mark finding at ${address}, got:\n${describeFindings(findings)}`);
  }
  return at[0];
}

function marksIn(findings: Finding[], sheet: string): string[] {
  return findings
    .filter((f) => f.at.sheet === sheet && f.message.id !== "numberAsText.column")
    .map(where);
}

function workbook(rows: CellValue[][]): CheckWorkbook {
  const sheet = snapshotFromValues("Tabel X", rows);
  return { file: "test.xlsx", sheets: [sheet], regions: recognise([sheet]) };
}

/** A small pengukuran table with the given rows under "Indikator | Target | Realisasi | Capaian %". */
function table(rows: CellValue[][]): CheckWorkbook {
  return workbook([
    ["Tabel X Capaian Kinerja"],
    [],
    ["Indikator Kinerja", "Target", "Realisasi", "Capaian %"],
    ...rows,
  ]);
}

describe("number-as-text on LS25 (F33)", () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = check([await fixtureWorkbook("lkjip-semarang-2025")], RULES);
  });

  test('LS25 F33: Tabel 2.1 "88,72" (F7) and "77,13" (F9) among dot decimals "50.70", "53.00"', () => {
    for (const [address, shown] of [
      ["Tabel 2.1!F7", "88,72"],
      ["Tabel 2.1!F9", "77,13"],
    ]) {
      const f = markAt(findings, address);
      expect(f.severity).toBe("info");
      expect(f.message.id).toBe("numberAsText.numberInDotTable");
      expect(renderMessage(f.message)).toContain(`(${shown})`);
      expect(renderMessage(f.message)).toContain('"50.70"');
    }
    expect(marksIn(findings, "Tabel 2.1")).toEqual(["Tabel 2.1!F7", "Tabel 2.1!F9"]);
  });

  test('LS25 F33: Tabel 2.3 "88,72" (F10) among dot decimals', () => {
    expect(markAt(findings, "Tabel 2.3!F10").message.id).toBe("numberAsText.numberInDotTable");
    expect(marksIn(findings, "Tabel 2.3")).toEqual(["Tabel 2.3!F10"]);
  });

  test('LS25 F33: Tabel 3.9 "68.34%" (H18) among "59,72 %"', () => {
    const f = markAt(findings, "Tabel 3.9!H18");
    expect(f.message.id).toBe("numberAsText.dotInCommaTable");
    expect(renderMessage(f.message)).toBe(
      'H18 "68.34%" memakai titik sebagai pemisah desimal, sedangkan tabel ini memakai koma (mis. "59,72 %"). Periksa apakah angka ini terbaca benar dan samakan formatnya.',
    );
  });

  test("LS25 Tabel 2.1: numeric text once per column, at the first cell, with the count", () => {
    const f = findingsAt(findings, "Tabel 2.1!G5", "number-as-text");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("info");
    expect(renderMessage(f[0].message)).toMatch(
      /^Kolom G berisi 5 angka yang tersimpan sebagai teks, mulai G5 \("53\.00"\)/,
    );
    // Labels ("-"), kode and indicator names are never counted.
    expect(findingsAt(findings, "Tabel 2.1!B5")).toEqual([]);
    expect(findingsAt(findings, "Tabel 2.1!C5")).toEqual([]);
  });

  test("LS25: every finding is info, and the budget tables (T2.7, T3.10, T3.11) have no mark findings", () => {
    expect(findings.every((f) => f.severity === "info")).toBe(true);
    for (const sheet of ["Tabel 2.7", "Tabel 3.10", "Tabel 3.11", "Tabel 3.8"]) {
      expect(marksIn(findings, sheet)).toEqual([]);
    }
  });
});

describe("number-as-text on LT21 (F24)", () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = check([await fixtureWorkbook("lakip-tangsel-2021")], RULES);
  });

  test('LT21 F24: Lampiran 7 "Pagu Rasionalisasi" D5 "20,614,676,801.00" is US-formatted', () => {
    const f = markAt(findings, "Lampiran 7!D5");
    expect(f.severity).toBe("info");
    expect(f.message.id).toBe("numberAsText.usFormat");
    expect(renderMessage(f.message)).toContain("20.614.676.801,00");
    // The column's text is also counted once, at its first cell.
    expect(
      renderMessage(
        findingsAt(findings, "Lampiran 7!D5").find((x) => x.message.id === "numberAsText.column")!
          .message,
      ),
    ).toMatch(/^Kolom D berisi 64 angka/);
  });

  test('LT21 F24: Tabel 9 "85.39" (E5) among "93,77"', () => {
    const f = markAt(findings, "Tabel 9!E5");
    expect(f.message.id).toBe("numberAsText.dotInCommaTable");
    expect(renderMessage(f.message)).toContain('(mis. "93,77")');
    expect(markAt(findings, "Tabel 9!G5").message.id).toBe("numberAsText.dotInCommaTable");
  });

  test('LT21 F24: Tabel 6 "0,5%" (D4) among "1.57%"', () => {
    const f = markAt(findings, "Tabel 6!D4");
    expect(f.message.id).toBe("numberAsText.numberInDotTable");
    expect(renderMessage(f.message)).toContain("(0,5%)");
    expect(renderMessage(f.message)).toContain('"1.57%"');
  });

  test('LT21 F24: Tabel 11 "3,6%" (C7) among "0.98%"', () => {
    const f = markAt(findings, "Tabel 11!C7");
    expect(f.message.id).toBe("numberAsText.commaInDotTable");
    expect(marksIn(findings, "Tabel 11")).toEqual(["Tabel 11!C7"]);
  });

  test('Not flag as contradiction: "1.715 SDM Koperasi" (LT21 Tabel 12 E6) is grouping', () => {
    const at = findingsAt(findings, "Tabel 12!E6", "number-as-text");
    expect(at.map((f) => f.message.id)).toEqual(["numberAsText.column"]);
    expect(marksIn(findings, "Tabel 12")).toEqual([]);
  });

  test("LT21: Tabel 7 (all dot text, no other convention) has no mark findings; all info", () => {
    expect(marksIn(findings, "Tabel 7")).toEqual([]);
    expect(findings.every((f) => f.severity === "info")).toBe(true);
  });
});

describe("number-as-text on RS21", () => {
  test('RS21 Tabel 2.3 "56.07%" (J9) among "88,41%" and "88,67 %"', async () => {
    const findings = check([await fixtureWorkbook("renja-semarang-2021")], RULES);
    const f = markAt(findings, "Tabel 2.3!J9");
    expect(f.severity).toBe("info");
    expect(f.message.id).toBe("numberAsText.dotInCommaTable");
    expect(marksIn(findings, "Tabel 2.3")).toEqual(["Tabel 2.3!J9"]);
  });

  test('Not flag as contradiction: "8.315%" (RS21 Tabel 2.1 H85, typed as text) is grouping', async () => {
    const wb = await fixtureWorkbook("renja-semarang-2021", [
      { sheet: "Tabel 2.1", cell: "H85", value: "8.315%" },
    ]);
    const findings = check([wb], RULES);
    const at = findingsAt(findings, "Tabel 2.1!H85", "number-as-text");
    expect(at.map((f) => f.message.id)).toEqual(["numberAsText.column"]);
  });
});

describe("number-as-text on small tables", () => {
  test("an empty grid and a header-only table give nothing", () => {
    expect(check([workbook([])], RULES)).toEqual([]);
    expect(check([table([])], RULES)).toEqual([]);
  });

  test("real numbers only: nothing", () => {
    expect(
      check(
        [
          table([
            ["A", 80, 85.5, 106.88],
            ["B", 0, -3, 0],
          ]),
        ],
        RULES,
      ),
    ).toEqual([]);
  });

  test('errors ("#DIV/0!"), blanks, "-" and negative text: no throw; only real numeric text is counted', () => {
    const findings = check(
      [
        table([
          ["A", "#DIV/0!", null, "-"],
          ["B", "(1.000,50)", "- 2,5", "#VALUE!"],
          ["C", "7 Galery + 1 Gedung", "NA", ""],
        ]),
      ],
      RULES,
    );
    expect(findings.map((f) => `${where(f)} ${renderMessage(f.message).slice(0, 40)}`)).toEqual([
      "Tabel X!B5 Kolom B berisi 1 angka yang tersimpan se",
      "Tabel X!C5 Kolom C berisi 1 angka yang tersimpan se",
    ]);
  });

  test("a stray dot decimal among comma decimals is flagged at its cell", () => {
    const findings = check(
      [
        table([
          ["A", "77,60", "82,57", "106,40"],
          ["B", "45,00", "46.17", "102,60"],
          ["C", "80,35", "80,45", "100,12"],
        ]),
      ],
      RULES,
    );
    expect(marksIn(findings, "Tabel X")).toEqual(["Tabel X!C5"]);
    expect(renderMessage(markAt(findings, "Tabel X!C5").message)).toContain('(mis. "82,57")');
  });

  test("the example is the first cell of the column that shows the table's mark, real numbers too", () => {
    // C4 is a real number (82.5, shown "82,5" in Indonesian Excel) before the text "80,45".
    const sameColumn = check(
      [
        table([
          ["A", "77,60", 82.5, "106,40"],
          ["B", "45,00", "46.17", "102,60"],
          ["C", "80,35", "80,45", "100,12"],
        ]),
      ],
      RULES,
    );
    expect(renderMessage(markAt(sameColumn, "Tabel X!C5").message)).toContain('(mis. "82,5")');
    // D4's column shows no comma: the table's first one is the real number B4.
    const elsewhere = check(
      [
        table([
          ["A", 77.25, "82,57", "106.40"],
          ["B", "45,00", "46,17", null],
          ["C", "80,35", "80,45", null],
        ]),
      ],
      RULES,
    );
    expect(renderMessage(markAt(elsewhere, "Tabel X!D4").message)).toContain('(mis. "77,25")');
  });

  test("a mixed table (2 dots, 2 commas) has no dominant convention: no mark findings", () => {
    const findings = check(
      [
        table([
          ["A", "77,60", "82.57", null],
          ["B", "45.00", "46,17", null],
        ]),
      ],
      RULES,
    );
    expect(marksIn(findings, "Tabel X")).toEqual([]);
  });

  test('"1.715" in a dot-decimal table is reported as ambiguous; in a comma table it is not', () => {
    const dotTable = check(
      [
        table([
          ["A", "1.50", "1.715", "114.33"],
          ["B", "2.25", "2.40", "106.67"],
        ]),
      ],
      RULES,
    );
    const f = markAt(dotTable, "Tabel X!C4");
    expect(f.message.id).toBe("numberAsText.ambiguousGrouping");
    expect(renderMessage(f.message)).toContain('"1,715"');
    const commaTable = check(
      [
        table([
          ["A", "1,50", "1.715", "114,33"],
          ["B", "2,25", "2,40", "106,67"],
        ]),
      ],
      RULES,
    );
    expect(marksIn(commaTable, "Tabel X")).toEqual([]);
  });

  test("years and a repeated column-number row inside the data are not numbers stored as text", () => {
    const findings = check(
      [
        table([
          ["1", "2", "3", "4"],
          ["A", "2019", 80, 100],
        ]),
      ],
      RULES,
    );
    expect(findings).toEqual([]);
  });

  test('a US-formatted cell is reported even alone: "1,234,567.50"', () => {
    const findings = check([table([["A", "1,234,567.50", 100, 100]])], RULES);
    const f = markAt(findings, "Tabel X!B4");
    expect(f.message.id).toBe("numberAsText.usFormat");
    expect(renderMessage(f.message)).toContain("1.234.567,50");
    expect(renderMessage(f.message, "en")).toContain("1,234,567.50");
  });
});
