// Types for scripts/serve.js (CommonJS), for the tests.

import type { IncomingMessage, ServerResponse } from "http";

export const MIME_TYPES: Readonly<Record<string, string>>;
export function mimeType(file: string): string;
export function parseArgs(argv: string[]): { port?: string; dir?: string; https: boolean };
/** File inside root for a request path, or null when it would leave root. */
export function resolveRequestPath(root: string, urlPath: string): string | null;
export function createHandler(root: string): (req: IncomingMessage, res: ServerResponse) => void;
/** The lines printed at start: the web preview's URL, the manifest, notes. */
export function bannerLines(root: string, url: string): string[];
