import { readCellNumber, readValue } from "../../src/core/cellNumber";
import { snapshotFromValues } from "../../src/core/snapshot";
import fc from "fast-check";
import { anyCell, NUMBER_FORMATS } from "../robustness/arbitraries";

describe("readValue: numbers in cells and how they were read", () => {
  test("a numeric cell", () => {
    expect(readValue(2222600041, "#,##0.00")).toMatchObject({
      kind: "number",
      value: 2222600041,
      readAs: "number",
      decimals: 2,
      isPercent: false,
    });
    expect(readValue(106.4, "General")).toMatchObject({ value: 106.4, decimals: 1 });
  });

  test("a fraction with a % format is percent points", () => {
    expect(readValue(0.776, "0.00%")).toMatchObject({
      value: 77.6,
      readAs: "percent-format",
      isPercent: true,
      decimals: 2,
      unit: "%",
    });
    expect(readValue(0.45, "0%")).toMatchObject({ value: 45, decimals: 0 });
    expect(
      readValue(1.0586, "0.00%").kind === "number" && readValue(1.0586, "0.00%"),
    ).toMatchObject({ value: 105.86 });
  });

  test("percent points typed as numbers stay as they are", () => {
    expect(readValue(77.6, '0.00"%"')).toMatchObject({
      value: 77.6,
      isPercent: false,
      decimals: 2,
    });
  });

  test("text typed as an Indonesian number", () => {
    expect(readValue("77,60 %")).toMatchObject({
      value: 77.6,
      readAs: "text",
      isPercent: true,
      decimals: 2,
      decimalMark: ",",
    });
    expect(readValue("53.00")).toMatchObject({ value: 53, ambiguous: true, decimalMark: "." });
    expect(readValue("20,614,676,801.00")).toMatchObject({ value: 20614676801, usFormat: true });
    expect(readValue("800 Org")).toMatchObject({ value: 800, unit: "Org" });
    expect(readValue("100% (80%)")).toMatchObject({ value: 100, secondary: 80 });
  });

  test("placeholders, compounds, words, errors, booleans and blanks are not numbers", () => {
    expect(readValue("-").kind).toBe("missing");
    expect(readValue("NA").kind).toBe("missing");
    expect(readValue("7 Galery + 1 Gedung").kind).toBe("compound");
    expect(readValue("Sangat Tinggi").kind).toBe("text");
    expect(readValue("#DIV/0!").kind).toBe("error");
    expect(readValue(true).kind).toBe("boolean");
    expect(readValue(null).kind).toBe("empty");
    expect(readValue("").kind).toBe("empty");
  });

  test("an accounting format showing 0 as '-' is zero, not a placeholder", () => {
    expect(readValue(0, '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)')).toMatchObject({
      kind: "number",
      value: 0,
    });
  });

  test("formula cells are marked", () => {
    const sheet = snapshotFromValues("S", [[91.67]]);
    sheet.formulas[0][0] = "=ROUND(D4/C4*100,2)";
    expect(readCellNumber(sheet, 0, 0)).toMatchObject({ value: 91.67, formula: true });
  });
});

describe("readValue: a number reading is always finite", () => {
  test("any cell, any format, digits beyond the double range included", () => {
    // The rules rely on it: a value beyond ±1.8e308 is an error or text, never Infinity.
    const digits = fc
      .tuple(fc.integer({ min: 300, max: 420 }), fc.constantFrom("", ",5", " %", "%", ",-"))
      .map(([n, tail]) => `${"9".repeat(n)}${tail}`);
    const value = fc.oneof(anyCell, digits, fc.constantFrom(9.99e307, -9.99e307, 1.7e308));
    const format = fc.oneof(fc.constantFrom(...NUMBER_FORMATS), fc.constant("0.00%"));
    fc.assert(
      fc.property(value, format, fc.boolean(), (cell, numberFormat, isFormula) => {
        const reading = readValue(cell, numberFormat, isFormula);
        if (reading.kind !== "number") return;
        expect(Number.isFinite(reading.value)).toBe(true);
        if (reading.secondary !== null) expect(Number.isFinite(reading.secondary)).toBe(true);
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});
