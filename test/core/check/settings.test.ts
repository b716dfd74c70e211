import { DEFAULT_SETTINGS, parseSettings, settingFor } from "../../../src/core/check/settings";
import { renderMessage } from "../../../src/core/messages";

describe("parseSettings: one data object with documented defaults", () => {
  test("defaults: the DOMAIN choices", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      scales: {
        capaian: "capaian-permendagri86",
        efisiensi: "efisiensi-pmk214",
        akip: "akip-permenpanrb88",
        ikm: "ikm-permenpanrb14-2017",
      },
      inverseMethod: "2t-r",
      capaianCap: null,
      clampE: true,
      capCk: false,
      matchThreshold: 0.85,
      candidateThreshold: 0.5,
      rupiahTolerance: 0,
    });
  });

  test("absent or null: the base unchanged, no problem", () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings(null).problems).toEqual([]);
  });

  test("every key is read, spellings as the worksheet functions accept them", () => {
    const { settings, problems } = parseSettings({
      scales: { capaian: "capaian-lkjip-semarang-2025", akip: "akip-permenpanrb88-inklusif" },
      polarity: { "Angka Pengangguran": "Negatif" },
      sifat: { "Jumlah Koperasi": "kumulatif", "Persentase X": "akhir" },
      inverseMethod: "t/r",
      capaianCap: 120,
      capaianFloor: 0,
      zeroTargetZeroRealisasiIs100: true,
      clampE: false,
      capCk: true,
      rupiahTolerance: 1,
      matchThreshold: 0.9,
      candidateThreshold: 0.6,
      confirmedMatches: [["Jumlah Produk Yang Tersertifikasi", "Jumlah Produk yang Terfasilitasi"]],
      severity: { "number-as-text": "warning" },
      disabledRules: ["year-shift"],
      documentYear: 2025,
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      scales: {
        capaian: "capaian-lkjip-semarang-2025",
        efisiensi: "efisiensi-pmk214",
        akip: "akip-permenpanrb88-inklusif",
        ikm: "ikm-permenpanrb14-2017",
      },
      polarity: { "Angka Pengangguran": "negatif" },
      sifat: { "Jumlah Koperasi": "kumulatif", "Persentase X": "akhir" },
      inverseMethod: "t/r",
      capaianCap: 120,
      capaianFloor: 0,
      zeroTargetZeroRealisasiIs100: true,
      clampE: false,
      capCk: true,
      rupiahTolerance: 1,
      matchThreshold: 0.9,
      candidateThreshold: 0.6,
      confirmedMatches: [["Jumlah Produk Yang Tersertifikasi", "Jumlah Produk yang Terfasilitasi"]],
      severity: { "number-as-text": "warning" },
      disabledRules: ["year-shift"],
      documentYear: 2025,
    });
  });

  test("layers: a later source overrides only the keys it sets; the base is not mutated", () => {
    const workbook = parseSettings({ clampE: false, polarity: { A: "negatif" } }).settings;
    const cli = parseSettings({ polarity: { B: "positif" }, capCk: true }, workbook).settings;
    expect(cli.clampE).toBe(false);
    expect(cli.capCk).toBe(true);
    expect(cli.polarity).toEqual({ A: "negatif", B: "positif" });
    expect(workbook.polarity).toEqual({ A: "negatif" });
    expect(DEFAULT_SETTINGS.polarity).toEqual({});
  });

  test("bad values: an Indonesian message naming key, value and choices; the default stays", () => {
    const { settings, problems } = parseSettings({
      clampE: "ya",
      capaianCap: "120%",
      scales: { capaian: "skala-saya", suhu: "x" },
      polarity: { A: "sedang" },
      severity: { "capaian-mismatch": "fatal", "aturan-baru": "error" },
      disabledRules: ["semua"],
      matchThreshold: 2,
      documentYear: 25,
      warna: "merah",
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    const texts = problems.map((p) => renderMessage(p));
    expect(texts).toEqual([
      'Pengaturan clampE = "ya" tidak dapat dipakai; nilai bawaan tetap berlaku. Pilihan: true, false.',
      'Pengaturan capaianCap = "120%" tidak dapat dipakai; nilai bawaan tetap berlaku. Pilihan: null, 100, 120, 150, 200.',
      expect.stringMatching(/^Pengaturan scales\.capaian = "skala-saya" .*capaian-permendagri86/),
      expect.stringMatching(
        /^Pengaturan scales\.suhu = "suhu" .*Pilihan: capaian, efisiensi, akip, ikm\.$/,
      ),
      expect.stringMatching(/^Pengaturan polarity\.A = "sedang" .*positif, negatif/),
      expect.stringMatching(
        /^Pengaturan severity\.capaian-mismatch = "fatal" .*error, warning, info/,
      ),
      expect.stringMatching(/^Pengaturan severity\.aturan-baru/),
      expect.stringMatching(/^Pengaturan disabledRules = \["semua"\]/),
      expect.stringMatching(/^Pengaturan matchThreshold = 2 /),
      expect.stringMatching(/^Pengaturan documentYear = 25 /),
      expect.stringMatching(/^Pengaturan "warna" tidak dikenal dan diabaikan/),
    ]);
  });

  test("not an object", () => {
    const { problems } = parseSettings([1, 2]);
    expect(renderMessage(problems[0])).toBe("Pengaturan harus berupa objek JSON, bukan [1,2].");
  });

  test("per-indicator settings are found whatever the case, spacing and punctuation", () => {
    const { settings } = parseSettings({ polarity: { "Angka  Kemiskinan (%)": "negatif" } });
    expect(settingFor(settings.polarity, "angka kemiskinan %")).toBe("negatif");
    expect(settingFor(settings.polarity, "Angka Kemiskinan Ekstrem")).toBeUndefined();
  });
});
