import fs from "fs";
import path from "path";
import { FUNCTIONS } from "../../src/functions/registry";

// custom-functions-metadata ships CommonJS without types for this entry point.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata") as {
  generateCustomFunctionsMetadata(
    input: string[],
    wantConsoleOutput?: boolean,
  ): Promise<{ metadataJson: string; errors: string[] }>;
};

interface ParamMeta {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: ParamMeta[];
}

const SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");
const GOLDEN = path.resolve(__dirname, "functions.golden.json");
const README = path.resolve(__dirname, "../../README.md");

let metadata: { functions: FunctionMeta[] };

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([SOURCE], false);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson);
});

test("functions.json matches the reviewed golden copy (update it on purpose with UPDATE_GOLDEN=1)", () => {
  if (process.env.UPDATE_GOLDEN === "1")
    fs.writeFileSync(GOLDEN, JSON.stringify(metadata, null, 2) + "\n");
  expect(metadata).toEqual(JSON.parse(fs.readFileSync(GOLDEN, "utf8")));
});

test("every CONTRACT function exists under an id in capitals", () => {
  const ids = metadata.functions.map((f) => f.id);
  for (const name of [
    "CAPAIAN",
    "EFISIENSI",
    "NILAIEFISIENSI",
    "KATEGORI",
    "KATEGORIEFISIENSI",
    "PREDIKATAKIP",
    "SERAPAN",
    "CAPAIANRENSTRA",
    "KUMULATIF",
    "ANGKA",
  ]) {
    expect(ids).toContain(name);
  }
  for (const f of metadata.functions) {
    expect(f.id).toBe(f.id.toUpperCase());
    expect(f.name).toBe(f.id);
  }
});

test("every function and argument has an Indonesian description and a help link", () => {
  for (const f of metadata.functions) {
    expect(f.description.length).toBeGreaterThan(20);
    expect(f.helpUrl).toMatch(new RegExp(`#sakip${f.id.toLowerCase()}$`));
    for (const p of f.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(5);
  }
});

test("each help link points at a README section that exists", () => {
  const readme = fs.readFileSync(README, "utf8");
  for (const f of metadata.functions) {
    expect(readme).toMatch(new RegExp(`^#+ SAKIP\\.${f.id}\\b`, "m"));
  }
});

test("the CLI's registry agrees with the metadata: parameters, optional ones, ranges", () => {
  expect(FUNCTIONS.map((f) => f.name).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  for (const meta of metadata.functions) {
    const entry = FUNCTIONS.find((f) => f.name === meta.id);
    expect(entry?.params).toEqual(meta.parameters.map((p) => p.name));
    expect(entry?.required).toBe(meta.parameters.filter((p) => !p.optional).length);
    expect(entry?.ranges).toEqual(
      meta.parameters.filter((p) => p.dimensionality === "matrix").map((p) => p.name),
    );
  }
});

describe("English metadata for Excel in English", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { localiseFunctions } = require("../../scripts/localise-functions.js") as {
    localiseFunctions(
      m: { functions: FunctionMeta[] },
      t: unknown,
    ): { metadata: { functions: FunctionMeta[] }; missing: string[] };
  };
  const translations = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, "../../src/functions/descriptions.en.json"), "utf8"),
  ) as Record<string, { description: string; parameters: Record<string, string> }>;

  test("covers every function and argument, with the same ids, names and shapes", () => {
    const { metadata: en, missing } = localiseFunctions(metadata, translations);
    expect(missing).toEqual([]);
    expect(en.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)])).toEqual(
      metadata.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)]),
    );
    for (const [i, f] of en.functions.entries()) {
      expect(f.description).not.toBe(metadata.functions[i].description);
      expect(f.helpUrl).toBe(metadata.functions[i].helpUrl);
    }
  });

  test("translations name no function or argument that does not exist", () => {
    for (const [id, t] of Object.entries(translations)) {
      const meta = metadata.functions.find((f) => f.id === id);
      expect(meta).toBeDefined();
      expect(Object.keys(t.parameters).sort()).toEqual(meta?.parameters.map((p) => p.name).sort());
    }
  });

  test("a missing translation is reported, not silently left Indonesian", () => {
    const { missing } = localiseFunctions(metadata, {
      CAPAIAN: { description: "x", parameters: {} },
    });
    expect(missing).toContain("ANGKA");
    expect(missing).toContain("CAPAIAN.realisasi");
  });
});
