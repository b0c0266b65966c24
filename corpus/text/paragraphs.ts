// Paragraphs are the article's lines; offsets stay into the original text.
import { paragraphDirection, type Direction } from './language';
import { isSpace } from './words';

export interface Paragraph {
  /** Offset of the first character of the line in the article text. */
  start: number;
  /** Offset just after the last character (before the line break). */
  end: number;
  text: string;
  dir: Direction;
}

/**
 * Length of the line break at `i` (2 for CRLF), or 0. CRLF, lone CR (old Mac files), LF,
 * NEL and the Unicode line and paragraph separators all end a line.
 */
export function lineBreakLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029) return 1;
  if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
  return 0;
}

/** Calls `visit(start, end)` for every line of `text[from, to)`, line breaks excluded, empty lines included. */
export function forEachLine(text: string, visit: (start: number, end: number) => void, from = 0, to = text.length): void {
  let lineStart = from;
  let i = from;
  while (i < to) {
    const n = lineBreakLength(text, i);
    if (n === 0) {
      i++;
      continue;
    }
    visit(lineStart, i);
    i += n;
    lineStart = i;
  }
  visit(lineStart, to);
}

/** `text.slice(start, end).trim() === ''` without making either string (trim takes exactly what `\s` matches). */
function onlySpaces(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Non-empty lines, each with its own direction (`fallback` for a line with no letters). */
export function splitParagraphs(text: string, fallback: Direction = 'rtl'): Paragraph[] {
  const out: Paragraph[] = [];
  forEachLine(text, (start, end) => {
    if (onlySpaces(text, start, end)) return;
    const line = text.slice(start, end);
    out.push({ start, end, text: line, dir: paragraphDirection(line, fallback) });
  });
  return out;
}

/** A paragraph whose direction is worked out when first asked for (see splitParagraphsLazily). */
class LazyParagraph implements Paragraph {
  private known: Direction | undefined;
  constructor(
    public start: number,
    public end: number,
    public text: string,
    private readonly fallback: Direction,
  ) {}

  get dir(): Direction {
    return (this.known ??= paragraphDirection(this.text, this.fallback));
  }
}

/**
 * `splitParagraphs`, each paragraph's direction read only when asked for: metadata detection
 * reads lines, never their direction, and every character of every line was classed for it.
 */
export function splitParagraphsLazily(text: string, fallback: Direction = 'rtl'): Paragraph[] {
  const out: Paragraph[] = [];
  forEachLine(text, (start, end) => {
    if (onlySpaces(text, start, end)) return;
    out.push(new LazyParagraph(start, end, text.slice(start, end), fallback));
  });
  return out;
}

/** The first non-empty line, trimmed (metadata detection refines the headline from this). */
export function firstLine(text: string): string {
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const n = i < text.length ? lineBreakLength(text, i) : 1;
    if (n === 0) continue;
    const line = text.slice(start, i).trim();
    if (line !== '') return line;
    i += n - 1;
    start = i + 1;
  }
  return '';
}
