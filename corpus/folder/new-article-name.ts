// The name of an article the person creates (pasted from the clipboard): checked so that it
// stays one ordinary, visible file in the corpus folder on Windows, macOS and Linux, and
// suggested from the text's headline when the person has not typed one.
import { SIDECAR_SUFFIX } from './corpus-folder';

/** Characters no file name may hold on one of the three systems, plus controls (C0, DEL, C1). */
const UNSAFE = /[\\/<>:"|?*\u0000-\u001f\u007f-\u009f]/g;
/** Bidi controls: a name holding them shows one order and sorts in another (a spoofed extension). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Names Windows keeps for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Longest stem in characters: long enough for a headline, short enough to read in the list. */
export const MAX_STEM_CHARS = 120;
/**
 * Longest stem in UTF-8 bytes: a file name holds 255 bytes, and this one must still fit with
 * ` (999)`, `.txt` and the sidecar's `.annotations.json` after it (a Persian letter is 2 bytes).
 */
export const MAX_STEM_BYTES = 200;

export type NameCheck = { ok: true; file: string; stem: string } | { ok: false; reason: string };

/** The person's name checked as it is (nothing silently removed): `.txt` is added when missing. */
export function checkNewArticleName(name: string): NameCheck {
  const given = name.normalize('NFC').trim();
  const stem = given.replace(/\.txt$/i, '').trim();
  if (stem === '') return { ok: false, reason: 'Give the article a name.' };
  if (/[\\/]/.test(stem)) return { ok: false, reason: 'A name cannot hold / or \\: the article is created in the corpus folder itself.' };
  if (stem === '.' || stem === '..' || stem.includes('..')) return { ok: false, reason: 'A name cannot hold “..”.' };
  if (stem.startsWith('.')) return { ok: false, reason: 'A name cannot start with a dot: the file would be hidden.' };
  if (new RegExp(UNSAFE.source).test(stem)) return { ok: false, reason: 'A name cannot hold control characters or any of < > : " | ? *.' };
  if (new RegExp(BIDI.source).test(stem)) return { ok: false, reason: 'A name cannot hold direction marks (they make a name read differently from what it is).' };
  if (/[.\s]$/.test(stem)) return { ok: false, reason: 'A name cannot end with a dot or a space.' };
  if (RESERVED.test(stem)) return { ok: false, reason: `${stem} is a name Windows keeps for a device.` };
  if (stem.toLowerCase().endsWith(SIDECAR_SUFFIX)) return { ok: false, reason: 'That is the name of an annotations file.' };
  // A ` (2)` added to a name already at the limit (the suggestion for a taken name) still passes.
  const unnumbered = stem.replace(/ \([0-9]{1,3}\)$/, '');
  if ([...unnumbered].length > MAX_STEM_CHARS || Buffer.byteLength(unnumbered, 'utf8') > MAX_STEM_BYTES) {
    return { ok: false, reason: `A name can be at most ${MAX_STEM_CHARS} characters long.` };
  }
  return { ok: true, file: `${stem}.txt`, stem };
}

/** `name (n).txt`: the n-th candidate when `stem.txt` is taken. */
export function numberedName(stem: string, n: number): string {
  return n <= 1 ? `${stem}.txt` : `${stem} (${n}).txt`;
}

/** Headline-length suggestion: cut at a word boundary near this many characters. */
const SUGGESTED_CHARS = 80;
export const FALLBACK_NAME = 'Pasted article';

/**
 * A file name (with `.txt`) from the text's headline, its first non-empty line: characters a
 * file system refuses or a reader would be fooled by removed, spaces folded, cut at a word
 * near 80 characters. Persian and Arabic letters, ZWNJ and digits are kept as they are.
 */
export function suggestArticleName(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n|\u2028|\u2029/).find((line) => line.trim() !== '') ?? '';
  let stem = firstLine
    .normalize('NFC')
    .replace(UNSAFE, ' ')
    .replace(BIDI, '')
    .replace(/\s+/g, ' ')
    .trim();
  if ([...stem].length > SUGGESTED_CHARS) {
    const cut = [...stem].slice(0, SUGGESTED_CHARS).join('');
    const space = cut.lastIndexOf(' ');
    stem = space > SUGGESTED_CHARS / 2 ? cut.slice(0, space) : cut;
  }
  while (Buffer.byteLength(stem, 'utf8') > MAX_STEM_BYTES) stem = [...stem].slice(0, -1).join('');
  // Dots, spaces and the Arabic comma or full stop at either end read badly and hide the file.
  stem = stem.replace(/^[.\s]+|[.\s،؛:.]+$/g, '').replace(/\.\./g, '.').replace(/\.txt$/i, '').trim();
  if (stem === '' || RESERVED.test(stem) || !checkNewArticleName(stem).ok) stem = stem === '' ? FALLBACK_NAME : `_${stem}`;
  return checkNewArticleName(stem).ok ? `${stem}.txt` : `${FALLBACK_NAME}.txt`;
}
