// The one origin the UI is served from. Everything the renderer may load or call from is
// checked against it, so it lives in one place.

export const APP_SCHEME = 'app';
export const APP_HOST = 'hashiya';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is served by our own protocol handler. Node's URL reports the origin of a
 * custom scheme as "null", so scheme and host are compared instead of `origin`.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
