// Types for scripts/rewrite-urls.js (CommonJS, used by webpack.config.js and the tests).

/** The base URL the sources use; the production build replaces it. */
export const DEV_URL: string;
/** Replaces every occurrence of base URL `from` by `to`, and bare `from` origins by `to`'s. */
export function rewriteUrls(text: string, from: string, to: string): string;
/** Validates an https base URL and adds the trailing slash. Throws on bad input. */
export function normaliseBaseUrl(url: string | undefined): string;
/** Origin of an absolute URL, or null. */
export function originOf(url: string): string | null;
