import type { FindingJson } from "../../src/cli/json";
import { runCli } from "../helpers/cli";
import { sharedPath } from "../helpers/shared";

/**
 * Issue 4, "Done when": `sakip check` on each shared workbook finds every error of its
 * answer key (reports/<name>/report.md §6) that concerns a table in the workbook, at the
 * printed cell, and the warnings that belong to a CONTRACT rule as warnings; and it reports
 * no other error. The rule modules' own tests (test/core/rules) cover the same findings
 * with their expected and actual numbers; this is the end-to-end view through the CLI.
 */

interface Expected {
  finding: string;
  rule: string;
  severity: "error" | "warning";
  cells: string[];
}

const LS25: Expected[] = [
  {
    finding: "F1 Tabel 3.9 capaian swapped (100,12 / 102,60)",
    rule: "capaian-mismatch",
    severity: "error",
    cells: ["Tabel 3.9!F11", "Tabel 3.9!F12"],
  },
  {
    finding: "F2 Tabel 2.7 kegiatan 2.09 perubahan ≠ Σ sub kegiatan",
    rule: "total-mismatch",
    severity: "error",
    cells: ["Tabel 2.7!D34"],
  },
  {
    finding: "F4 PK Kabid Perizinan JUMLAH 896.153.403",
    rule: "total-mismatch",
    severity: "error",
    cells: ["PK Kabid Perizinan Kelembagaan!B18"],
  },
  {
    finding: "F5 PK Subkor Kelembagaan sub 1.3 breaks the JUMLAH",
    rule: "total-mismatch",
    severity: "error",
    cells: ["PK Subkor Kelembagaan!B14"],
  },
  {
    finding: "F6 PK Subkor Pemeriksaan JUMLAH 475.289.000",
    rule: "total-mismatch",
    severity: "error",
    cells: ["PK Subkor Pemeriksaan Kop!B16"],
  },
  {
    finding: "F7 PK Subkor Perencanaan amounts shifted one row up",
    rule: "total-mismatch",
    severity: "error",
    cells: ["PK Subkor Perencanaan Evaluasi!C24", "PK Subkor Perencanaan Evaluasi!C37"],
  },
  {
    finding: "F8 Tabel 3.3 realisasi 2022 WUB 40,58 (Lembar 28,86)",
    rule: "realisasi-mismatch",
    severity: "error",
    cells: ["Tabel 3.3!D6"],
  },
  {
    finding: "F8 Tabel 3.3 capaian 2022 WUB 96,20 against the Renstra target 30",
    rule: "capaian-mismatch",
    severity: "warning",
    cells: ["Tabel 3.3!H6"],
  },
  {
    finding: "F9 Lembar realisasi 2023 Kop aktif 77,32 (Tabel 3.3 77,04)",
    rule: "realisasi-mismatch",
    severity: "error",
    cells: ["Lembar Pengukuran!H6"],
  },
  {
    finding: "F15 Tabel 2.3 target years shifted against Tabel 2.1",
    rule: "year-shift",
    severity: "warning",
    cells: ["Tabel 2.3!G7", "Tabel 2.3!G8", "Tabel 2.3!G10", "Tabel 2.3!G11"],
  },
  {
    finding: "F16 IKU 2025 tujuan targets above the Renstra",
    rule: "target-mismatch",
    severity: "warning",
    cells: ["Tabel 2.4!D6", "Tabel 2.4!D7"],
  },
  {
    finding: "F17 PK 2025 above the Renstra (documented deviation: a warning, never an error)",
    rule: "target-mismatch",
    severity: "warning",
    cells: ["Tabel 2.5!E6", "Tabel 2.5!E8"],
  },
  {
    finding: "F19 Nilai AKIP in Renstra and PK but in no IKU",
    rule: "missing-indicator",
    severity: "warning",
    cells: ["Tabel 2.1!E9"],
  },
  {
    finding: "F21 Tabel 3.3 capaian 2024 against the Renstra 2024 targets",
    rule: "capaian-mismatch",
    severity: "warning",
    cells: ["Tabel 3.3!J5", "Tabel 3.3!J6", "Tabel 3.3!J7"],
  },
];

const RS21: Expected[] = [
  {
    finding: "F1 Tabel 2.1 col 8 Kualitas Produk 14,49 (111,77)",
    rule: "percent-mismatch",
    severity: "error",
    cells: ["Tabel 2.1!H58"],
  },
  {
    finding: "F2 Tabel 2.1 col 8 Legalitas 155,13 (155,71)",
    rule: "percent-mismatch",
    severity: "error",
    cells: ["Tabel 2.1!H72"],
  },
  {
    finding: "F3 Tabel 2.1 col 10 Akses Pembiayaan 1925 (1923)",
    rule: "total-mismatch",
    severity: "error",
    cells: ["Tabel 2.1!J82"],
  },
  {
    finding: "F4 Tabel 2.1 col 10 Perijinan Koperasi 590 (550)",
    rule: "total-mismatch",
    severity: "error",
    cells: ["Tabel 2.1!J96"],
  },
  {
    finding: "F5 Tabel 2.1 col 10 RKA dan DPA 12 (16)",
    rule: "total-mismatch",
    severity: "error",
    cells: ["Tabel 2.1!J55"],
  },
  {
    finding: "F6 Tabel 2.1 col 11 Renstra SKPD 0% (100%)",
    rule: "percent-mismatch",
    severity: "error",
    cells: ["Tabel 2.1!K53"],
  },
  {
    finding: "F7 Tabel 2.1 col 10 kendaraan dinas 0 (1)",
    rule: "total-mismatch",
    severity: "error",
    cells: ["Tabel 2.1!J27"],
  },
  {
    finding: "F8 Tabel 2.1 col 11 manajemen UMKM 100% (120%)",
    rule: "percent-mismatch",
    severity: "error",
    cells: ["Tabel 2.1!K106"],
  },
  {
    finding: "F9 Tabel 2.1 col 11 Akses Pemasaran 86,96% (91,30%)",
    rule: "percent-mismatch",
    severity: "error",
    cells: ["Tabel 2.1!K110"],
  },
  {
    finding: "F10 Tabel 2.1 col 11 koperasi aktif (legacy) 88,17% (112,32%)",
    rule: "percent-mismatch",
    severity: "error",
    cells: ["Tabel 2.1!K100"],
  },
  {
    finding: "F11 Tabel 2.1 col 11 weighted admin rows 100% (80%)",
    rule: "percent-mismatch",
    severity: "error",
    cells: ["Tabel 2.1!K23", "Tabel 2.1!K24", "Tabel 2.1!K25"],
  },
  {
    finding: "F13 U4 155,72 for 155,714 (rounding)",
    rule: "capaian-mismatch",
    severity: "warning",
    cells: ["Capaian Program 2!E5"],
  },
  {
    finding: "F14 Tabel 2.2 Program 21 ≠ Σ kegiatan (a 4.419.000 kegiatan is missing)",
    rule: "total-mismatch",
    severity: "error",
    cells: ["Tabel 2.2!C58", "Tabel 2.2!D58"],
  },
  {
    finding: "F15 Tabel 2.2 RKA dan DPA 39,05 (84,60)",
    rule: "percent-mismatch",
    severity: "error",
    cells: ["Tabel 2.2!E34"],
  },
  {
    finding: "F19 Tabel 2.3 realisasi 2019 swapped against Tabel 2.1 and U4",
    rule: "realisasi-mismatch",
    severity: "error",
    cells: ["Tabel 2.3!K11", "Tabel 2.3!K12"],
  },
  {
    finding: "F20 Tabel 2.4 Program Sarana dan Prasarana RKPD pagu 670.390.000 (755.320.000)",
    rule: "total-mismatch",
    severity: "error",
    cells: ["Tabel 2.4!F19"],
  },
  {
    finding: "F21 Tabel 2.4 Program Pelaporan RKPD pagu 285.600.000 (286.100.000)",
    rule: "total-mismatch",
    severity: "error",
    cells: ["Tabel 2.4!F25"],
  },
  {
    finding: "F22 Tabel 2.4 BELANJA LANGSUNG RKPD total",
    rule: "total-mismatch",
    severity: "error",
    cells: ["Tabel 2.4!F7"],
  },
  {
    finding: "F23 Tabel 4.1 Program Pelaporan Prakiraan Maju 2022 269.470.000 (285.600.000)",
    rule: "total-mismatch",
    severity: "error",
    cells: ["Tabel 4.1!J25"],
  },
];

const LT21: Expected[] = [
  {
    finding: "F1 Tabel 9 SILPA % Administrasi Umum 0,00 (13,94)",
    rule: "percent-mismatch",
    severity: "error",
    cells: ["Tabel 9!G24"],
  },
  {
    finding: "F2 Tabel 9 SILPA % Pemeliharaan Peralatan 0,00 (34,41)",
    rule: "percent-mismatch",
    severity: "error",
    cells: ["Tabel 9!G39"],
  },
  {
    finding: "F3 Tabel 9 programmes G and H shifted one column",
    rule: "percent-mismatch",
    severity: "error",
    cells: [
      "Tabel 9!D61",
      "Tabel 9!D62",
      "Tabel 9!D63",
      "Tabel 9!D64",
      "Tabel 9!D65",
      "Tabel 9!D67",
      "Tabel 9!D68",
    ],
  },
  {
    finding: "F4 Lampiran 7 Bertambah / Berkurang (24.453.348.000,00)",
    rule: "difference-mismatch",
    severity: "error",
    cells: ["Lampiran 7!F66", "Lampiran 7!F67"],
  },
  {
    finding: "F5 Tabel 12 quarters 50+100+70+80 ≠ 250",
    rule: "total-mismatch",
    severity: "error",
    cells: ["Tabel 12!E11", "Tabel 12!L11"],
  },
  {
    finding: "F6 Tabel 7 Kontribusi PDRB N vs N-2 0.2% (0,30)",
    rule: "difference-mismatch",
    severity: "error",
    cells: ["Tabel 7!I6"],
  },
  {
    finding: "F7 Tabel 7 Ability To Pay N vs N-2 0.51% (0,52)",
    rule: "difference-mismatch",
    severity: "error",
    cells: ["Tabel 7!I7"],
  },
  {
    finding: "F8 Tabel 7 Tingkat Kepuasan: second Thn N 100% against 77,64",
    rule: "realisasi-mismatch",
    severity: "error",
    cells: ["Tabel 7!G10"],
  },
  {
    finding: "F9 Tabel 7 unsigned Naik / Turun",
    rule: "difference-mismatch",
    severity: "warning",
    cells: ["Tabel 7!F6", "Tabel 7!F10"],
  },
  {
    finding: "F10 Tabel 7 Produk Unggulan: 3.27% against 869 / 800",
    rule: "difference-mismatch",
    severity: "error",
    cells: ["Tabel 7!F9"],
  },
  {
    finding: "F12 Ikhtisar realisasi 2021 ≠ Tabel 11 (88 / 46,3 / 850)",
    rule: "realisasi-mismatch",
    severity: "error",
    cells: ["Ikhtisar 2016-2021!N3", "Ikhtisar 2016-2021!N4", "Ikhtisar 2016-2021!N7"],
  },
  {
    finding: "F14 the six IKU/PK indicators have no Renstra target",
    rule: "missing-indicator",
    severity: "warning",
    cells: ["Table 4!C4", "Table 4!C5", "Table 4!C6", "Table 4!C7", "Table 4!C8", "Table 4!C9"],
  },
  {
    finding: "F14 the five Renstra indicators are in no IKU and no PK",
    rule: "missing-indicator",
    severity: "warning",
    cells: ["Table 3!C5", "Table 3!C6", "Table 3!C7", "Table 3!C8", "Table 3!C9"],
  },
  {
    finding: "F15 Tabel 13 'Target T2020' holds the 2021 targets",
    rule: "year-shift",
    severity: "warning",
    cells: ["Tabel 13!E4", "Tabel 13!L4"],
  },
  {
    finding: "F27 Tabel 11 quarterly percentages summed",
    rule: "cumulative-percent",
    severity: "warning",
    cells: ["Tabel 11!H5", "Tabel 11!H6", "Tabel 11!H7"],
  },
];

const KEYS: [string, Expected[]][] = [
  ["lkjip-semarang-2025", LS25],
  ["renja-semarang-2021", RS21],
  ["lakip-tangsel-2021", LT21],
];

const results = new Map<string, { code: number; findings: FindingJson[] }>();

beforeAll(async () => {
  for (const [name] of KEYS) {
    const { code, out } = await runCli(
      "check",
      "--json",
      sharedPath("fixtures", "workbooks", `${name}.xlsx`),
    );
    results.set(name, { code, findings: JSON.parse(out).findings });
  }
  // Three real workbooks through the whole CLI: a time budget, not a speed claim (npm run bench).
}, 60_000);

const at = (f: FindingJson) => `${f.sheet}!${f.cell}`;

describe.each(KEYS)("%s", (name, expected) => {
  test.each(expected.map((e) => [e.finding, e] as const))("%s", (_title, e) => {
    const { findings } = results.get(name)!;
    for (const cell of e.cells) {
      const here = findings.filter((f) => at(f) === cell && f.rule === e.rule);
      expect({ cell, severities: here.map((f) => f.severity) }).toEqual({
        cell,
        severities: expect.arrayContaining([e.severity]),
      });
      for (const f of here) {
        expect(f.message).toMatch(/\S/);
        expect(f.file).toMatch(/\.xlsx$/);
      }
    }
  });

  test("no error beyond the answer key; exit code 1", () => {
    const { code, findings } = results.get(name)!;
    const expectedErrors = expected
      .filter((e) => e.severity === "error")
      .flatMap((e) => e.cells.map((cell) => `${e.rule} ${cell}`));
    const errors = findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${at(f)}`);
    expect([...new Set(errors)].sort()).toEqual([...new Set(expectedErrors)].sort());
    expect(code).toBe(1);
  });
});

test("all shared workbooks together: each file gets exactly the findings it gets alone, in a readable report grouped by sheet", async () => {
  const names = [
    "lkjip-semarang-2025",
    "lkjip-semarang-2025-onesheet",
    "renja-semarang-2021",
    "lakip-tangsel-2021",
  ];
  const files = names.map((n) => sharedPath("fixtures", "workbooks", `${n}.xlsx`));
  const together = await runCli("check", "--json", ...files);
  const all: FindingJson[] = JSON.parse(together.out).findings;
  for (const file of files) {
    const alone: FindingJson[] = JSON.parse((await runCli("check", "--json", file)).out).findings;
    const key = (f: FindingJson) => `${f.severity} ${f.rule} ${at(f)}`;
    expect(
      all
        .filter((f) => f.file === file)
        .map(key)
        .sort(),
    ).toEqual(alone.map(key).sort());
  }

  const readable = await runCli("check", ...files);
  expect(readable.code).toBe(1);
  const lines = readable.out.split("\n");
  for (const file of files) {
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\d+ tabel dikenali, \\d+ temuan \\(\\d+ galat, \\d+ peringatan, \\d+ info\\)$`,
        ),
      ),
    );
  }
  expect(lines).toContain('  Lembar "Tabel 3.9"');
  expect(readable.out).toMatch(
    / {4}GALAT {7}F11 {4}Persentase pertumbuhan wirausaha baru yang berskala mikro: Capaian tertulis 100,12 tetapi realisasi\/target = 102,60 \(lihat D11, E11\) \[capaian-mismatch\]/,
  );
  expect(lines[lines.length - 1]).toMatch(
    /^Jumlah: \d+ temuan pada 4 berkas: \d+ galat, \d+ peringatan, \d+ info\.$/,
  );
}, 120_000);
