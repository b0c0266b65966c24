// Reopening reads the index's keys a few megabytes at a time (index-load.ts): every article
// must get back exactly the key it was saved with, wherever the pieces happen to cut the keys.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, it } from 'node:test';
import { IndexFormatError, readHeader, slotsFromKeyPieces, slotsFromKeys } from '../../corpus/search/index-format';
import { SearchIndex, type DocMeta } from '../../corpus/search/search-index';
import { foldKey } from '../../corpus/text/normalise';

const META: DocMeta = { language: 'fa', outlet: 'ایسنا', date: null, tags: [] };

function saved(keys: string[]): { header: ReturnType<typeof readHeader>; keyBytes: Uint8Array } {
  const index = new SearchIndex();
  keys.forEach((k, i) => index.put(`f${i}.txt`, k, META));
  const bytes = Buffer.concat(index.toBytes(null));
  const header = readHeader(bytes);
  return { header, keyBytes: bytes.subarray(header.keysAt, header.tableAt) };
}

const pieces = (keyBytes: Uint8Array) => (offset: number, length: number) => keyBytes.subarray(offset, offset + length);

describe('the index keys read in pieces', () => {
  const keys = ['', foldKey('رئیس‌جمهور ایران گفت که'), 'a', '', foldKey('الإيرانية في العاصمة طهران'), 'bc', foldKey('گفت‌وگو درباره‌ی اقتصاد'), ''];

  it('gives every article the key it had, for any piece size', () => {
    const { header, keyBytes } = saved(keys);
    const whole = slotsFromKeys(header, keyBytes);
    assert.equal(whole.length, keys.length);
    for (const size of [1, 2, 3, 5, 7, 16, keyBytes.length - 1, keyBytes.length, keyBytes.length + 10]) {
      const slots = slotsFromKeyPieces(header, pieces(keyBytes), size);
      assert.deepEqual(slots, whole, `pieces of ${size} bytes`);
    }
  });

  it('keeps an index whose keys are all empty', () => {
    const { header, keyBytes } = saved(['', '', '']);
    assert.deepEqual(
      slotsFromKeyPieces(header, pieces(keyBytes), 4).map((s) => [s.file, s.key]),
      [
        ['f0.txt', ''],
        ['f1.txt', ''],
        ['f2.txt', ''],
      ],
    );
  });

  it('refuses keys cut short', () => {
    const { header, keyBytes } = saved(keys);
    const cut = keyBytes.subarray(0, keyBytes.length - 3);
    assert.throws(() => slotsFromKeyPieces(header, pieces(cut), 4), IndexFormatError);
    assert.throws(() => slotsFromKeys(header, cut), IndexFormatError);
  });
});
