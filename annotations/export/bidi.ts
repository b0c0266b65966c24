// Bidi isolation and escaping for RTL text embedded in English lines. Without isolation a
// Persian headline followed by a comma and a date pulls the comma and the digits into its
// own right-to-left run, and the line reads scrambled in Excel, Word and browsers.

import { balanceBidiControls } from '../../corpus/text/control-characters';

export const FSI = '\u2068';
export const RLI = '\u2067';
export const PDI = '\u2069';

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const STRONG = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[A-Za-z\u00C0-\u024F]/;
const RTL_ALL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g;
const LTR_ALL = /[A-Za-z\u00C0-\u024F]/g;

export function hasRtl(text: string): boolean {
  return RTL_CHAR.test(text);
}

/**
 * The direction a reader expects for an embedded string: RTL when most strong letters are
 * Arabic-script. FSI alone would guess from the first strong letter, and a Latin first word
 * (`CNN گزارش داد`) would then lay a Persian headline out left to right.
 */
export function embeddedDirection(text: string): 'rtl' | 'ltr' | 'auto' {
  const rtl = text.match(RTL_ALL)?.length ?? 0;
  if (rtl === 0) return 'ltr';
  const ltr = text.match(LTR_ALL)?.length ?? 0;
  const first = STRONG.exec(text)?.[0] ?? '';
  const firstIsRtl = RTL_CHAR.test(first);
  if (rtl >= ltr && !firstIsRtl) return 'rtl';
  return 'auto';
}

/**
 * Plain text: RTL strings wrapped in FSI…PDI (RLI…PDI when a Latin first word would mislead FSI).
 * The text's own bidi controls are balanced first, so that an override in a headline
 * (`\u202Egnp.exe`) ends with the headline and cannot reverse the date after it.
 */
export function isolate(raw: string): string {
  const text = balanceBidiControls(raw);
  if (text === '' || !hasRtl(text)) return text;
  return (embeddedDirection(text) === 'rtl' ? RLI : FSI) + text + PDI;
}

/** Removes the isolate marks again (for comparisons and for formats that isolate by markup). */
export function stripIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** HTML: escaped, and RTL text inside <bdi> (with dir="rtl" where a Latin first word would mislead). */
export function bdiHtml(raw: string): string {
  const text = balanceBidiControls(raw);
  const escaped = escapeHtml(text);
  if (text === '' || !hasRtl(text)) return escaped;
  return embeddedDirection(text) === 'rtl' ? `<bdi dir="rtl">${escaped}</bdi>` : `<bdi>${escaped}</bdi>`;
}

/** The writing direction of a quote's language, for dir attributes and paragraph settings. */
export function directionOf(language: string, text = ''): 'rtl' | 'ltr' {
  if (language === 'fa' || language === 'ar') return 'rtl';
  if (language === 'en') return 'ltr';
  return hasRtl(text) ? 'rtl' : 'ltr';
}

/** A BCP 47 tag for lang attributes; 'und' stays 'und'. */
export function langTag(language: string): string {
  return language === 'fa' || language === 'ar' || language === 'en' ? language : 'und';
}

export interface DirectionalSegment {
  text: string;
  /** Set inside an isolate: 'rtl' for RLI, 'auto' for FSI; null outside any isolate. */
  isolate: 'rtl' | 'auto' | null;
}

/** Splits plain text built with isolate() back into its isolated and surrounding parts. */
export function isolatedSegments(text: string): DirectionalSegment[] {
  const out: DirectionalSegment[] = [];
  const re = /([\u2067\u2068])([^\u2066-\u2069]*)\u2069/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), isolate: null });
    out.push({ text: m[2]!, isolate: m[1] === RLI ? 'rtl' : 'auto' });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), isolate: null });
  return out.filter((s) => s.text !== '');
}

/**
 * One isolated RTL part in HTML. Not <bdi>: LibreOffice's HTML import does not know it and lays
 * the part out with its neighbours (`, "17` drawn inside an Arabic headline). A span with
 * dir="rtl" and unicode-bidi:isolate isolates in browsers; the RLI/FSI…PDI characters inside
 * it isolate wherever the markup is not understood, and a browser treats them the same way.
 */
function isolatedSpan(text: string, isolate: 'rtl' | 'auto'): string {
  const open = isolate === 'rtl' ? RLI : FSI;
  const dir = isolate === 'rtl' ? 'rtl' : 'auto';
  return `<span dir="${dir}" style="unicode-bidi:isolate">${open}${escapeHtml(text)}${PDI}</span>`;
}

/** HTML for plain text built with isolate(): escaped, each isolate a span (isolatedSpan). */
export function isolatedToHtml(text: string): string {
  return isolatedSegments(text)
    .map((s) => (s.isolate === null ? escapeHtml(s.text) : isolatedSpan(s.text, s.isolate)))
    .join('');
}

// An RTL run: Arabic-script letters with the spaces, marks and digits between them.
const RTL_RUN = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF](?:[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\s\u200C\u200D0-9.,:;!?«»()\-]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])?/g;

/**
 * Free English text (a gloss, a note, a translation) with Persian or Arabic words inside: each RTL run is
 * isolated, so that a Persian phrase followed by a number or a bracket does not swallow it.
 */
export function isolateRtlRuns(raw: string): string {
  // Balanced first: an override the text opens is closed before its line ends (see isolate()).
  const text = balanceBidiControls(raw);
  if (!hasRtl(text)) return text;
  if (embeddedDirection(text) === 'rtl' && !/[A-Za-z]/.test(text)) return isolate(text);
  return text.replace(RTL_RUN, (run) => FSI + run + PDI);
}
