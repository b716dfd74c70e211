import { Decimal, excelRound, excelTruncate, fromExcelNumber } from "../../src/core/decimal";
import fc from "fast-check";
import {
  comparePrinted,
  comparePrintedExact,
  comparePrintedFast,
  decimalsOfFormat,
  decimalsOfNumber,
  decimalsOfNumberExact,
  formatIsPercent,
  formatNumber,
  isAccepted,
  ParsedNumber,
  parseNumberText,
  tolerance,
} from "../../src/core/numbers";

function num(text: string, hint?: "," | "."): ParsedNumber {
  const parsed = parseNumberText(text, { decimalHint: hint });
  if (parsed.kind !== "number") throw new Error(`${text} parsed as ${parsed.kind}`);
  return parsed;
}

describe("parseNumberText: what real reports print", () => {
  test.each([
    ["2.222.600.041,00", 2222600041, 2],
    ["11.847.006.290,32", 11847006290.32, 2],
    ["106,40", 106.4, 2],
    ["0", 0, 0],
    ["1925", 1925, 0],
    ["88,72", 88.72, 2],
    ["1.715", 1715, 0],
    ["8.315%", 8315, 0],
    ["24.351.295.318,87", 24351295318.87, 2],
  ])("%s → %d with %d printed decimals", (text, value, decimals) => {
    const parsed = num(text);
    expect(parsed.value).toBe(value);
    expect(parsed.printedDecimals).toBe(decimals);
  });

  test("plain digits (the shortcut) read as the general path reads them", () => {
    // "+d" goes the general way (its sign is stripped first) and must give the same number.
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/), (digits) => {
        expect(parseNumberText(digits)).toEqual(parseNumberText(`+${digits}`));
      }),
      { seed: 8, numRuns: 500 },
    );
    expect(parseNumberText("0001")).toMatchObject({ kind: "number", value: 1, exact: "0001" });
  });

  test("percentages stay in percent points and keep their unit", () => {
    expect(num("77,60%")).toMatchObject({
      value: 77.6,
      isPercent: true,
      unit: "%",
      printedDecimals: 2,
    });
    expect(num("59,80 %")).toMatchObject({ value: 59.8, isPercent: true });
    expect(num("103%")).toMatchObject({ value: 103, isPercent: true, printedDecimals: 0 });
  });

  test("Rupiah prefixes and the trailing ',-' (nol sen) are not signs", () => {
    expect(num("Rp. 1.000").value).toBe(1000);
    expect(num("Rp 1.000").value).toBe(1000);
    expect(num("Rp. 11.847.006.290,32,-")).toMatchObject({
      value: 11847006290.32,
      negative: false,
    });
    expect(num("Rp. 500.000,-")).toMatchObject({ value: 500000, negative: false });
    expect(num("1.000-").value).toBe(1000);
  });

  test("negatives: brackets, a leading dash, a dash with a space, U+2212", () => {
    expect(num("(1.234)")).toMatchObject({ value: -1234, negative: true });
    expect(num("(3.435.002.184)").value).toBe(-3435002184);
    expect(num("- 1.453.946.320,00")).toMatchObject({ value: -1453946320, negative: true });
    expect(num("-0,06").value).toBe(-0.06);
    expect(num("\u2212 5,5").value).toBe(-5.5);
    expect(num("(24.453.348.000,00)").value).toBe(-24453348000);
  });

  test("placeholders mean no value", () => {
    for (const text of ["-", "NA", "N/A", "na", "", "   ", "######", "—", "--"]) {
      expect(parseNumberText(text).kind).toBe("missing");
    }
  });

  test("a stray dot decimal is read as a decimal and flagged ambiguous", () => {
    expect(num("53.00")).toMatchObject({
      value: 53,
      decimalMark: ".",
      printedDecimals: 2,
      ambiguous: true,
    });
    expect(num("1.57")).toMatchObject({ value: 1.57, ambiguous: true });
    expect(num("0.275")).toMatchObject({ value: 0.275, ambiguous: true });
    expect(num("85.39")).toMatchObject({ value: 85.39, ambiguous: true });
  });

  test("a lone dot with three digits is grouping, flagged ambiguous, unless the column uses dot decimals", () => {
    expect(num("1.715")).toMatchObject({ value: 1715, ambiguous: true, decimalMark: null });
    expect(num("1.715", ".")).toMatchObject({ value: 1.715, decimalMark: "." });
    expect(num("0.275", ",").value).toBe(0.275);
  });

  test("the Indonesian forms are not ambiguous", () => {
    expect(num("2.222.600.041,00").ambiguous).toBe(false);
    expect(num("77,60").ambiguous).toBe(false);
  });

  test("US grouping is read and marked", () => {
    expect(num("20,614,676,801.00")).toMatchObject({
      value: 20614676801,
      usFormat: true,
      decimalMark: ".",
    });
    expect(num("1,234,567")).toMatchObject({ value: 1234567, usFormat: true });
    expect(num("1.234,5").usFormat).toBe(false);
  });

  test("units inside cells and bracketed shares", () => {
    expect(num("800 Org")).toMatchObject({ value: 800, unit: "Org", isPercent: false });
    expect(num("1.715 SDM Koperasi")).toMatchObject({ value: 1715, unit: "SDM Koperasi" });
    expect(num("100% (40%)")).toMatchObject({ value: 100, isPercent: true, secondary: 40 });
    expect(num("100% (80%)").secondary).toBe(80);
  });

  test("compounds are not numbers", () => {
    const parsed = parseNumberText("7 Galery + 1 Gedung");
    expect(parsed.kind).toBe("compound");
    expect(parsed.kind === "compound" && parsed.numbers).toEqual([7, 1]);
    expect(parseNumberText("80–90%").kind).toBe("compound");
  });

  test("text without a number, malformed groupings and prose are text", () => {
    expect(parseNumberText("Sangat Tinggi").kind).toBe("text");
    expect(parseNumberText("Tahun 2021").kind).toBe("text");
    expect(parseNumberText("12.05.2021").kind).toBe("text");
    expect(parseNumberText("1,2,3").kind).toBe("text");
    expect(parseNumberText("50% dari target").kind).toBe("text");
  });

  test("digits beyond ±1.8e308 are text, as Excel would keep them, never Infinity", () => {
    const huge = "9".repeat(400);
    for (const text of [
      huge,
      `-${huge}`,
      `${huge},5`,
      `${huge}%`,
      `Rp ${huge},-`,
      `50% (${huge}%)`,
    ]) {
      expect(parseNumberText(text)).toEqual({ kind: "text", text });
    }
    // The largest digits a double holds still read as a number.
    const largest = parseNumberText("1" + "0".repeat(308));
    expect(largest.kind === "number" && largest.value).toBe(1e308);
  });

  test("NBSP and surrounding spaces are ignored", () => {
    expect(num("\u00a01.000,50\u00a0").value).toBe(1000.5);
  });

  test("a trailing full stop is punctuation", () => {
    expect(num("88,72.").value).toBe(88.72);
  });

  test("the exact decimal string has no float noise", () => {
    expect(num("11.847.006.290,32").exact).toBe("11847006290.32");
    expect(num("(1.234,5)").exact).toBe("-1234.5");
  });
});

describe("excelRound: Excel's ROUND, half away from zero on 15 digits", () => {
  test.each([
    [2.15, 1, "2.2"],
    [100.365, 2, "100.37"],
    [-2.5, 0, "-3"],
    [2.5, 0, "3"],
    [1.005, 2, "1.01"],
    [-1.005, 2, "-1.01"],
    [1234.5, -2, "1200"],
    [1250, -2, "1300"],
    [0, 2, "0"],
    [106.40463917525773, 2, "106.4"],
  ])("ROUND(%d, %d) = %s", (x, digits, expected) => {
    expect(excelRound(x, digits).toString()).toBe(expected);
  });

  test("differs from toFixed where planners notice: (100,10 + 100,63) / 2", () => {
    const mean = (100.1 + 100.63) / 2;
    expect(mean.toFixed(2)).toBe("100.36");
    expect(excelRound(mean, 2).toNumber()).toBe(100.37);
  });

  test("truncation toward zero", () => {
    expect(excelTruncate(99.887, 1).toNumber()).toBe(99.8);
    expect(excelTruncate(-99.887, 1).toNumber()).toBe(-99.8);
  });

  test("fromExcelNumber keeps 15 significant digits and rejects non-finite values", () => {
    expect(fromExcelNumber(0.1 + 0.2).toString()).toBe("0.3");
    expect(() => fromExcelNumber(Infinity)).toThrow(RangeError);
  });
});

describe("tolerance from printed decimals", () => {
  test("τ = 0.5·10^-d, widened for totals", () => {
    expect(tolerance(2).toNumber()).toBe(0.005);
    expect(tolerance(0).toNumber()).toBe(0.5);
    expect(tolerance(2, 3).toNumber()).toBe(0.02);
  });

  test.each([
    [106.4, 106.40463917525773, 2, "rounded"],
    [100.12, 100.12445551, 2, "rounded"],
    [102.6, 102.6, 2, "exact"],
    [99.8, 99.887, 1, "truncated"],
    [122.01, 122.018, 2, "truncated"],
    [155.72, 155.714, 2, "near-miss"],
    [155.13, 155.714, 2, "mismatch"],
    [102.6, 100.12445551, 2, "mismatch"],
    [0.51, 0.52, 2, "mismatch"],
    [103, 103.318, 0, "rounded"],
    [38, 38, 0, "exact"],
  ])("printed %d vs %d at %d decimals: %s", (printed, computed, d, agreement) => {
    expect(comparePrinted(printed, computed, d)).toBe(agreement);
  });

  test("float noise is no difference (2.4 − 2.1)", () => {
    expect(comparePrinted(0.3, 2.4 - 2.1, 2)).toBe("exact");
  });

  test("a total of rounded summands gets n+1 half-units", () => {
    expect(comparePrinted(24351295318.87, new Decimal("24351295318.88"), 2)).not.toBe("rounded");
    expect(
      isAccepted(comparePrinted(24351295318.87, new Decimal("24351295318.88"), 2, { summands: 3 })),
    ).toBe(true);
  });
});

describe("comparePrinted's float path", () => {
  // Recomputed values at and around every bound: exact, the tolerance τ, one unit (truncation
  // and near miss), each ± a few epsilons, on both sides and at every magnitude.
  const nearBounds = fc
    .tuple(
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom("zero", "tau", "unit", "half"),
      fc.constantFrom(-3, -2, -1.5, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 1.5, 2, 3),
      fc.boolean(),
    )
    .map(([raw, d, summands, bound, k, below]) => {
      const unit = Math.pow(10, -d);
      const printed = Number(raw.toFixed(d));
      const tau = 0.5 * unit * (summands + 1);
      const eps = Math.max(1, Math.abs(printed)) * 1e-9;
      const base = { zero: 0, tau, unit, half: unit / 2 }[bound];
      const x = printed + (below ? -1 : 1) * (base + k * eps);
      return { printed, x, d, summands };
    });

  test("agrees with the decimals whenever it decides", () => {
    fc.assert(
      fc.property(nearBounds, ({ printed, x, d, summands }) => {
        const fast = comparePrintedFast(printed, x, d, { summands });
        if (fast !== null) expect(fast).toBe(comparePrintedExact(printed, x, d, { summands }));
      }),
      { seed: 42, numRuns: 20000 },
    );
  });

  test("decides the clear cases without decimals", () => {
    expect(comparePrintedFast(106.4, 106.40463917525773, 2)).toBe("rounded");
    expect(comparePrintedFast(106.4, 106.4049, 2)).toBe("rounded");
    expect(comparePrintedFast(102.6, 100.12445551, 2)).toBe("mismatch");
    // Truncated or one unit off: the decimals decide.
    expect(comparePrintedFast(99.8, 99.887, 1)).toBeNull();
    expect(comparePrintedFast(155.72, 155.714, 2)).toBeNull();
  });
});

describe("number formats", () => {
  test("decimals shown by a format", () => {
    expect(decimalsOfFormat("#,##0.00")).toBe(2);
    expect(decimalsOfFormat("0.0%")).toBe(1);
    expect(decimalsOfFormat("#,##0")).toBe(0);
    expect(decimalsOfFormat('_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)')).toBe(2);
    expect(decimalsOfFormat("General")).toBeNull();
    expect(decimalsOfFormat('0.00"%"')).toBe(2);
  });

  test("percent formats scale, quoted or escaped % does not", () => {
    expect(formatIsPercent("0.00%")).toBe(true);
    expect(formatIsPercent('0.00"%"')).toBe(false);
    expect(formatIsPercent("0.00\\%")).toBe(false);
  });

  test("decimals of a typed number", () => {
    expect(decimalsOfNumber(53.2)).toBe(1);
    expect(decimalsOfNumber(100)).toBe(0);
    expect(decimalsOfNumber(0.1 + 0.2)).toBe(1);
    expect(decimalsOfNumber(1e-7)).toBe(0); // decimal.js prints 1e-7: no digits after a dot
  });

  test("decimals of a typed number: the text path always agrees with decimal.js", () => {
    const scaled = fc
      .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -25, max: 25 }))
      .map(([m, e]) => m * Math.pow(10, e));
    const edges = fc.constantFrom(
      0,
      -0,
      1e-6,
      9.99999999999999e-7,
      1e-7,
      1e15,
      999999999999999,
      -999999999999999,
      -1e15,
      1e15 - 0.5,
      2 ** 53,
      1e21,
      123456.789,
      -0.000123,
      5e-324,
      Number.MAX_VALUE,
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), scaled, edges),
        (x) => {
          expect(decimalsOfNumber(x)).toBe(decimalsOfNumberExact(x));
        },
      ),
      { seed: 8, numRuns: 20000 },
    );
  });
});

describe("formatNumber for messages", () => {
  test("id-ID and en", () => {
    expect(formatNumber(2222600041, "id", 2)).toBe("2.222.600.041,00");
    expect(formatNumber(2222600041, "en", 2)).toBe("2,222,600,041.00");
    expect(formatNumber(102.6, "id")).toBe("102,6");
    expect(formatNumber(-1453946320, "id", 0)).toBe("-1.453.946.320");
    expect(formatNumber(100.365, "id", 2)).toBe("100,37");
    expect(formatNumber(-0.001, "id", 2)).toBe("0,00");
  });
});
