import fc from "fast-check";
import { DEFAULT_SETTINGS, CheckSettings } from "../../../src/core/check/settings";
import { Decimal, excelRound, excelTruncate, fromExcelNumber } from "../../../src/core/decimal";
import { capaian, Polarity } from "../../../src/core/formulas/capaian";
import { comparePrintedExact, comparePrintedFast, isAccepted } from "../../../src/core/numbers";
import {
  acceptedCapaianFast,
  agreement,
  CANDIDATE_ERROR,
  capaianCandidates,
  capaianFloat,
  capaianOptions,
  FLOAT_TRUST,
  FloatMean,
  mean,
  surelyDifferent,
} from "../../../src/core/rules/capaianPairs";
import { numberReading } from "../../helpers/readings";

/**
 * The float fast paths of capaian-mismatch against the decimal path they stand in for: the
 * same decision whenever they decide, with values at and around every bound (T = R, R = 2T,
 * printed values at the rounding tolerance, ratios below 10, cap and floor, overflow).
 */

const cell = numberReading;

/** |a − b| ≤ relative·max(1, |b|), in decimals (no overflow). */
function within(a: number, b: Decimal, relative: number): boolean {
  return new Decimal(a).minus(b).abs().lte(Decimal.max(1, b.abs()).times(relative));
}

const targets = fc.oneof(
  fc.integer({ min: 1, max: 1000 }),
  fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 100),
  fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
  fc.constantFrom(0, -5, 5e-324, 1e-300, 0.3, 1e300, 9e307, 1.7e308),
);

/** R from T: equal, a few ulps off, equal at 15 digits, near 2T, scaled, or unrelated. */
function realisasiFor(t: number, form: number, ratio: number, k: number, other: number): number {
  switch (form) {
    case 0:
      return t;
    case 1:
      return t * (1 + k * 2 ** -52);
    case 2:
      return Number((t * (1 + k * 1e-16)).toPrecision(17));
    case 3:
      return t * (2 + k * 1e-12);
    case 4:
      return t * ratio;
    case 5:
      return t === 0.3 ? 0.1 + 0.2 : -t * ratio;
    case 8:
      // R/T = 1,980198: 1,98 is the inverse capaian printed and the capaian as a ratio.
      return t * 1.980198;
    case 6:
      return 0;
    default:
      return other;
  }
}

/** A printed value around the anchor x: rounded, at the tolerance, truncated, a ratio, off. */
function printedFor(x: number, form: number, d: number, k: number, other: number): number {
  const unit = 10 ** -d;
  const rounded = excelRound(fromExcelNumber(x), d).toNumber();
  const nudge = k * 1e-9 * Math.max(1, Math.abs(x));
  switch (form) {
    case 0:
      return rounded;
    case 1:
      return rounded + nudge;
    case 2:
      return x + unit / 2 + nudge;
    case 3:
      return x - unit / 2 + nudge;
    case 4:
      return excelTruncate(fromExcelNumber(x), d).toNumber() + nudge;
    case 5:
      return excelRound(fromExcelNumber(x / 100), d + 2).toNumber();
    case 6:
      return x + unit + nudge;
    case 7:
      return x + 2 * unit;
    default:
      return other;
  }
}

const settingsArb: fc.Arbitrary<CheckSettings> = fc
  .record({
    inverseMethod: fc.constantFrom("2t-r" as const, "t/r" as const),
    capaianCap: fc.constantFrom(null, null, 100, 120, 99.99),
    capaianFloor: fc.constantFrom(null, null, 0, 50),
    zeroTargetZeroRealisasiIs100: fc.boolean(),
  })
  .map((s) => ({ ...DEFAULT_SETTINGS, ...s }));

const rowArb = fc.record({
  t: targets,
  rForm: fc.integer({ min: 0, max: 8 }),
  ratio: fc.double({ min: 0, max: 3, noNaN: true }),
  k: fc.integer({ min: -4, max: 4 }),
  rOther: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  polarity: fc.constantFrom("unknown" as const, "positif" as const, "negatif" as const),
  settings: settingsArb,
  anchor: fc.nat(),
  pForm: fc.integer({ min: 0, max: 8 }),
  d: fc.integer({ min: 0, max: 3 }),
  pOther: fc.double({ min: -1e3, max: 1e4, noNaN: true }),
  readAs: fc.constantFrom("number" as const, "percent-format" as const, "text" as const),
  units: fc.constantFrom<[string | null, string | null]>(
    [null, null],
    ["%", null],
    [null, "%"],
    ["Org", "org"],
    ["Org", "Unit"],
  ),
});

describe("capaian in floats", () => {
  test("capaianFloat is within CANDIDATE_ERROR of capaian() whenever it gives a value", () => {
    fc.assert(
      fc.property(rowArb, ({ t, rForm, ratio, k, rOther, settings }) => {
        const r = realisasiFor(t, rForm, ratio, k, rOther);
        if (t <= 0 || !Number.isFinite(r)) return;
        for (const polarity of ["positif", "negatif"] as Polarity[]) {
          const x = capaianFloat(r, t, polarity, settings);
          const exact = capaian(
            fromExcelNumber(r),
            fromExcelNumber(t),
            capaianOptions(settings, polarity),
          );
          if (Number.isNaN(x)) continue;
          expect(exact.ok).toBe(true);
          if (exact.ok) expect(within(x, exact.value, CANDIDATE_ERROR)).toBe(true);
        }
      }),
      { seed: 11, numRuns: 3000 },
    );
  });

  test("surelyDifferent never calls two cells of one 15-digit decimal different", () => {
    let different = 0;
    fc.assert(
      fc.property(rowArb, ({ t, rForm, ratio, k, rOther }) => {
        const r = realisasiFor(t, rForm, ratio, k, rOther);
        if (!Number.isFinite(r)) return;
        if (surelyDifferent(t, r)) {
          different++;
          expect(fromExcelNumber(t).eq(fromExcelNumber(r))).toBe(false);
        }
      }),
      { seed: 12, numRuns: 3000 },
    );
    expect(surelyDifferent(0.3, 0.1 + 0.2)).toBe(false);
    expect(surelyDifferent(100, 100.00000001)).toBe(true);
    expect(different).toBeGreaterThan(1000);
  });
});

describe("FLOAT_TRUST", () => {
  test("a float that close to the decimal gets the decimal's decision from comparePrintedFast", () => {
    const arb = fc.record({
      cents: fc.integer({ min: -100_000, max: 10_000_000 }),
      d: fc.integer({ min: 0, max: 3 }),
      form: fc.integer({ min: 0, max: 7 }),
      k: fc.integer({ min: -4, max: 4 }),
      shift: fc.double({ min: -1, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(arb, ({ cents, d, form, k, shift }) => {
        const exact = new Decimal(cents).div(97).times(1.03);
        const x = exact.toNumber();
        const printed = printedFor(x, form, d, k, x);
        const float = x + shift * FLOAT_TRUST * Math.max(1, Math.abs(x));
        const fast = comparePrintedFast(printed, float, d);
        if (fast !== null) expect(fast).toBe(comparePrintedExact(printed, exact, d));
      }),
      { seed: 15, numRuns: 5000 },
    );
  });
});

describe("acceptedCapaianFast against the decimal candidates", () => {
  test("gives the first accepted candidate (or none) whenever it decides", () => {
    let decided = 0;
    fc.assert(
      fc.property(rowArb, (row) => {
        const r = realisasiFor(row.t, row.rForm, row.ratio, row.k, row.rOther);
        if (!Number.isFinite(r)) return;
        const [tUnit, rUnit] = row.units;
        const target = cell(row.t, 2, { unit: tUnit, isPercent: tUnit === "%" });
        const realisasi = cell(r, 2, { unit: rUnit, isPercent: rUnit === "%" });
        const candidates = capaianCandidates(target, realisasi, row.polarity, row.settings);
        const candidate =
          candidates.length > 0 ? candidates[row.anchor % candidates.length].value.toNumber() : NaN;
        const anchor = Number.isFinite(candidate) ? candidate : row.pOther;
        const value = printedFor(anchor, row.pForm, row.d, row.k, row.pOther);
        if (!Number.isFinite(value)) return;
        const printed = cell(value, row.d, { readAs: row.readAs });

        const fast = acceptedCapaianFast(printed, target, realisasi, row.polarity, row.settings);
        if (fast === null) {
          expect(candidates).toHaveLength(0);
          return;
        }
        if (Number.isNaN(fast)) return;
        decided++;
        const accepted = candidates.find((c) => isAccepted(agreement(printed, c.value)));
        expect(accepted).toBeDefined();
        expect(within(fast, accepted!.value, CANDIDATE_ERROR)).toBe(true);
      }),
      { seed: 13, numRuns: 5000 },
    );
    // The fast path must carry the clear cases, not hand everything to the decimals.
    expect(decided).toBeGreaterThan(1000);
  });

  test("decides the common rows and leaves ratios and findings to the decimals", () => {
    const s = DEFAULT_SETTINGS;
    expect(acceptedCapaianFast(cell(106.4, 2), cell(97, 0), cell(103.21, 2), "unknown", s)).toBe(
      (103.21 / 97) * 100,
    );
    // 2T−R = 93,6 for a lower-is-better row whose row text gives no polarity.
    const inverse = acceptedCapaianFast(cell(93.6, 2), cell(100, 0), cell(106.4, 2), "unknown", s);
    expect(inverse).toBeCloseTo(93.6, 10);
    // 1,98 is 2T−R directly and R/T as a ratio: R/T comes first, the decimals decide.
    expect(
      acceptedCapaianFast(cell(1.98, 2), cell(100, 0), cell(198.0198, 4), "unknown", s),
    ).toBeNaN();
    // "1,06" may be the ratio 106 %: decimals decide.
    expect(acceptedCapaianFast(cell(1.06, 2), cell(100, 0), cell(106, 0), "unknown", s)).toBeNaN();
    expect(
      acceptedCapaianFast(cell(110, 2), cell(100, 0), cell(100.63, 2), "positif", s),
    ).toBeNaN();
    expect(acceptedCapaianFast(cell(0, 2), cell(0, 0), cell(5, 0), "positif", s)).toBeNull();
  });
});

describe("FloatMean against mean() of the decimals", () => {
  const values = fc.oneof(
    fc.integer({ min: 0, max: 20_000 }).map((n) => n / 100),
    fc.double({ min: -1e4, max: 1e4, noNaN: true }),
    fc.constantFrom(1e16, -1e16, 1, 1e300),
  );

  test("is within FLOAT_TRUST of the decimal mean whenever it gives one", () => {
    let trusted = 0;
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 60 }), (xs) => {
        const m = new FloatMean();
        for (const x of xs) m.add(x, 5e-15 * Math.max(1, Math.abs(x)));
        const value = m.value();
        if (Number.isNaN(value)) return;
        trusted++;
        const exact = mean(xs.map(fromExcelNumber));
        expect(within(value, exact, FLOAT_TRUST)).toBe(true);
      }),
      { seed: 14, numRuns: 3000 },
    );
    expect(trusted).toBeGreaterThan(500);
  });

  test("errorBound bounds the float mean of integers (exact decimals)", () => {
    const integers = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.constantFrom(2 ** 53, -(2 ** 53), 2 ** 60, 1, 1, 1),
    );
    fc.assert(
      fc.property(fc.array(integers, { minLength: 1, maxLength: 80 }), (xs) => {
        const m = new FloatMean();
        for (const x of xs) m.add(x, 0);
        const exact = mean(xs.map((x) => new Decimal(x)));
        const distance = new Decimal(m.approximate()).minus(exact).abs();
        expect(distance.lte(m.errorBound())).toBe(true);
      }),
      { seed: 16, numRuns: 2000 },
    );
  });

  test("refuses a sum that lost its small terms", () => {
    const m = new FloatMean();
    for (const x of [1e16, 1, 1, 1, 1, 1, 1, -1e16]) m.add(x, 5e-15 * Math.max(1, Math.abs(x)));
    expect(m.value()).toBeNaN();
    m.clear();
    for (const x of [95.5, 101.25]) m.add(x, 5e-15 * x);
    expect(m.value()).toBe(98.375);
  });
});
