// Realistic benchmark workbooks (issue 8): many sheets of anggaran by kode with a
// program / kegiatan / sub-kegiatan hierarchy and JUMLAH rows, Renja evaluation tables with a
// column-number row, and PK and pengukuran tables with Indonesian number text and
// %-formatted cells, stacked several per sheet. The shapes copy the shared fixture workbooks
// (LKjIP Semarang 2025 Tabel 3.2 / 3.10 / PK sheets, Renja Semarang 2021 Tabel 2.1).
//
// Plain CommonJS so that `npm run bench` runs it with node alone (no ts-node); the jest test
// imports it through generate.d.ts. Written with ExcelJS's streaming writer so that the
// 1 M-cell workbook does not need the whole ExcelJS object model in memory.
//
// The first "office" (unit 0) carries a few deliberate errors (see DELIBERATE_ERRORS), so
// the rules find something real on every size.

const ExcelJS = require("exceljs");

/** Deterministic PRNG (mulberry32): the same workbook on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Offices (OPD) by sector, each with its own objects: indicators of different offices share
 * few words (as a Dinas Kesehatan's and a Dinas Pertanian's do), indicators of one office
 * repeat between its PK, pengukuran and Renja tables.
 */
const SECTOR_OBJECTS = {
  koperasi:
    "koperasi aktif|koperasi sehat|anggota koperasi|omset koperasi|aset koperasi|koperasi tersertifikasi",
  "usaha mikro":
    "wirausaha baru|pelaku usaha|produk unggulan|izin usaha|akses pembiayaan|pasar daring",
  pertanian:
    "lahan sawah|produksi padi|kelompok tani|pupuk bersubsidi|alsintan terdistribusi|benih unggul",
  perikanan:
    "produksi ikan|kolam budidaya|nelayan terlindungi|kapal perikanan|olahan hasil|benih ikan",
  pariwisata:
    "kunjungan wisatawan|desa wisata|pelaku ekraf|event budaya|homestay terstandar|pemandu wisata",
  perdagangan:
    "pasar rakyat|harga pangan|tertib ukur|ekspor daerah|pedagang binaan|gudang logistik",
  perindustrian:
    "industri kecil|sentra industri|sertifikat halal|tenaga industri|kawasan industri|produk bersertifikat",
  kesehatan:
    "balita gizi|puskesmas terakreditasi|imunisasi dasar|persalinan faskes|penderita hipertensi|jaminan kesehatan",
  pendidikan:
    "angka partisipasi|sekolah terakreditasi|guru bersertifikat|ruang kelas|putus sekolah|literasi siswa",
  kebudayaan:
    "cagar budaya|sanggar seni|warisan tak benda|museum daerah|seniman binaan|festival seni",
  perhubungan: "angkutan umum|terminal tipe|uji kir|rambu lalu|halte terbangun|kecelakaan lalu",
  perumahan: "rumah layak|kawasan kumuh|air minum|sanitasi layak|psu perumahan|backlog rumah",
  "lingkungan hidup":
    "kualitas udara|sampah terkelola|ruang terbuka|limbah b3|bank sampah|kualitas air",
  kependudukan:
    "akta kelahiran|kartu identitas|dokumen kependudukan|data terpadu|perekaman ktp|layanan adminduk",
  ketenagakerjaan:
    "pencari kerja|pelatihan kerja|penempatan tenaga|hubungan industrial|pengangguran terbuka|balai latihan",
  sosial:
    "penyandang disabilitas|anak terlantar|lansia terlayani|bantuan sosial|panti sosial|fakir miskin",
  kepemudaan:
    "organisasi pemuda|wirausaha muda|pemuda pelopor|kader pemuda|forum pemuda|pertukaran pemuda",
  olahraga:
    "atlet berprestasi|sarana olahraga|event olahraga|pelatih bersertifikat|klub olahraga|medali porprov",
  perpustakaan:
    "pemustaka aktif|koleksi buku|perpustakaan desa|minat baca|pustakawan terlatih|layanan digital",
  kearsipan:
    "arsip tertata|arsip statis|khazanah arsip|arsiparis terlatih|depot arsip|akuisisi arsip",
  komunikasi:
    "jaringan internet|aplikasi layanan|website resmi|diseminasi informasi|menara telekomunikasi|keterbukaan informasi",
  statistik:
    "data sektoral|metadata statistik|survei daerah|portal data|publikasi statistik|walidata terlatih",
  persandian:
    "sertifikat elektronik|insiden siber|sandi terjaga|keamanan informasi|penilaian indeks|tim tanggap",
  "penanaman modal":
    "nilai investasi|perizinan berusaha|realisasi investasi|promosi investasi|pengaduan investor|izin terbit",
  pangan: "cadangan pangan|skor pph|keamanan pangan|lumbung pangan|konsumsi ikan|rawan pangan",
};
const SECTORS = Object.keys(SECTOR_OBJECTS);
/** Regions for offices beyond the first 25: the same sector in another kabupaten. */
const REGIONS = [
  "Semarang",
  "Kendal",
  "Demak",
  "Boyolali",
  "Klaten",
  "Sragen",
  "Pati",
  "Kudus",
  "Jepara",
  "Rembang",
  "Blora",
  "Grobogan",
  "Magelang",
  "Temanggung",
  "Wonosobo",
  "Purworejo",
  "Kebumen",
  "Banyumas",
  "Cilacap",
  "Brebes",
  "Tegal",
  "Pemalang",
  "Batang",
  "Pekalongan",
];
const VERBS = ["Jumlah", "Persentase", "Cakupan", "Rasio", "Indeks", "Tingkat"];

function officeOf(unit) {
  const sector = SECTORS[unit % SECTORS.length];
  const region = REGIONS[Math.floor(unit / SECTORS.length) % REGIONS.length];
  return { sector, region, objects: SECTOR_OBJECTS[sector].split("|") };
}

const MEASURES = ["Persentase", "Jumlah", "Indeks", "Rasio", "Cakupan"];
const ACTIVITIES = [
  "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
  "Administrasi Keuangan Perangkat Daerah",
  "Administrasi Umum Perangkat Daerah",
  "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
  "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
  "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
  "Pemberdayaan dan Pengembangan Usaha",
  "Pengawasan dan Pemeriksaan",
];
const SUB_ACTIVITIES = [
  "Penyusunan Dokumen Perencanaan Perangkat Daerah",
  "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
  "Koordinasi dan Penyusunan DPA-SKPD",
  "Evaluasi Kinerja Perangkat Daerah",
  "Penyediaan Gaji dan Tunjangan ASN",
  "Penyediaan Peralatan Rumah Tangga",
  "Penyediaan Bahan Logistik Kantor",
  "Fasilitasi Kunjungan Tamu",
  "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
  "Pelatihan dan Pendampingan Pelaku Usaha",
];
const KATEGORI = [
  [91, "Sangat Tinggi"],
  [76, "Tinggi"],
  [66, "Sedang"],
  [51, "Rendah"],
  [-Infinity, "Sangat Rendah"],
];

/** The default kategori scale (Permendagri 86): what the category rule expects. */
function kategoriOf(capaian) {
  return KATEGORI.find(([floor]) => capaian >= floor)[1];
}

/** Excel's ROUND for the printed values (half away from zero). */
function roundTo(x, decimals) {
  const f = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
}

/** 1234567.5 → "1.234.567,50" (Indonesian grouping, as planners type amounts). */
function idNumber(x, decimals) {
  const [int, frac] = Math.abs(x).toFixed(decimals).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (x < 0 ? "-" : "") + grouped + (frac ? "," + frac : "");
}

/**
 * The deliberate errors of unit 0, one per rule: the rule, the sheet and the cell (A1) it
 * must report. The generator writes them; the jest test checks the findings.
 */
const DELIBERATE_ERRORS = [
  { rule: "total-mismatch", sheet: "Anggaran 1", note: "JUMLAH pagu off by Rp 1.000.000" },
  { rule: "percent-mismatch", sheet: "Anggaran 1", note: "a (%) cell that is not D/C×100" },
  { rule: "difference-mismatch", sheet: "Anggaran 1", note: "a selisih that is not C−D" },
  { rule: "capaian-mismatch", sheet: "PK dan Pengukuran 1", note: "capaian 110 for 100.63" },
  { rule: "category-mismatch", sheet: "PK dan Pengukuran 1", note: "'Rendah' for ≥ 91" },
];

/**
 * One sheet being written: rows are appended top to bottom (the streaming writer commits
 * each row), non-empty cells are counted, merges collected.
 */
class SheetWriter {
  constructor(workbook, name, counter) {
    this.ws = workbook.addWorksheet(name);
    this.name = name;
    this.next = 1;
    this.counter = counter;
  }
  /** cells: array of value | {v, fmt} | {f, v, fmt} | null; returns the 1-based row number. */
  row(cells, indent) {
    const r = this.next++;
    const row = this.ws.getRow(r);
    cells.forEach((spec, i) => {
      if (spec === null || spec === undefined) return;
      const cell = row.getCell(i + 1);
      if (typeof spec === "object") {
        cell.value = spec.f !== undefined ? { formula: spec.f, result: spec.v } : spec.v;
        if (spec.fmt) cell.numFmt = spec.fmt;
      } else {
        cell.value = spec;
      }
      if (indent && i === 1) cell.alignment = { indent };
      this.counter.cells++;
    });
    // The streaming writer cannot merge committed rows: hold rows while a header is open.
    if (!this.hold) row.commit();
    return r;
  }
  blank(n = 1) {
    this.next += n;
  }
  merge(range) {
    this.ws.mergeCells(range);
  }
  /** Keep the next rows uncommitted (merges come after them) until release(). */
  holdRows() {
    this.hold = true;
  }
  release() {
    this.hold = false;
    if (this.next > 1) this.ws.getRow(this.next - 1).commit();
  }
  commit() {
    this.ws.commit();
  }
}

function col(c) {
  return String.fromCharCode(65 + c);
}

/**
 * Anggaran by kode (LKjIP Tabel 3.10/3.11 shape): KODE REK | PROGRAM/KEGIATAN/SUB KEGIATAN |
 * ANGGARAN | REALISASI | (%) | SELISIH, programs "01", kegiatan "2.01", sub kegiatan "0001",
 * parents summing their children, a JUMLAH row, the % and selisih as formulas with results.
 */
function anggaranSheet(sw, unit, programs, rand, errors) {
  const { sector, region } = officeOf(unit);
  const office = `Dinas ${sector} ${region}`;
  sw.row([`Tabel 3.10 Anggaran dan Realisasi Anggaran ${office} Tahun 2025`]);
  sw.blank();
  sw.row([
    "KODE REK",
    "PROGRAM/ KEGIATAN / SUB KEGIATAN",
    "ANGGARAN (Rp)",
    "REALISASI ANGGARAN (Rp)",
    "(%) CAPAIAN",
    "SELISIH (Rp)",
  ]);
  // Build the tree first: parents print the sums of their children.
  const tree = [];
  for (let p = 0; p < programs; p++) {
    const kegiatan = [];
    const nk = 2 + Math.floor(rand() * 4);
    for (let k = 0; k < nk; k++) {
      const subs = [];
      const ns = 3 + Math.floor(rand() * 6);
      for (let s = 0; s < ns; s++) {
        const pagu = Math.round(1e6 + rand() * 5e8) * 100;
        const real = Math.round(pagu * (0.6 + rand() * 0.4));
        subs.push({
          kode: String(s + 1).padStart(4, "0"),
          name: SUB_ACTIVITIES[s % 10],
          pagu,
          real,
        });
      }
      kegiatan.push({
        kode: `2.${String(k + 1).padStart(2, "0")}`,
        name: ACTIVITIES[k % ACTIVITIES.length],
        pagu: subs.reduce((a, s) => a + s.pagu, 0),
        real: subs.reduce((a, s) => a + s.real, 0),
        subs,
      });
    }
    tree.push({
      kode: String(p + 1).padStart(2, "0"),
      name: `PROGRAM ${ACTIVITIES[p % ACTIVITIES.length].toUpperCase()} ${p + 1}`,
      pagu: kegiatan.reduce((a, k) => a + k.pagu, 0),
      real: kegiatan.reduce((a, k) => a + k.real, 0),
      kegiatan,
    });
  }
  const money = "#,##0.00";
  let bad = errors ? 0 : -1;
  const line = (kode, name, pagu, real) => {
    const r = sw.next;
    let persen = roundTo((real / pagu) * 100, 2);
    let selisih = pagu - real;
    // Deliberate errors on the first sub kegiatan rows of unit 0.
    if (bad === 1) persen = roundTo(persen + 7, 2);
    if (bad === 2) selisih += 500000;
    if (bad >= 0 && bad < 3) bad++;
    sw.row([
      kode,
      name,
      { v: pagu, fmt: money },
      { v: real, fmt: money },
      { f: `ROUND(D${r}/C${r}*100,2)`, v: persen, fmt: "0.00" },
      { f: `C${r}-D${r}`, v: selisih, fmt: money },
    ]);
  };
  for (const p of tree) {
    line(p.kode, p.name, p.pagu, p.real);
    for (const k of p.kegiatan) {
      line(k.kode, k.name, k.pagu, k.real);
      for (const s of k.subs) line(s.kode, s.name, s.pagu, s.real);
    }
  }
  const pagu = tree.reduce((a, p) => a + p.pagu, 0) + (errors ? 1000000 : 0);
  const real = tree.reduce((a, p) => a + p.real, 0);
  const r = sw.next;
  sw.row([
    "JUMLAH",
    null,
    { v: pagu, fmt: money },
    { v: real, fmt: money },
    { f: `ROUND(D${r}/C${r}*100,2)`, v: roundTo((real / pagu) * 100, 2), fmt: "0.00" },
    { f: `C${r}-D${r}`, v: pagu - real, fmt: money },
  ]);
}

/** An indicator of one office: name, satuan, target and realisasi (percent points or counts). */
function indicatorsOf(unit, n, rand) {
  const { sector, region, objects } = officeOf(unit);
  const out = [];
  for (let i = 0; i < n; i++) {
    const measure = MEASURES[i % MEASURES.length];
    const object = objects[i % objects.length];
    const round = Math.floor(i / objects.length);
    const name = `${measure} ${object} ${sector} ${region}${round > 0 ? ` tahap ${round + 1}` : ""}`;
    const percent = measure === "Persentase" || measure === "Cakupan";
    const target = percent ? roundTo(20 + rand() * 70, 2) : Math.round(10 + rand() * 990);
    const realisasi = percent
      ? roundTo(target * (0.7 + rand() * 0.5), 2)
      : Math.round(target * (0.7 + rand() * 0.5));
    out.push({ name, percent, satuan: percent ? "%" : "Unit", target, realisasi });
  }
  return out;
}

/** A value as planners type or format it: "%"-formatted fractions, "77,60 %" text, counts. */
function shown(ind, value, style) {
  if (ind.percent) {
    if (style === 0) return { v: roundTo(value / 100, 4), fmt: "0.00%" };
    return `${idNumber(value, 2)} %`;
  }
  return style === 0 ? { v: value, fmt: "#,##0" } : `${idNumber(value, 0)} ${ind.satuan}`;
}

/**
 * A PK table (PK Sekretaris shape) and the pengukuran table of the same indicators below it
 * (Tabel 3.2 shape), several pairs per sheet with captions between them.
 */
function pkSheet(sw, unit, indicators, pairs, perTable, errors) {
  for (let p = 0; p < pairs; p++) {
    const own = indicators.slice(p * perTable, (p + 1) * perTable);
    if (p > 0) sw.blank(2);
    sw.row([`FORMULIR PERJANJIAN KINERJA TAHUN 2025`]);
    sw.row([`Jabatan : Kepala Bidang ${p + 1} Dinas ${officeOf(unit).sector}`]);
    sw.blank();
    sw.row(["NO", "SASARAN PROGRAM/KEGIATAN", "INDIKATOR KINERJA PROGRAM/KEGIATAN", "TARGET"]);
    sw.row(["(1)", "(2)", "(3)", "(4)"]);
    own.forEach((ind, i) => {
      sw.row([
        `${i + 1}.`,
        `Meningkatnya kualitas layanan ${officeOf(unit).sector} ${p + 1}.${i + 1}`,
        ind.name,
        shown(ind, ind.target, 1),
      ]);
    });
    sw.blank(2);
    sw.row([
      `Tabel 3.${p + 2} Capaian Kinerja terhadap Perjanjian Kinerja Bidang ${p + 1} Tahun 2025`,
    ]);
    sw.blank();
    sw.row([
      "NO",
      "Sasaran Strategis",
      "Indikator Kinerja",
      "Target",
      "Realisasi",
      "Capaian %",
      "Kategori",
    ]);
    sw.row(["1", "2", "3", "4", "5", "6", "7"]);
    const capaianCells = [];
    own.forEach((ind, i) => {
      let capaian = roundTo((ind.realisasi / ind.target) * 100, 2);
      let kategori = kategoriOf(capaian);
      const style = (i + p) % 2;
      if (errors && p === 0 && i === 0) capaian = roundTo(capaian + 9.37, 2);
      if (errors && p === 0 && i === 1) kategori = capaian >= 91 ? "Rendah" : "Sangat Tinggi";
      capaianCells.push(capaian);
      sw.row([
        `${i + 1}.`,
        `Meningkatnya kualitas layanan ${officeOf(unit).sector} ${p + 1}.${i + 1}`,
        ind.name,
        shown(ind, ind.target, style),
        shown(ind, ind.realisasi, style),
        { v: capaian, fmt: "0.00" },
        kategori,
      ]);
    });
    const avg = roundTo(capaianCells.reduce((a, c) => a + c, 0) / capaianCells.length, 2);
    sw.row(["Rata-rata Capaian", null, null, null, null, { v: avg, fmt: "0.00" }, null]);
  }
}

/**
 * Renja evaluation (Renja Semarang 2021 Tabel 2.1 shape): two header rows with merged group
 * labels, the column-number row "8=(7/6)", "10=(5+7+9)", "11=(10/4)", a program row and
 * its kegiatan rows, %-formatted ratios.
 */
function evaluasiSheet(sw, unit, program, rand) {
  const { sector, region, objects } = officeOf(unit);
  sw.row([
    `Tabel 2.1 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Dinas ${sector} dan Pencapaian Renstra s/d Tahun 2025`,
  ]);
  sw.blank();
  sw.holdRows();
  const top = sw.next;
  sw.row([
    "No",
    "Urusan/Bidang Urusan PD dan Program/Kegiatan",
    "Indikator Kinerja Program (outcome)/ Kegiatan (output)",
    "Target Capaian Kinerja Program (Renstra Perangkat Daerah) Tahun 2021-2026",
    "Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d tahun 2024",
    "Target dan Realisasi Kinerja Program dan Kegiatan Tahun 2025",
    null,
    null,
    "Target Program dan Kegiatan Renja PD tahun 2026",
    "Perkiraan Realisasi Capaian Target Renstra PD s/d tahun 2026",
    null,
  ]);
  sw.row([
    null,
    null,
    null,
    null,
    null,
    "Target Renja PD tahun 2025",
    "Realisasi Renja PD tahun 2025",
    "Tingkat Realisasi (%)",
    null,
    "Realisasi Capaian Program dan Kegiatan s/d tahun 2026",
    "Tingkat Capaian Realisasi Target Renstra (%)",
  ]);
  for (const c of [0, 1, 2, 3, 4, 8]) sw.merge(`${col(c)}${top}:${col(c)}${top + 1}`);
  sw.merge(`F${top}:H${top}`);
  sw.merge(`J${top}:K${top}`);
  sw.release();
  sw.row([1, 2, 3, 4, 5, 6, 7, "8=(7/6)", 9, "10=(5+7+9)", "11=(10/4)"]);
  sw.row([null, `URUSAN ${sector.toUpperCase()}`]);
  for (let p = 0; p < program.length; p++) {
    // The program row: an indicator of the office's PK, with the PK's target and realisasi
    // (percentages as %-formatted fractions, no cumulative columns, as Tabel 2.1 prints them).
    const ind = program[p];
    const fraction = (x) => ({ v: roundTo(x / 100, 4), fmt: "0.00%" });
    sw.row([
      null,
      `PROGRAM PENINGKATAN LAYANAN ${sector.toUpperCase()} ${p + 1}`,
      ind.name,
      ind.percent ? fraction(ind.target) : { v: ind.target * 4, fmt: "0" },
      ind.percent ? null : { v: ind.target * 2, fmt: "0" },
      ind.percent ? fraction(ind.target) : { v: ind.target, fmt: "0" },
      ind.percent ? fraction(ind.realisasi) : { v: ind.realisasi, fmt: "0" },
      { v: roundTo(ind.realisasi / ind.target, 4), fmt: "0.00%" },
      null,
      ind.percent ? null : { v: ind.target * 2 + ind.realisasi, fmt: "0" },
      ind.percent
        ? null
        : { v: roundTo((ind.target * 2 + ind.realisasi) / (ind.target * 4), 4), fmt: "0.00%" },
    ]);
    const rows = [];
    const nk = 4 + Math.floor(rand() * 6);
    for (let k = 0; k < nk; k++) {
      const object = objects[(k + p) % objects.length];
      rows.push({
        name: `${SUB_ACTIVITIES[k % 10]} ${sector} ${region}`,
        indicator: `${VERBS[k % VERBS.length]} ${object} ${sector} ${region} terfasilitasi`,
      });
    }
    rows.forEach((row) => {
      const renstra = 5 * Math.round(20 + rand() * 200);
      const before = Math.round(renstra * (0.4 + rand() * 0.2));
      const target = Math.round(renstra * 0.2);
      const real = Math.round(target * (0.8 + rand() * 0.3));
      const next = Math.round(renstra * 0.2);
      const total = before + real + next;
      sw.row([
        null,
        row.name,
        row.indicator,
        { v: renstra, fmt: "0" },
        { v: before, fmt: "0" },
        { v: target, fmt: "0" },
        { v: real, fmt: "0" },
        { v: roundTo(real / target, 4), fmt: "0.00%" },
        { v: next, fmt: "0" },
        { v: total, fmt: "0" },
        { v: roundTo(total / renstra, 4), fmt: "0.00%" },
      ]);
    });
  }
}

/** About how many non-empty cells one office (one set of sheets) holds at each scale. */
function officeShape(targetCells) {
  if (targetCells <= 20000) return { offices: 1, programs: 40, evalPrograms: 40, pairs: 4 };
  // Bigger workbooks: more offices of the same shape (a provincial report of many OPD), so
  // the engine's cost per cell can be compared across sizes.
  return {
    offices: Math.max(1, Math.round(targetCells / 10000)),
    programs: 40,
    evalPrograms: 40,
    pairs: 4,
  };
}

/**
 * Write a workbook of about `targetCells` non-empty cells to `file`. Returns what was
 * written: cells, sheet names and the deliberate errors.
 */
async function writeBenchWorkbook(file, targetCells, seed = 8) {
  const rand = random(seed);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const counter = { cells: 0 };
  const shape = officeShape(targetCells);
  const sheets = [];
  for (let unit = 0; unit < shape.offices; unit++) {
    const errors = unit === 0;
    const n = unit + 1;
    // One list of indicators per office: its PK, pengukuran and Renja program rows agree.
    const indicators = indicatorsOf(unit, Math.max(shape.evalPrograms, shape.pairs * 6), rand);
    const a = new SheetWriter(workbook, `Anggaran ${n}`, counter);
    anggaranSheet(a, unit, shape.programs, rand, errors);
    a.commit();
    const e = new SheetWriter(workbook, `Evaluasi Renja ${n}`, counter);
    evaluasiSheet(e, unit, indicators.slice(0, shape.evalPrograms), rand);
    e.commit();
    const p = new SheetWriter(workbook, `PK dan Pengukuran ${n}`, counter);
    pkSheet(p, unit, indicators, shape.pairs, 6, errors);
    p.commit();
    sheets.push(a.name, e.name, p.name);
  }
  await workbook.commit();
  return { file, cells: counter.cells, sheets, errors: DELIBERATE_ERRORS };
}

module.exports = { writeBenchWorkbook, DELIBERATE_ERRORS, kategoriOf, idNumber };
