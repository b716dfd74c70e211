import fc from "fast-check";
import { readValue } from "../../../src/core/cellNumber";
import { Grid } from "../../../src/core/recognize/grid";
import { hasInnerWhiteSpace } from "../../../src/core/recognize/text";
import { CellValue, snapshotFromValues } from "../../../src/core/snapshot";

/**
 * The grid answers some questions without the slow path (the Indonesian number reading,
 * the white space regex). These properties hold the fast answers to the slow ones.
 */

const FORMATS = ["General", "0.00", "#,##0", "0%", "0.00%", '0.0"%"', "0\\%", '"Rp" #,##0'];

/** Texts built from the pieces that matter: digits, separators, signs, spaces of all kinds. */
const textValue = fc
  .array(
    fc.constantFrom(
      "1",
      "0",
      "9",
      "12",
      ".",
      ",",
      "-",
      "–",
      "\u2212",
      "(",
      ")",
      "%",
      "Rp",
      "rp.",
      "IDR",
      "x",
      "abc",
      "Org",
      "#DIV/0!",
      "n/a",
      " ",
      "  ",
      "\t",
      "\n",
      "\u00a0",
      "\u2007",
      "\u202f",
      "\u3000",
      "\ufeff",
      "\u0085",
      "\u200b",
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));

const numberValue = fc.oneof(
  fc.double(),
  fc.integer({ min: -3000, max: 3000 }),
  fc.constantFrom(0, -0, 1e300, -1e300, 1.7e306, 1.8e306, 1e307, Number.MAX_VALUE, 1e-320),
);

/** Row numbers typed as text, and near misses. */
const ordinalValue = fc
  .tuple(fc.stringMatching(/^\d{0,17}$/), fc.constantFrom("", ".", "..", ",", " ", ")"))
  .map(([digits, end]) => digits + end);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  numberValue,
  textValue,
  ordinalValue,
  fc.string(),
  fc.boolean(),
  fc.constant(null),
);

function oneCellGrid(value: CellValue, format: string): Grid {
  return new Grid(snapshotFromValues("S", [[value]], { numberFormats: [[format]] }));
}

describe("Grid fast paths agree with the full reading", () => {
  it("isNumber and numberValue give the reading's kind and value", () => {
    fc.assert(
      fc.property(cellValue, fc.constantFrom(...FORMATS), (value, format) => {
        const reading = readValue(value, format, false);
        const grid = oneCellGrid(value, format);
        expect(grid.isNumber(0, 0)).toBe(reading.kind === "number");
        const fast = grid.numberValue(0, 0);
        if (reading.kind === "number") expect(Object.is(fast, reading.value)).toBe(true);
        else expect(fast).toBeNaN();
      }),
      { seed: 8, numRuns: 5000 },
    );
  });

  it("text collapses white space exactly as the regex does", () => {
    fc.assert(
      fc.property(fc.oneof(textValue, fc.string({ unit: "binary" })), (value) => {
        const grid = oneCellGrid(value, "General");
        expect(grid.text(0, 0)).toBe(value.replace(/\s+/g, " ").trim());
      }),
      { seed: 8, numRuns: 5000 },
    );
  });

  it("hasInnerWhiteSpace tells whether the cell text has a space", () => {
    fc.assert(
      fc.property(textValue, (value) => {
        const text = oneCellGrid(value, "General").text(0, 0);
        expect(hasInnerWhiteSpace(value)).toBe(text.includes(" "));
      }),
      { seed: 8, numRuns: 5000 },
    );
  });
});
