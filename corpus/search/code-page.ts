// The search index's alphabet: folded key characters as single bytes (a few dozen distinct
// ones in practice), and bytes as 7-bit symbols that pack three to a trigram number.
import { Buffer } from 'node:buffer';
import { byteSource, isWordUnit, type Alphabet } from './key-alphabet';

export const SPACE = 0x20;
/** Byte for characters beyond the code page: they match each other (candidates only grow). */
export const OTHER = 0xff;
export const SYM_BITS = 7;
const SYM_MAX = (1 << SYM_BITS) - 1;
/** Trigram numbers are below this: a dense 21-bit space, so that building is array arithmetic. */
export const GRAMS = 1 << (3 * SYM_BITS);

/** The trigram number of three symbols. */
export function trigram(a: number, b: number, c: number): number {
  return (a << (2 * SYM_BITS)) | (b << SYM_BITS) | c;
}

/** Maps the folded key's characters to single bytes, and bytes to 7-bit trigram symbols. */
export class CodePage {
  readonly byteOf = new Uint8Array(0x10000);
  /** Character of each assigned byte, in assignment order. */
  readonly chars: number[] = [];
  readonly sym = new Uint8Array(256);
  private nextByte = 1;

  constructor() {
    this.byteOf[SPACE] = SPACE;
    this.sym[SPACE] = 0;
    this.sym[OTHER] = SYM_MAX;
  }

  get full(): boolean {
    return this.nextByte >= OTHER;
  }

  assign(c: number): number {
    if (this.full) return OTHER;
    let b = this.nextByte++;
    if (b === SPACE) b = this.nextByte++;
    this.byteOf[c] = b;
    this.chars.push(c);
    // Symbols 1..126 go to the first characters seen; later ones share (false candidates only).
    this.sym[b] = this.chars.length < SYM_MAX ? this.chars.length : 1 + (b % (SYM_MAX - 1));
    return b;
  }

  /** How a key in this page spells folded characters (key-offsets.ts reads a text against it). */
  spelling(): { byteOf: Uint8Array; other: number } {
    return { byteOf: this.byteOf, other: OTHER };
  }

  /** The key in one byte per character; null when `assign` is false and a character is unknown. */
  encode(key: string, assign: boolean): string | null {
    const bytes = this.encodeBytes(key, assign);
    return bytes && bytes.toString('latin1');
  }

  encodeBytes(key: string, assign: boolean): Buffer | null {
    const out = Buffer.allocUnsafe(key.length);
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let b = this.byteOf[c]!;
      if (b === 0) {
        if (assign) b = this.assign(c);
        else if (this.full) b = OTHER;
        else return null;
      }
      out[i] = b;
    }
    return out;
  }

  restore(chars: number[]): void {
    for (const c of chars) this.assign(c);
  }

  private spelled: { size: number; alphabet: Alphabet } | null = null;

  /**
   * Patterns spelled in this page's bytes, with the word boundaries of the characters the
   * bytes stand for. A character the page has not seen cannot occur in its keys; once the page
   * is full, OTHER stands for all of those (and counts as a word character).
   */
  alphabet(): Alphabet {
    if (this.spelled?.size === this.chars.length) return this.spelled.alphabet;
    const word = new Uint8Array(256).fill(1);
    word[SPACE] = 0;
    for (const c of this.chars) if (!isWordUnit(c)) word[this.byteOf[c]!] = 0;
    let nonWord = '';
    for (let b = 0; b < 256; b++) if (word[b] === 0) nonWord += byteSource(b);
    const full = this.full;
    const byteOf = this.byteOf;
    const unit = (c: number): number | null => {
      const b = byteOf[c]!;
      return b !== 0 ? b : full ? OTHER : null;
    };
    const alphabet: Alphabet = {
      char: (c) => {
        const b = unit(c);
        return b === null ? null : byteSource(b);
      },
      spell: (text) => {
        let out = '';
        for (let i = 0; i < text.length; i++) {
          const b = unit(text.charCodeAt(i));
          if (b === null) return null;
          out += String.fromCharCode(b);
        }
        return out;
      },
      isWord: (u) => word[u] === 1,
      nonWord,
    };
    this.spelled = { size: this.chars.length, alphabet };
    return alphabet;
  }
}
