// Articles are decoded by a plain loop (corpus/text/utf8.ts) where TextDecoder was used: it must
// accept and reject exactly what TextDecoder with `fatal` does, and give the same text, or an
// article would open with different words (or offsets) than the index read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strictUtf8 } from '../../corpus/text/utf8';
import { articleBytesIn, REAL_ARTICLE_FOLDERS } from '../fixtures/real-articles';
import { makeRng } from '../fixtures/seeded-random';

const FILES = REAL_ARTICLE_FOLDERS.flatMap(articleBytesIn);

function reference(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

test('real articles decode to the same text as TextDecoder gives', () => {
  assert.ok(FILES.length > 60);
  for (const bytes of FILES) assert.equal(strictUtf8(bytes), reference(bytes));
});

test('damaged UTF-8 is refused exactly where TextDecoder refuses it, and decoded alike elsewhere', () => {
  const rng = makeRng(11);
  // Bytes around every edge case: overlong forms, surrogates, above U+10FFFF, cut sequences, stray continuations.
  const edges = [0x00, 0x1f, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0, 0x8f, 0x90];
  for (let n = 0; n < 20000; n++) {
    const base = FILES[n % FILES.length]!;
    const from = Math.floor(rng() * Math.max(1, base.length - 40));
    const bytes = Uint8Array.from(base.subarray(from, from + 1 + Math.floor(rng() * 40)));
    for (let k = Math.floor(rng() * 3); k > 0; k--) bytes[Math.floor(rng() * bytes.length)] = rng() < 0.5 ? edges[Math.floor(rng() * edges.length)]! : Math.floor(rng() * 256);
    assert.equal(strictUtf8(bytes), reference(bytes));
  }
  for (const text of ['\ufeffسلام', '😀 ایران 𝕏', 'a\u0000b', '']) assert.equal(strictUtf8(Buffer.from(text, 'utf8')), text);
});
