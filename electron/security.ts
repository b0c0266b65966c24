// The Content-Security-Policy and the other headers sent with every response of app://.
//
// style-src has no 'unsafe-inline': prosemirror-view writes inline styles through the CSSOM
// (`dom.style.cssText += ...`), which CSP does not govern; only `style="..."` in markup and
// setAttribute('style') are blocked, and the renderer styles highlights with classes.

export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['font-src', "'self'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** Directives a page's <meta http-equiv> cannot carry: browsers ignore them there, and say so on the console. */
const HEADER_ONLY = new Set(['frame-ancestors']);

/**
 * The same policy as renderer/index.html's <meta http-equiv="Content-Security-Policy"> gives
 * it (defence in depth, and what a scanner of the page sees); test/shell/csp.test.ts holds
 * the page to it.
 */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name))
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/** Headers for every app:// response, errors included. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
