/** Messages of the `number-as-text` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "numberAsText.column":
    'Kolom {column} berisi {count} angka yang tersimpan sebagai teks, mulai {cell} ("{text}"). Excel tidak menghitung teks: SUM dan rumus lain melewatkannya. Simpan sebagai angka (mis. dengan SAKIP.ANGKA atau NUMBERVALUE); satuan seperti "%" atau "Org" dapat ditulis di kolom Satuan atau format sel.',
  "numberAsText.usFormat":
    '{cell} "{text}" ditulis dengan format Amerika (koma pemisah ribuan, titik desimal). Dalam format Indonesia: {indonesian}. Samakan dengan sel lain agar angka tidak salah dibaca.',
  "numberAsText.dotInCommaTable":
    '{cell} "{text}" memakai titik sebagai pemisah desimal, sedangkan tabel ini memakai koma (mis. "{example}"). Periksa apakah angka ini terbaca benar dan samakan formatnya.',
  "numberAsText.commaInDotTable":
    '{cell} "{text}" memakai koma sebagai pemisah desimal, sedangkan tabel ini memakai titik (mis. "{example}"). Periksa apakah angka ini terbaca benar dan samakan formatnya.',
  "numberAsText.numberInDotTable":
    '{cell} berisi angka yang di Excel berformat Indonesia tampil dengan koma desimal ({shown}), sedangkan angka lain di tabel ini diketik sebagai teks dengan titik desimal (mis. "{example}"). Samakan formatnya.',
  "numberAsText.ambiguousGrouping":
    '{cell} "{text}" dibaca sebagai {value} (titik pemisah ribuan), padahal tabel ini memakai titik sebagai pemisah desimal (mis. "{example}"). Periksa apakah yang dimaksud {alternative}.',
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "numberAsText.column":
    'Column {column} holds {count} numbers stored as text, starting at {cell} ("{text}"). Excel does not calculate with text: SUM and other formulas skip them. Store them as numbers (e.g. with SAKIP.ANGKA or NUMBERVALUE); units such as "%" or "Org" can go in the Satuan column or the cell format.',
  "numberAsText.usFormat":
    '{cell} "{text}" is written in US format (comma thousands separator, decimal point). In Indonesian format: {indonesian}. Make it match the other cells so the number is not misread.',
  "numberAsText.dotInCommaTable":
    '{cell} "{text}" uses a point as decimal separator, while this table uses a comma (e.g. "{example}"). Check that the number is read correctly and make the format consistent.',
  "numberAsText.commaInDotTable":
    '{cell} "{text}" uses a comma as decimal separator, while this table uses a point (e.g. "{example}"). Check that the number is read correctly and make the format consistent.',
  "numberAsText.numberInDotTable":
    '{cell} holds a number that an Indonesian-format Excel shows with a decimal comma ({shown}), while the other numbers of this table are typed as text with a decimal point (e.g. "{example}"). Make the format consistent.',
  "numberAsText.ambiguousGrouping":
    '{cell} "{text}" is read as {value} (point as thousands separator), but this table uses the point as decimal separator (e.g. "{example}"). Check whether {alternative} is meant.',
};
