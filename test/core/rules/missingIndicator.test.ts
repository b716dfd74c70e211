import { missingIndicator } from "../../../src/core/rules/missingIndicator";
import { renderMessage } from "../../../src/core/messages";
import { check, describe as list, fixtureWorkbook, where } from "../../helpers/check";
import { handmade } from "./handmade";

jest.setTimeout(60000);
const rules = [missingIndicator];

test('LS25 F19: "Nilai AKIP" is in Renstra Tabel 2.1 and PK Tabel 2.5 but in no IKU — one warning', async () => {
  const findings = check([await fixtureWorkbook("lkjip-semarang-2025")], rules);
  const akip = findings.filter((f) => f.indicator === "Nilai AKIP");
  expect(akip).toHaveLength(1);
  expect(where(akip[0])).toBe("Tabel 2.1!E9");
  expect(akip[0].severity).toBe("warning");
  expect(renderMessage(akip[0].message)).toContain("tidak ditemukan di IKU");
  // Not flag: the tujuan indicators (Tabel 2.1 D5, D6) are not expected in a PK.
  expect(findings.filter((f) => /Tabel 2\.1!D[56]/.test(where(f)))).toEqual([]);
  expect(findings.filter((f) => /tujuan/.test(renderMessage(f.message)))).toEqual([]);
});

describe("LT21 F14: PK/IKU and Renstra indicator sets do not meet", () => {
  let findings: ReturnType<typeof check>;
  beforeAll(async () => {
    findings = check([await fixtureWorkbook("lakip-tangsel-2021")], rules);
  });

  test.each([
    ["Table 4!C4", "Angka Angkatan Kerja yang Melakukan Wirausaha Mandiri"],
    ["Table 4!C5", "Kontribusi PDRB (UMKM)"],
    ["Table 4!C6", "Ability To Pay (UMKM)"],
    ["Table 4!C7", "Icon (Branding)"],
    ["Table 4!C8", "Produk Unggulan Yang Populer"],
    ["Table 4!C9", "Tingkat Kepuasan Pelayanan Publik"],
  ])("LT21 F14: %s %s has no Renstra target — warning", (cell, indicator) => {
    const at = findings.filter((f) => where(f) === cell);
    expect(at).toHaveLength(1);
    expect(at[0].indicator).toBe(indicator);
    expect(at[0].severity).toBe("warning");
    expect(renderMessage(at[0].message)).toContain("tidak ditemukan di Renstra");
  });

  test.each([
    "Persentase Koperasi Sehat",
    "Persentase UMKM Terakses Permodalan",
    "Persentase Pelaku UMKM dan PKL",
    "Jumlah Produk Yang Tersertifikasi",
    "Jumlah Pemasaran Produk Unggulan UMKM",
  ])("LT21 F14: Lampiran 6 %s is absent from IKU and PK — one warning each", (name) => {
    const about = findings.filter(
      (f) =>
        (f.at.sheet === "Lampiran 6" || f.related.some((r) => r.sheet === "Lampiran 6")) &&
        renderMessage(f.message).toLowerCase().includes(`"${name.toLowerCase()}`.slice(0, 20)),
    );
    const text = about.map((f) => renderMessage(f.message));
    expect(text.some((t) => t.includes("tidak ditemukan di IKU"))).toBe(true);
    expect(text.some((t) => t.includes("tidak ditemukan di PK"))).toBe(true);
  });

  test('LT21: "Jumlah Produk Yang Tersertifikasi" names the candidate "Jumlah Produk yang Terfasilitasi"', () => {
    const own = findings.filter((f) => where(f) === "Lampiran 6!E9");
    expect(own).toHaveLength(2);
    for (const f of own) {
      expect(renderMessage(f.message).toLowerCase()).toContain("jumlah produk yang terfasilitasi");
    }
  });

  test("readable: at most one finding per indicator and missing role", () => {
    const keys = findings.map(
      (f) => `${where(f)} ${renderMessage(f.message).split("tidak ditemukan di ")[1]}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(findings.length).toBeLessThanOrEqual(18);
  });
});

test("RS21: every Renja program indicator is found in the Renstra columns of Tabel 2.1", async () => {
  expect(list(check([await fixtureWorkbook("renja-semarang-2021")], rules))).toBe("");
});

test("a Renstra alone expects nothing of an absent PK or IKU; empty and odd tables never throw", () => {
  const renstra = handmade("Tabel 2.1 Target Renstra", [
    ["No", "Indikator Sasaran", "Target 2025"],
    ["1", "Persentase koperasi aktif", "-"],
    ["2", "#DIV/0!", "12"],
  ]);
  expect(check([renstra], rules)).toEqual([]);
  expect(check([handmade("", [])], rules)).toEqual([]);
});
