/**
 * Formulas as the file format stores them. Functions newer than Excel 2007 are written with
 * an "_xlfn." prefix in the file (Excel shows the bare name, and so do Office.js and the
 * plans); without it Excel 2010+ shows #NAME? until the cell is edited. readSheets strips
 * the prefix again, so a plan's formula round-trips.
 */

/** Functions stored as "_xlfn.NAME" (MS-XLSX §2.2.2, "future functions"). */
const FUTURE_FUNCTIONS = new Set(
  (
    "ACOT ACOTH AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV " +
    "BITAND BITLSHIFT BITOR BITRSHIFT BITXOR CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT " +
    "CHISQ.INV CHISQ.INV.RT CHISQ.TEST COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH " +
    "COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL ERF.PRECISE ERFC.PRECISE EXPON.DIST F.DIST " +
    "F.DIST.RT F.INV F.INV.RT F.TEST FILTERXML FLOOR.MATH FLOOR.PRECISE FORECAST.ETS " +
    "FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT " +
    "GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HYPGEOM.DIST IFNA IFS IMCOSH IMCOT IMCSC " +
    "IMCSCH IMSEC IMSECH IMSINH IMTAN ISFORMULA ISOWEEKNUM LET LOGNORM.DIST LOGNORM.INV MAXIFS " +
    "MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NETWORKDAYS.INTL NORM.DIST NORM.INV " +
    "NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC " +
    "PERCENTRANK.INC PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC RANDARRAY RANK.AVG " +
    "RANK.EQ RRI SEC SECH SEQUENCE SHEET SHEETS SINGLE SKEW.P SORTBY STDEV.P STDEV.S SWITCH T.DIST " +
    "T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TEXTJOIN UNICHAR UNICODE UNIQUE VAR.P VAR.S " +
    "WEBSERVICE WEIBULL.DIST WORKDAY.INTL XLOOKUP XMATCH XOR Z.TEST"
  ).split(" "),
);

const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;

/** Dynamic-array functions stored as "_xlfn._xlws.NAME". */
const WORKSHEET_FUNCTIONS = new Set(["FILTER", "SORT"]);

/**
 * The formula as stored in a file: no leading "=", future functions prefixed. Text in
 * double quotes and sheet names in single quotes are left alone.
 */
export function fileFormula(formula: string): string {
  const text = formula.replace(/^\s*=/, "");
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      // A quoted run; a doubled quote stands for one quote inside it.
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === ch) {
          if (text[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (m) {
      const name = m[0];
      const before = out[out.length - 1] ?? "";
      const isCall = text[i + name.length] === "(";
      const upper = name.toUpperCase();
      // A name right after "!" or "." belongs to a sheet or a prefix; leave it.
      if (isCall && before !== "!" && !/[\w.]/.test(before) && !upper.startsWith("_XL")) {
        if (WORKSHEET_FUNCTIONS.has(upper)) out += "_xlfn._xlws." + name;
        else if (FUTURE_FUNCTIONS.has(upper)) out += "_xlfn." + name;
        else out += name;
      } else {
        out += name;
      }
      i += name.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
