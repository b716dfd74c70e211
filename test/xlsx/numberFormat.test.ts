import fc from "fast-check";
import { fromExcelNumber } from "../../src/core/decimal";
import {
  fixed15,
  formatCellText,
  formatGeneral,
  formatNumberText,
} from "../../src/xlsx/numberFormat";

/** Expected texts are what an en-US Excel shows in a wide enough column. */

describe("General", () => {
  test.each([
    [0, "0"],
    [2222600041, "2222600041"],
    [0.776, "0.776"],
    [100.1, "100.1"],
    [-15000000, "-15000000"],
    [1 / 3, "0.333333333"],
    [-1 / 3, "-0.33333333"],
    [2 / 3, "0.666666667"],
    [11847006290.32, "11847006290"],
    [123456789012, "1.23457E+11"],
    [1e-10, "1E-10"],
    [0.1 + 0.2, "0.3"],
  ])("%p → %p", (value, text) => {
    expect(formatGeneral(value)).toBe(text);
    expect(formatNumberText(value, "General")).toBe(text);
  });
});

describe("fixed decimals, grouping and percent", () => {
  test.each([
    [1.5, "0", "2"],
    [2.5, "0", "3"],
    [-1.5, "0", "-2"],
    [0.4, "0", "0"],
    [100.1, "0.00", "100.10"],
    [1.005, "0.00", "1.01"],
    [106.4, "0.00", "106.40"],
    [0.05, "0.0", "0.1"],
    [1234567.5, "#,##0", "1,234,568"],
    [999.5, "#,##0", "1,000"],
    [0, "#,##0", "0"],
    [-1234, "#,##0", "-1,234"],
    [2222600041, "#,##0.00", "2,222,600,041.00"],
    [11847006290.32, "#,##0.00", "11,847,006,290.32"],
    [-15000000, "#,##0.00", "-15,000,000.00"],
    [0.5, "#,##0.00", "0.50"],
    [15998000, "#,##0.0", "15,998,000.0"],
    [0.45, "0%", "45%"],
    [0.776, "0.00%", "77.60%"],
    [0.8257, "0.00%", "82.57%"],
    [1.0586, "0.00%", "105.86%"],
    [0.12345, "0.0%", "12.3%"],
    [0.5, "#,##0%", "50%"],
    [1234567, "#,##0,", "1,235"],
    [1234567, '0.0,,"jt"', "1.2jt"],
    [0.5, "#.##", ".5"],
    [5, "#.##", "5."],
    [12345, "0.00E+00", "1.23E+04"],
    [0.000123, "0.00E+00", "1.23E-04"],
    [77.6, '0.00 "%"', "77.60 %"],
    [5, "@", "5"],
    [3.5, "0.0?", "3.5 "],
  ])("%p with %p → %p", (value, format, text) => {
    expect(formatNumberText(value, format)).toBe(text);
  });
});

describe("sections, colours, literals, currency and accounting", () => {
  test.each([
    [1234.5, "#,##0.00_);(#,##0.00)", "1,234.50 "],
    [-1234.5, "#,##0.00_);(#,##0.00)", "(1,234.50)"],
    [-1234.5, "#,##0.00_);[Red](#,##0.00)", "(1,234.50)"],
    [-5, "#,##0;[Red]-#,##0", "-5"],
    [0, '0;-0;"nol"', "nol"],
    [-5, "0;;", ""],
    [1000, "[$Rp-421]#,##0.00", "Rp1,000.00"],
    [-5, '"Rp"#,##0', "-Rp5"],
    [1.5, "[$-421]0.00", "1.50"],
    [1234.5, '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)', " $1,234.50 "],
    [-1234.5, '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)', " $(1,234.50)"],
    [0, '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)', " $-   "],
    [1234, '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', " 1,234 "],
    [-1234, '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', "-1,234 "],
    [0, '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', " - "],
    [2500000, "_-[$Rp-421]* #,##0.00_-", " Rp2,500,000.00 "],
    [7, '0 "Org"', "7 Org"],
    [7, "0\\x", "7x"],
  ])("%p with %p → %p", (value, format, text) => {
    expect(formatNumberText(value, format)).toBe(text);
  });
});

describe("dates and times (serial numbers)", () => {
  // 45688 is 31 January 2025, a Friday.
  test.each([
    [45688, "m/d/yyyy", "1/31/2025"],
    [45688, "d-mmm-yy", "31-Jan-25"],
    [45688, "mm-dd-yy", "01-31-25"],
    [45688, "yyyy-mm-dd", "2025-01-31"],
    [45688, "dddd, mmmm d, yyyy", "Friday, January 31, 2025"],
    [45688, "ddd d mmm", "Fri 31 Jan"],
    [45688, "mmmmm", "J"],
    [45688.75, "h:mm AM/PM", "6:00 PM"],
    [45688.5 + 5 / 86400, "h:mm:ss", "12:00:05"],
    [45688.5, "d/m/yyyy h:mm", "31/1/2025 12:00"],
    [1.5, "[h]:mm", "36:00"],
    [60 / 86400, "mm:ss", "01:00"],
    [1.25 / 86400, "ss.00", "01.25"],
    [60, "yyyy-mm-dd", "1900-02-29"],
    [1, "yyyy-mm-dd", "1900-01-01"],
    [61, "yyyy-mm-dd", "1900-03-01"],
  ])("%p with %p → %p", (value, format, text) => {
    expect(formatNumberText(value, format)).toBe(text);
  });

  test("the 1904 date system", () => {
    expect(formatNumberText(0, "yyyy-mm-dd", true)).toBe("1904-01-01");
    expect(formatNumberText(44226, "yyyy-mm-dd", true)).toBe("2025-01-31");
  });
});

describe("formatCellText", () => {
  test("non-numbers", () => {
    expect(formatCellText(null, "0.00")).toBe("");
    expect(formatCellText("77,60%", "0.00")).toBe("77,60%");
    expect(formatCellText("    Perencanaan", "General")).toBe("    Perencanaan");
    expect(formatCellText(true, "General")).toBe("TRUE");
    expect(formatCellText(false)).toBe("FALSE");
    expect(formatCellText("#DIV/0!", "0.00")).toBe("#DIV/0!");
  });

  test("numbers use the format, an empty format is General", () => {
    expect(formatCellText(0.776, "0.00%")).toBe("77.60%");
    expect(formatCellText(0.776, "")).toBe("0.776");
    expect(formatCellText(Infinity, "0")).toBe("Infinity");
  });
});

describe("fixed15: the fast 15-digit rounding agrees with Decimal", () => {
  test.each([
    [1.005, 2, "1.01"],
    [9.995, 2, "10.00"],
    [0.05, 1, "0.1"],
    [0.4, 0, "0"],
    [0.6, 0, "1"],
    [999999.5, 0, "1000000"],
    [2222600041, 2, "2222600041.00"],
    [1e-7, 9, "0.000000100"],
    [1e21, 0, "1000000000000000000000"],
  ])("%p to %p decimals → %p", (x, d, text) => {
    expect(fixed15(x, d)).toBe(text);
  });

  test("property: any non-negative double, 0–10 decimals", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 0, max: 1e16, noNaN: true }),
          fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000),
          fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100 + 0.005),
        ),
        fc.integer({ min: 0, max: 10 }),
        (x, d) => {
          expect(fixed15(x, d)).toBe(fromExcelNumber(x).toFixed(d));
        },
      ),
      { seed: 20250131, numRuns: 3000 },
    );
  });
});
