// Rewrites the add-in's base URL in text assets (manifest.xml, functions.json).
// Pure functions, no dependencies: used by webpack.config.js and unit-tested.

const { URL } = require("url");

/** The base URL the sources use; the production build replaces it. */
const DEV_URL = "https://localhost:3000/";

/** Escapes a string for use inside a RegExp. */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Returns the origin of an absolute URL ("https://host:port"), or null if it is not one. */
function originOf(url) {
  try {
    const { origin } = new URL(url);
    return origin && origin !== "null" ? origin : null;
  } catch {
    return null;
  }
}

/**
 * Replaces EVERY occurrence of the base URL `from` in `text` by `to` (not only the first).
 *
 * Then, when both are absolute URLs on different origins, it also replaces the remaining bare
 * occurrences of `from`'s origin (such as `<AppDomain>https://localhost:3000</AppDomain>`,
 * which must not carry a path) by `to`'s origin. A bare origin only matches when it is not
 * followed by more host or port characters, so `https://localhost:30001` is left alone.
 *
 * @param {string} text
 * @param {string} from  base URL to replace, e.g. "https://localhost:3000/"
 * @param {string} to    replacement base URL, e.g. "https://sakip-addin.github.io/excel/"
 * @returns {string}
 */
function rewriteUrls(text, from, to) {
  if (typeof text !== "string") throw new TypeError("rewriteUrls: text must be a string");
  if (!from) throw new TypeError("rewriteUrls: from must be a non-empty string");
  if (from === to) return text;
  let result = text.split(from).join(to);
  const fromOrigin = originOf(from);
  const toOrigin = originOf(to);
  if (fromOrigin && toOrigin && fromOrigin !== toOrigin) {
    const bare = new RegExp(`${escapeRegExp(fromOrigin)}(?![\\w.:-])`, "g");
    result = result.replace(bare, () => toOrigin);
  }
  return result;
}

/**
 * Normalises a production base URL: must be absolute https; a trailing slash is added,
 * so that "https://x.test/sakip" and "https://x.test/sakip/" mean the same thing.
 * @param {string} url
 * @returns {string}
 */
function normaliseBaseUrl(url) {
  const trimmed = String(url || "").trim();
  let parsed;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new Error(`Production URL is not an absolute URL: "${trimmed}"`);
  }
  if (parsed.protocol !== "https:") {
    throw new Error(`Production URL must use https (Office requires it): "${trimmed}"`);
  }
  if (parsed.search || parsed.hash) {
    throw new Error(`Production URL must not have a query or fragment: "${trimmed}"`);
  }
  return trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}

module.exports = { DEV_URL, rewriteUrls, normaliseBaseUrl, originOf };
