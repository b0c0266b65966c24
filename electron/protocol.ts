// Serves the bundled UI (out/renderer) on app://hashiya/. Only files under that folder can
// be named: traversal in any spelling (.., %2e%2e, encoded slashes, backslashes, NUL,
// absolute or drive paths) and symlinks that lead out are refused, and every response,
// errors included, carries the security headers.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join } from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { securityHeaders } from './security';
import { isInside } from '../corpus/folder/corpus-folder';

/** Registered before `ready`: a standard, secure origin that may use fetch; nothing that bypasses CSP. */
export const APP_SCHEME_REGISTRATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, corsEnabled: false, stream: false, allowServiceWorkers: false },
};

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export type AssetResolution =
  | { ok: true; relativePath: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const INDEX = 'index.html';

/**
 * The file under the UI root that an app:// URL names, decided from the URL alone.
 * Refuses rather than normalises: a URL that needed cleaning is not one the UI makes.
 */
export function resolveAssetUrl(url: string): AssetResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 404, reason: 'unknown host' };
  if (parsed.username || parsed.password) return { ok: false, status: 400, reason: 'credentials in URL' };
  // The URL parser has already folded literal and %2e dot segments; the raw path is
  // checked too so that any request that relied on folding is refused, not redirected.
  const rawPath = rawPathOf(url);
  if (rawPath === null) return { ok: false, status: 400, reason: 'malformed URL' };
  const candidates = [rawPath, parsed.pathname || '/'];
  const segmentsList: string[][] = [];
  for (const path of candidates) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return { ok: false, status: 400, reason: 'bad percent-encoding' };
    }
    if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL in path' };
    if (decoded.includes('\\')) return { ok: false, status: 403, reason: 'backslash in path' };
    if (/%/.test(decoded)) return { ok: false, status: 403, reason: 'double-encoded path' };
    const segments = decoded.split('/').slice(1);
    for (const s of segments) {
      if (s === '..' || s === '.') return { ok: false, status: 403, reason: 'dot segment in path' };
      if (/^[a-zA-Z]:/.test(s)) return { ok: false, status: 403, reason: 'drive letter in path' };
      if (/[\u0000-\u001f\u007f]/.test(s)) return { ok: false, status: 400, reason: 'control character in path' };
    }
    if (segments.slice(0, -1).some((s) => s === '')) return { ok: false, status: 403, reason: 'empty segment in path' };
    segmentsList.push(segments);
  }
  const segments = segmentsList[1]!;
  // A path always starts with '/', so there is at least one segment; '' names a folder.
  if (segments[segments.length - 1] === '') segments[segments.length - 1] = INDEX;
  if (segments.some((s) => s.startsWith('.'))) return { ok: false, status: 404, reason: 'hidden file' };
  const relativePath = segments.join('/');
  if (isAbsolute(relativePath)) return { ok: false, status: 403, reason: 'absolute path' };
  return { ok: true, relativePath };
}

/** The path part of a URL exactly as written, before the parser folds dot segments. */
function rawPathOf(url: string): string | null {
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*([^?#]*)/.exec(url);
  if (!m) return null;
  return m[1] === '' ? '/' : m[1]!;
}

/**
 * Absolute real path of the file an app:// URL names under `root` (itself a real path),
 * checked again after symlinks are followed.
 */
export async function resolveAssetPath(root: string, url: string): Promise<AssetResolution & { path?: string }> {
  const r = resolveAssetUrl(url);
  if (!r.ok) return r;
  const lexical = join(root, ...r.relativePath.split('/'));
  if (!isInside(root, lexical)) return { ok: false, status: 403, reason: 'outside the UI folder' };
  let real: string;
  try {
    real = await realpath(lexical);
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  if (!isInside(root, real)) return { ok: false, status: 403, reason: 'leads outside the UI folder' };
  try {
    if (!(await stat(real)).isFile()) return { ok: false, status: 404, reason: 'not a file' };
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  return { ok: true, relativePath: r.relativePath, path: real };
}

function errorResponse(status: number, reason: string): Response {
  return new Response(`${status} ${reason}`, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The `protocol.handle` handler for app://, over the UI folder `uiRoot`. */
export function createAssetHandler(uiRoot: string): (request: Request) => Promise<Response> {
  let realRoot: Promise<string> | null = null;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405, 'method not allowed');
    realRoot ??= realpath(uiRoot);
    let root: string;
    try {
      root = await realRoot;
    } catch {
      realRoot = null;
      return errorResponse(500, 'UI folder missing: run the bundle step');
    }
    const r = await resolveAssetPath(root, request.url);
    if (!r.ok) return errorResponse(r.status, r.reason);
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = new Uint8Array(await readFile(r.path!));
    } catch {
      return errorResponse(404, 'not found');
    }
    const type = MIME_TYPES[extname(r.path!).toLowerCase()] ?? 'application/octet-stream';
    const headers = { ...securityHeaders(), 'Content-Type': type, 'Content-Length': String(body.byteLength) };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
