// Paragraphs are the article's lines; offsets stay into the original text.
import { paragraphDirection, type Direction } from './language';

export interface Paragraph {
  /** Offset of the first character of the line in the article text. */
  start: number;
  /** Offset just after the last character (before the line break). */
  end: number;
  text: string;
  dir: Direction;
}

/** Non-empty lines; CRLF and lone CR end a line as LF does. */
export function splitParagraphs(text: string, fallback: Direction = 'rtl'): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\r\n|\r|\n|\u2029/g;
  let lineStart = 0;
  const push = (start: number, end: number) => {
    const line = text.slice(start, end);
    if (line.trim() === '') return;
    out.push({ start, end, text: line, dir: paragraphDirection(line, fallback) });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  push(lineStart, text.length);
  return out;
}

/** The headline is the first non-empty line (metadata detection refines this). */
export function firstLine(text: string): string {
  const m = /\S[^\r\n]*/.exec(text);
  return m ? m[0].trim() : '';
}
