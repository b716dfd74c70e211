import fc from "fast-check";
import { explain, setLanguage } from "../../src/functions/excelResult";
import * as F from "../../src/functions/functions";
import { callAsExcel, FUNCTIONS, findFunction } from "../../src/functions/registry";
import { installCustomFunctionsShim, isExcelError } from "../../src/functions/runtimeShim";
import { formatNumber } from "../../src/core/numbers";

beforeAll(() => installCustomFunctionsShim());
afterEach(() => setLanguage(null));

describe("wrappers hand Excel values or CustomFunctions.Error", () => {
  test("values pass through", () => {
    expect(F.CAPAIAN(82.57, 77.6)).toBeCloseTo(106.404639, 5);
    expect(F.KATEGORI(91)).toBe("Sangat Tinggi");
    expect(F.KATEGORIEFISIENSI(74.73)).toBe("Cukup Efisien");
    expect(F.PREDIKATAKIP(75.2)).toBe("BB");
    expect(F.ANGKA("2.222.600.041,00")).toBe(2222600041);
  });

  test("#DIV/0! carries no message for Excel (unsupported there) but explains itself", () => {
    const result = F.CAPAIAN(10, 0);
    expect(isExcelError(result)).toBe(true);
    const error = result as CustomFunctions.Error;
    expect(error.code).toBe("#DIV/0!");
    expect(error.message).toBeUndefined();
    expect(explain(error)).toMatch(/Target 0/);
  });

  test("#VALUE! and #N/A carry the Indonesian message Excel shows", () => {
    const value = F.CAPAIAN("banyak", 10) as CustomFunctions.Error;
    expect(value.code).toBe("#VALUE!");
    expect(value.message).toBe('realisasi bukan angka: "banyak".');
    const na = F.CAPAIAN("-", 10) as CustomFunctions.Error;
    expect(na.code).toBe("#N/A");
    expect(na.message).toMatch(/^realisasi kosong/);
  });

  test("English where Office reports an English display language", () => {
    const scope = globalThis as { Office?: unknown };
    scope.Office = { context: { displayLanguage: "en-US" } };
    try {
      const error = F.CAPAIAN("many", 10) as CustomFunctions.Error;
      expect(error.message).toBe('realisasi is not a number: "many".');
    } finally {
      delete scope.Office;
    }
  });

  test("Indonesian where Office reports id-ID", () => {
    const scope = globalThis as { Office?: unknown };
    scope.Office = { context: { displayLanguage: "id-ID" } };
    try {
      expect((F.ANGKA("x y") as CustomFunctions.Error).message).toMatch(/bukan angka/);
    } finally {
      delete scope.Office;
    }
  });

  test("numbers in messages follow the language", () => {
    setLanguage("id");
    expect(explain(F.CAPAIAN(1, -1234.5) as CustomFunctions.Error)).toContain("-1.234,5");
    setLanguage("en");
    expect(explain(F.CAPAIAN(1, -1234.5) as CustomFunctions.Error)).toContain("-1,234.5");
  });
});

describe("property tests", () => {
  const PARAMS = { numRuns: 300, seed: 20261122 };

  test("ANGKA(format(x)) = x for id-ID formatted numbers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }),
        fc.integer({ min: 0, max: 4 }),
        (units, decimals) => {
          const x = units / 10 ** decimals;
          const text = formatNumber(x, "id", decimals);
          expect(F.ANGKA(text)).toBe(Number(x.toFixed(decimals)));
        },
      ),
      PARAMS,
    );
  });

  test("ANGKA reads Rupiah with prefix, trailing ',-' and brackets", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), (x) => {
        const text = formatNumber(x, "id", 2);
        expect(F.ANGKA(`Rp. ${text},-`)).toBe(x);
        expect(F.ANGKA(`(${text})`)).toBe(-x);
      }),
      PARAMS,
    );
  });

  test("ANGKA of id-ID percentages is the fraction", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (hundredths) => {
        const text = `${formatNumber(hundredths / 100, "id", 2)}%`;
        expect(F.ANGKA(text) as number).toBeCloseTo(hundredths / 10_000, 12);
      }),
      PARAMS,
    );
  });

  test("CAPAIAN with normal polarity is monotone in realisasi", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e9, noNaN: true }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        (target, r1, r2) => {
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const a = F.CAPAIAN(lo, target) as number;
          const b = F.CAPAIAN(hi, target) as number;
          expect(typeof a).toBe("number");
          expect(a).toBeLessThanOrEqual(b);
        },
      ),
      PARAMS,
    );
  });

  test("CAPAIAN with negative polarity is antitone in realisasi", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (target, r1, r2) => {
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          expect(F.CAPAIAN(lo, target, "negatif") as number).toBeGreaterThanOrEqual(
            F.CAPAIAN(hi, target, "negatif") as number,
          );
        },
      ),
      PARAMS,
    );
  });

  const cellValue = fc.oneof(
    fc.constant(null),
    fc.constant(""),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.constantFrom(
      "-",
      "NA",
      "77,60%",
      "2.222.600.041,00",
      "(1.234)",
      "7 Galery + 1 Gedung",
      "1e400",
      "Rp.",
      "%",
      "()",
    ),
    fc.constant({ code: "#REF!" }),
  );
  const argument = fc.oneof(
    cellValue,
    fc.array(fc.array(cellValue, { maxLength: 4 }), { maxLength: 4 }),
    fc.anything(),
  );

  test.each(FUNCTIONS.map((f) => [f.name, f] as const))(
    "%s never throws and returns a value or an error",
    (_n, entry) => {
      fc.assert(
        fc.property(fc.array(argument, { maxLength: entry.params.length }), (args) => {
          const result = callAsExcel(entry, args);
          const isValue =
            (typeof result === "number" && Number.isFinite(result)) || typeof result === "string";
          expect(isValue || isExcelError(result)).toBe(true);
        }),
        PARAMS,
      );
    },
  );
});

describe("registry", () => {
  test("finds names case-insensitively, with or without the SAKIP. prefix", () => {
    expect(findFunction("sakip.capaian")?.name).toBe("CAPAIAN");
    expect(findFunction("Angka")?.name).toBe("ANGKA");
    expect(findFunction("SUM")).toBeUndefined();
  });

  test("every wrapper exported by functions.ts is registered", () => {
    const exported = Object.keys(F).filter(
      (k) => typeof (F as Record<string, unknown>)[k] === "function",
    );
    expect(FUNCTIONS.map((f) => f.name).sort()).toEqual(exported.sort());
  });
});
