// The scan with no index decodes most of what it reads (valid UTF-8) and then folds it
// (normalise.ts's `fold`): two passes over the text and three fresh arrays per article. Here
// both happen in one pass over the bytes, into arrays kept from article to article, which
// costs about 0.6 of the CPU (bench corpus, 6,000 articles: 193 vs 335 ms). Only what
// the common path needs is done here: a control character decodeArticle counts towards
// calling a file binary, a ligature that folds to several letters, or a character outside
// the BMP makes it give up, and the caller decodes and folds as before.
import { foldTables, type Folded } from '../text/normalise';

let units = new Uint16Array(1 << 15);
let unitBytes = Buffer.from(units.buffer);
let keyUnits = new Uint16Array(1 << 15);
let startsAt = new Int32Array(1 << 15);
let endsAt = new Int32Array(1 << 15);
const utf16 = new TextDecoder('utf-16le');

function room(n: number): void {
  if (units.length >= n) return;
  units = new Uint16Array(n);
  unitBytes = Buffer.from(units.buffer);
  keyUnits = new Uint16Array(n);
  startsAt = new Int32Array(n);
  endsAt = new Int32Array(n);
}

/**
 * The text of valid UTF-8 bytes (isUtf8 has said so) and its fold, exactly as `fold(text)`
 * gives it; null where this cannot vouch for either (see above). The fold's offset arrays
 * are valid only until the next call: use them before reading the next article.
 */
export function decodeAndFold(b: Uint8Array, controlsMatter: boolean): { text: string; folded: Folded } | null {
  const { cls, map } = foldTables();
  const n = b.length;
  room(n + 1);
  // Locals, not the module's variables: a loop over these is what makes the pass cheap.
  const out = units;
  const key = keyUnits;
  const starts = startsAt;
  const ends = endsAt;
  let j = 0;
  let k = 0;
  let i = 0;
  while (i < n) {
    const c0 = b[i]!;
    let c: number;
    if (c0 < 0x80) {
      if (c0 < 0x20 && controlsMatter && (c0 < 9 || (c0 > 13 && c0 !== 26 && c0 !== 27))) return null;
      c = c0;
      i++;
    } else if (c0 < 0xe0) {
      c = ((c0 & 0x1f) << 6) | (b[i + 1]! & 0x3f);
      i += 2;
    } else if (c0 < 0xf0) {
      c = ((c0 & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
      i += 3;
    } else return null;
    out[j] = c;
    // normalise.ts's classes written as literals (KEEP 0, MARK 1, DROP 2, SPACE 3): a switch on
    // literal cases compiles to a jump table, on a module's bindings to loads and compares.
    switch (cls[c]) {
      case 0:
        key[k] = map[c]!;
        starts[k] = j;
        ends[k] = j + 1;
        k++;
        break;
      case 1:
        // As in fold: a mark stays with its letter.
        if (k > 0 && ends[k - 1] === j) ends[k - 1] = j + 1;
        break;
      case 3:
        if (k > 0 && key[k - 1] === 0x20) ends[k - 1] = j + 1;
        else {
          key[k] = 0x20;
          starts[k] = j;
          ends[k] = j + 1;
          k++;
        }
        break;
      case 2: // DROP
        break;
      default: // EXPAND, SURROGATE (a lone one: valid UTF-8 has none, but it costs nothing to be sure)
        return null;
    }
    j++;
  }
  const text = unitBytes.toString('utf16le', 0, j * 2);
  return { text, folded: { key: utf16.decode(key.subarray(0, k)), start: starts.subarray(0, k), end: ends.subarray(0, k) } };
}
