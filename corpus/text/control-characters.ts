// Characters a text may carry that do harm where it is shown or written out: those XML 1.0
// cannot hold (a DOCX or XLSX with one will not open), and the bidi embeddings, overrides and
// isolates that reorder everything after them (`\u202Egnp.exe` is drawn as `exe.png`). Exports
// and the article list share these rules, so this module sits in the bottom layer.

/**
 * Characters XML 1.0 cannot carry: C0 controls other than tab, line feed and carriage return;
 * lone surrogates; U+FFFE and U+FFFF.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const XML_FORBIDDEN_ALL = new RegExp(XML_FORBIDDEN.source, 'g');

export function hasXmlForbiddenChar(text: string): boolean {
  return XML_FORBIDDEN.test(text);
}

/** Each character XML cannot carry replaced (by U+FFFD, which shows a reader that one was there). */
export function replaceXmlForbiddenChars(text: string, replacement = '\uFFFD'): string {
  return hasXmlForbiddenChar(text) ? text.replace(XML_FORBIDDEN_ALL, replacement) : text;
}

export const BIDI_CONTROL_NAMES = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
} as const satisfies Record<string, string>;

export type BidiControlName = (typeof BIDI_CONTROL_NAMES)[keyof typeof BIDI_CONTROL_NAMES];

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_CONTROL_ALL = /[\u202A-\u202E\u2066-\u2069]/g;
const PDF = '\u202C';
const PDI = '\u2069';
// Where the Unicode bidi algorithm ends a paragraph, and with it every open embedding.
const PARAGRAPH_SEPARATOR = /[\n\r\u001C-\u001E\u0085\u2029]/;

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/**
 * The text with its bidi embeddings, overrides and isolates balanced on every line: an opener
 * left open is closed (PDF, PDI) before the line ends, and a closer with nothing to close is
 * dropped, because it would close what the format around the field opened. Every other
 * character stays, so a quote keeps its exact letters and only gains closers at its end.
 * Follows the stack rules of UAX #9: a PDF does not close across an isolate, a PDI closes the
 * embeddings opened inside its isolate.
 */
export function balanceBidiControls(text: string): string {
  if (!hasBidiControl(text)) return text;
  let out = '';
  let open: Array<'embedding' | 'isolate'> = [];
  const closeAll = () => {
    for (let k = open.length - 1; k >= 0; k--) out += open[k] === 'isolate' ? PDI : PDF;
    open = [];
  };
  for (const ch of text) {
    if (PARAGRAPH_SEPARATOR.test(ch)) {
      closeAll();
      out += ch;
      continue;
    }
    const name = bidiControlName(ch);
    if (name === null) out += ch;
    else if (name === 'PDF') {
      if (open[open.length - 1] === 'embedding') {
        open.pop();
        out += ch;
      }
    } else if (name === 'PDI') {
      const at = open.lastIndexOf('isolate');
      if (at >= 0) {
        for (let k = open.length - 1; k > at; k--) out += PDF;
        open = open.slice(0, at);
        out += ch;
      }
    } else {
      open.push(name === 'LRI' || name === 'RLI' || name === 'FSI' ? 'isolate' : 'embedding');
      out += ch;
    }
  }
  closeAll();
  return out;
}

export function bidiControlName(ch: string): BidiControlName | null {
  return (BIDI_CONTROL_NAMES as Record<string, BidiControlName>)[ch] ?? null;
}

export type VisibleTextPart = { text: string } | { control: BidiControlName; codePoint: string };

/**
 * The text cut into plain runs and the bidi controls between them, for a display that shows
 * each control as a marker instead of letting it reorder the name (`⟨RLO⟩gnp.exe`). The plain
 * runs keep every other character, so Persian and Arabic read as they should.
 */
export function visibleBidiControls(text: string): VisibleTextPart[] {
  if (!hasBidiControl(text)) return text === '' ? [] : [{ text }];
  const parts: VisibleTextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(BIDI_CONTROL_ALL)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ control: bidiControlName(m[0])!, codePoint: `U+${m[0].charCodeAt(0).toString(16).toUpperCase()}` });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/**
 * JSON text with the bidi controls and the noncharacters U+FFFE/U+FFFF written as `\uXXXX`
 * escapes: the data reads back exactly, and a person who opens the file in an editor sees the
 * escape instead of a line drawn backwards. (JSON.stringify already escapes C0 controls and
 * lone surrogates.) Only valid on the output of JSON.stringify, where these characters can
 * stand only inside strings.
 */
export function escapeHazardsInJson(json: string): string {
  return json.replace(/[\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
