import fc from "fast-check";
import { numberReading } from "../../../helpers/readings";
import type { Table } from "../../../../src/core/check/table";
import { Decimal, fromExcelNumber } from "../../../../src/core/decimal";
import { comparePrintedExact } from "../../../../src/core/numbers";
import { Amount, compareApprox, judge, Sum } from "../../../../src/core/rules/totals/values";
import { DEFAULT_SETTINGS } from "../../../../src/core/check/settings";

/**
 * The float verdicts of the total rules against the decimal ones: on sums of many amounts
 * (mixed signs, every magnitude, cancellation that leaves a small sum, partial sums beyond
 * 2^53) with printed totals at and around every bound (exact, τ, one unit, half a unit).
 */

/** Only findings ask an amount for its cell: no table is needed here. */
const NO_TABLE = {} as Table;

function cell(value: number, decimals: number): Amount {
  return Amount.ofCell(NO_TABLE, 0, 0, numberReading(value, decimals));
}

/** The decimal sum the rules meant before any float: Excel's 15 digits, added in order. */
function exactSum(values: number[]): Decimal {
  return values.reduce((acc, v) => acc.plus(fromExcelNumber(v)), new Decimal(0));
}

/** Money as tables print it: up to 4 decimals, up to 1e12, both signs. */
const money = fc
  .tuple(
    fc.integer({ min: 0, max: 4 }),
    fc.array(fc.integer({ min: -1e12, max: 1e12 }), { minLength: 1, maxLength: 40 }),
  )
  .map(([d, ints]) => ints.map((i) => Number((i / Math.pow(10, d)).toFixed(d))));

/**
 * Doubles of every magnitude with all 17 digits, each perhaps with a near twin of the other
 * sign: a few ulps away, where Excel's 15 digits may cancel the pair exactly and the floats
 * not, or a small relative gap away, which leaves a sum far smaller than its parts.
 */
const doubles = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.double({ min: -1e17, max: 1e17, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.integer({ min: 1e15, max: 9e16 }).map((i) => i + 0.0),
      ),
      fc.option(
        fc.oneof(
          fc.integer({ min: -3, max: 3 }).map((k) => ({ ulps: k })),
          fc.double({ min: -9, max: -3, noNaN: true }).map((e) => ({ relative: Math.pow(10, e) })),
        ),
      ),
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((pairs) =>
    pairs.flatMap(([a, twin]) => {
      if (twin === null) return [a];
      if ("ulps" in twin) return [a, -(a + twin.ulps * Math.abs(a) * Number.EPSILON)];
      return [a, -(a * (1 - twin.relative))];
    }),
  );

/**
 * Integers below 1e15 (exact in 15 digits) whose running sum passes 2^53, where float
 * additions round, and comes back to a small total.
 */
const beyond2to53 = fc
  .tuple(
    fc.array(fc.integer({ min: 9.4e14, max: 9.99e14 }), { minLength: 10, maxLength: 30 }),
    fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1e6, max: 1e11 })),
  )
  .map(([ups, target]) => {
    const values = [...ups];
    let rest = ups.reduce((a, b) => a + BigInt(b), 0n) - BigInt(target);
    // Back down in steps of at most 9.9e14 (each stays an exact 15-digit integer).
    while (rest !== 0n) {
      const step = rest > 990000000000000n ? 990000000000000n : rest;
      values.push(-Number(step));
      rest -= step;
    }
    return values;
  });

/**
 * One large pair that nearly cancels: the sum is 1e-7…1e-4 of its parts, where the 15-digit
 * error of the parts (5e-15 of them) is about the ε of the sum (1e-9 of it).
 */
const nearlyCancelling = fc
  .tuple(
    fc.double({ min: 1, max: 1e17, noNaN: true }),
    fc.double({ min: -7, max: -4, noNaN: true }),
    fc.boolean(),
  )
  .map(([a, e, negative]) => {
    const pair = [a, -(a * (1 - Math.pow(10, e)))];
    return negative ? pair.map((x) => -x) : pair;
  });

const summandLists = fc.oneof(money, doubles, beyond2to53, nearlyCancelling);

/** A printed total near a bound from the exact sum, or from the float sum, as shown or raw. */
const cases = fc
  .tuple(
    summandLists,
    fc.integer({ min: 0, max: 6 }),
    fc.integer({ min: 0, max: 4 }),
    fc.constantFrom("zero", "tau", "unit", "half"),
    fc.constantFrom(-3, -2, -1.5, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 1.5, 2, 3),
    fc.boolean(),
    fc.constantFrom("exact", "float"),
    fc.boolean(),
  )
  .map(([values, d, summands, bound, k, below, from, shown]) => {
    const exact = exactSum(values);
    const center = from === "exact" ? exact.toNumber() : values.reduce((a, b) => a + b, 0);
    const unit = Math.pow(10, -d);
    const tau = 0.5 * unit * (summands + 1);
    const eps = Math.max(1, Math.abs(center)) * 1e-9;
    const base = { zero: 0, tau, unit, half: unit / 2 }[bound];
    const raw = center + (below ? -1 : 1) * (base + k * eps);
    const printed = shown && Math.abs(raw) < 1e20 ? Number(raw.toFixed(d)) : raw;
    return { values, exact, printed, d, summands };
  });

// No shrinking: over sums of dozens of amounts it can take minutes; the first case is shown.
const RUNS = { seed: 8, numRuns: 4000, endOnFailure: true };

describe("sums decided in floats agree with the decimals", () => {
  test("a printed total against the sum of its parts", () => {
    fc.assert(
      fc.property(cases, ({ values, exact, printed, d, summands }) => {
        const sum = new Sum(values.map((v) => cell(v, d)));
        const expected = comparePrintedExact(printed, exact, d, { summands });
        expect(compareApprox(cell(printed, d), sum, summands)).toBe(expected);
      }),
      RUNS,
    );
  });

  test("a printed total against the sum divided by 2, 3 or 4 (levels read as one)", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 2, max: 4 }), ({ values, exact, printed, d }, k) => {
        const sum = new Sum(values.map((v) => cell(v, d)));
        // The printed total was placed near the sum: move it near the sum / k instead.
        const near = printed / k;
        const expected = comparePrintedExact(near, exact.div(k), d);
        expect(compareApprox(cell(near, d), sum.dividedBy(k))).toBe(expected);
      }),
      RUNS,
    );
  });

  test("a total of blank parents read through their children (sums of sums)", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 5 }), ({ values, exact, printed, d }, size) => {
        const parts = values.map((v) => cell(v, d));
        const groups: Amount[] = [];
        for (let i = 0; i < parts.length; i += size)
          groups.push(Amount.sumOf(parts.slice(i, i + size)));
        const sum = new Sum(groups);
        // The decimals add each group first, then the groups: the same sum but for decimal.js
        // rounding at 40 digits.
        const grouped = groups.reduce((acc, g) => acc.plus(g.exact()), new Decimal(0));
        const magnitude = exactSum(values.map(Math.abs));
        expect(grouped.minus(exact).abs().lte(magnitude.times("1e-38"))).toBe(true);
        expect(compareApprox(cell(printed, d), sum)).toBe(comparePrintedExact(printed, grouped, d));
      }),
      RUNS,
    );
  });
});

describe("sums: the exact values and the bound", () => {
  test("the exact value of a sum is decimal.js on Excel's 15 digits", () => {
    const sum = new Sum([cell(0.1, 1), cell(0.2, 1)]);
    expect(sum.exact().toString()).toBe("0.3");
    expect(sum.float).not.toBe(0.3);
    expect(compareApprox(cell(0.3, 1), sum)).toBe("exact");
  });

  test("integers below 1e15 add without error until the running sum passes 2^53", () => {
    expect(new Sum([cell(999999999999999, 0), cell(1, 0)]).error).toBeLessThan(1);
    const big = new Sum(Array.from({ length: 12 }, () => cell(9.9e14, 0)));
    expect(big.error).toBeGreaterThan(1);
  });

  test("a cancelling sum of 17-digit doubles goes the exact way", () => {
    // 1e15 + 0.25 is 1000000000000000 to Excel: the exact sum is 0, the float sum 0.25.
    const sum = new Sum([cell(1e15 + 0.25, 2), cell(-1e15, 2)]);
    expect(sum.float).toBe(0.25);
    expect(sum.exact().isZero()).toBe(true);
    expect(compareApprox(cell(0.25, 2), sum)).toBe("mismatch");
    expect(compareApprox(cell(0, 2), sum)).toBe("exact");
  });

  test("with a Rupiah tolerance the decimals decide, the tolerance included", () => {
    const settings = { ...DEFAULT_SETTINGS, rupiahTolerance: 1 };
    const sum = new Sum([cell(1000.5, 2), cell(2000.25, 2)]);
    expect(judge(cell(3001.75, 2), sum, settings).accepted).toBe(true);
    expect(judge(cell(3001.76, 2), sum, settings).accepted).toBe(false);
  });
});
