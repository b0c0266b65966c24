// Pieces of regex source spelled in an Alphabet: literals and choices among many strings.
import type { Alphabet } from './key-alphabet';
import { byFirstChar, trieOf, type Piece } from './pattern-program';

/** The source of a literal, or null when the alphabet cannot spell one of its characters. */
export function literal(text: string, a: Alphabet): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const s = a.char(text.charCodeAt(i));
    if (s === null) return null;
    out += s;
  }
  return out;
}

/**
 * One of `options` as a regex source, shaped as a trie (ه(?:ا(?:ی)?|م)?…): a few hundred
 * suffixes as a plain alternation would be tried one by one at every place, a trie looks at
 * each character once. Options the alphabet cannot spell are left out; '' when none is left
 * and the group is optional, `(?!)` (never) when one was required.
 */
export function choice(options: readonly string[], a: Alphabet, optional: boolean): string {
  // The same few lists (a word length's suffixes) come back with every query: a trie of a few
  // hundred suffixes took milliseconds each time.
  let made = choices.get(a);
  if (made === undefined) choices.set(a, (made = new Map()));
  const id = `${optional ? 1 : 0}\u0000${options.join('\u0000')}`;
  let source = made.get(id);
  if (source === undefined) {
    const body = trie(options.filter((o) => o !== '' && literal(o, a) !== null), a);
    source = body === null ? (optional ? '' : NEVER) : optional ? `(?:${body})?` : `(?:${body})`;
    if (made.size >= MAX_CHOICES) made.clear();
    made.set(id, source);
  }
  return source;
}

/** `choice` as a piece of a pattern program (pattern-program.ts): the same options, tried in the same order. */
export function choicePiece(options: readonly string[], a: Alphabet, optional: boolean): Piece {
  let made = choicePieces.get(a);
  if (made === undefined) choicePieces.set(a, (made = new Map()));
  const id = `${optional ? 1 : 0}\u0000${options.join('\u0000')}`;
  let piece = made.get(id);
  if (piece === undefined) {
    const t = trieOf(options.filter((o) => o !== '' && literal(o, a) !== null), a);
    piece = t === null && !optional ? { kind: 'never' } : { kind: 'choice', trie: t, optional };
    if (made.size >= MAX_CHOICES) made.clear();
    made.set(id, piece);
  }
  return piece;
}

/** A literal as a piece: never when the alphabet cannot spell it. */
export function literalPiece(text: string, a: Alphabet): Piece {
  const spelled = literal(text, a) === null ? null : a.spell(text);
  return spelled === null ? { kind: 'never' } : { kind: 'lit', text: spelled };
}

const choicePieces = new WeakMap<Alphabet, Map<string, Piece>>();

/** Choices made per alphabet (an alphabet that is dropped takes its own with it). */
const choices = new WeakMap<Alphabet, Map<string, string>>();
/** Far more than the distinct lists queries use (one per word length, proclitics, endings). */
const MAX_CHOICES = 256;

/** A source that matches nothing. */
export const NEVER = '(?!)';

/** The trie of non-empty, spellable strings as an alternation of first characters; null when there are none. */
function trie(options: readonly string[], a: Alphabet): string | null {
  const byFirst = byFirstChar(options);
  if (byFirst.size === 0) return null;
  const branches: string[] = [];
  for (const [first, rests] of byFirst) {
    const sub = trie(rests.filter((r) => r !== ''), a);
    const ends = rests.includes('');
    const head = a.char(first.charCodeAt(0))!;
    branches.push(sub === null ? head : `${head}(?:${sub})${ends ? '?' : ''}`);
  }
  return branches.join('|');
}
