import fc from "fast-check";
import { fromExcelNumber } from "../../../src/core/decimal";
import { classify, SCALES } from "../../../src/core/formulas/scales";
import { bandOfFast, sideOfBound } from "../../../src/core/rules/categoryMismatch";

/**
 * category-mismatch classifies printed values in floats: wherever it decides, the band must
 * be the one classify() gives the value's 15-digit decimal, with values at and around every
 * bound of every scale.
 */

const bounds = [
  ...new Set(
    SCALES.flatMap((s) => [
      ...s.bands.flatMap((b) => [b.min?.value, b.max?.value]),
      s.range?.min,
      s.range?.max,
    ]).filter((v): v is number => v !== undefined),
  ),
];

/** A value at a bound, a few ulps or 15-digit units away, rounded at 2 decimals, or anywhere. */
const values = fc
  .record({
    bound: fc.constantFrom(...bounds),
    form: fc.integer({ min: 0, max: 5 }),
    k: fc.integer({ min: -6, max: 6 }),
    other: fc.double({ min: -50, max: 200, noNaN: true }),
  })
  .map(({ bound, form, k, other }) => {
    switch (form) {
      case 0:
        return bound;
      case 1:
        return bound * (1 + k * 2 ** -52);
      case 2:
        return bound + k * 1e-14 * Math.max(1, bound);
      case 3:
        return bound + k * 0.005;
      case 4:
        return Number((bound + k * 3e-15 * bound).toPrecision(16));
      default:
        return other;
    }
  });

describe("bandOfFast against classify()", () => {
  test("gives classify()'s band whenever it decides", () => {
    let decided = 0;
    fc.assert(
      fc.property(values, fc.constantFrom(...SCALES), (x, scale) => {
        const fast = bandOfFast(x, scale);
        if (fast === undefined) return;
        decided++;
        const exact = classify(fromExcelNumber(x), scale);
        expect(fast).toBe(exact.ok ? exact.value : null);
      }),
      { seed: 21, numRuns: 5000 },
    );
    expect(decided).toBeGreaterThan(2000);
  });

  test("a float just under a bound whose 15-digit value is the bound is left undecided", () => {
    expect(fromExcelNumber(90.99999999999999).eq(91)).toBe(true);
    expect(sideOfBound(90.99999999999999, 91)).toBe(0);
    expect(sideOfBound(91, 91)).toBe(0);
    expect(sideOfBound(90.99, 91)).toBe(-1);
    expect(sideOfBound(95.5, 91)).toBe(1);
  });
});
