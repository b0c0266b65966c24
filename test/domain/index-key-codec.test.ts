// The index's keys are coded on disk (key-codec.ts): every key must come back exactly as it was,
// whatever its bytes (real articles, random ones, characters beyond the code page, nothing),
// decoded whole, one by one or in pieces cut anywhere, by the WebAssembly loop or without it.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, it } from 'node:test';
import { CodePage, OTHER } from '../../corpus/search/code-page';
import { IndexFormatError, readHeader, readIndex, slotsFromKeyPieces } from '../../corpus/search/index-format';
import { isKeyCode, KeyDecoder, keyBytesUsed, learnKeyCode, type KeyCode } from '../../corpus/search/key-codec';
import { encodeKeys } from '../../corpus/search/key-encoder';
import { SearchIndex, type DocMeta } from '../../corpus/search/search-index';
import { compileQuery } from '../../corpus/search/search-query';
import { foldKey } from '../../corpus/text/normalise';
import { articleTextsIn, REAL_ARTICLE_FOLDERS } from '../fixtures/real-articles';
import { makeRng } from '../fixtures/seeded-random';

const META: DocMeta = { language: 'fa', outlet: null, date: null, tags: [] };

/** Keys coded and decoded back: whole, each alone, and the whole stream in pieces of `piece` bytes. */
function roundTrip(keys: string[], page: CodePage, wasm = true): { code: KeyCode; coded: number; decoded: string[] } {
  const code = learnKeyCode(keys, keyBytesUsed(page.chars));
  const { pieces, coded } = encodeKeys(keys, code);
  const all = Buffer.concat(pieces);
  assert.equal(all.length, coded.reduce((a, b) => a + b, 0));
  const decoder = new KeyDecoder(code, wasm);
  const decoded: string[] = [];
  let at = 0;
  for (let i = 0; i < keys.length; i++) {
    decoded.push(decoder.decode(all.subarray(at, at + coded[i]!)));
    at += coded[i]!;
  }
  assert.equal(decoder.decode(all), keys.join(''));
  for (const piece of [1, 3, 4, 5, 4099]) {
    let joined = '';
    for (let p = 0; p < all.length; p += piece) joined += decoder.decode(all.subarray(p, p + piece));
    assert.equal(joined, keys.join(''), `pieces of ${piece} bytes`);
  }
  return { code, coded: all.length, decoded };
}

/** Keys as the index holds them: folded, one byte per character through `page`. */
function pageKeys(texts: string[], page: CodePage): string[] {
  return texts.map((t) => page.encode(foldKey(t), true)!);
}

describe('the index keys coded on disk', () => {
  const texts = REAL_ARTICLE_FOLDERS.flatMap((dir) => articleTextsIn(dir));

  it('gives back every real article key, in about 0.6 of its bytes', () => {
    const page = new CodePage();
    const keys = pageKeys(texts, page);
    assert.ok(keys.length > 10);
    for (const wasm of [true, false]) {
      const { coded, decoded } = roundTrip(keys, page, wasm);
      assert.deepEqual(decoded, keys);
      const raw = keys.reduce((a, k) => a + k.length, 0);
      assert.ok(coded < 0.65 * raw, `${coded} coded bytes for ${raw}`);
    }
  });

  it('codes each key by its longest tokens, as a plain search of 4, 3 then 2 bytes does', () => {
    const page = new CodePage();
    const keys = pageKeys(texts, page);
    const rng = makeRng(11);
    const bytes = [0x20, ...page.chars.map((c) => page.byteOf[c]!)];
    for (let i = 0; i < 200; i++) {
      const n = Math.floor(rng() * 40);
      let k = '';
      for (let j = 0; j < n; j++) k += String.fromCharCode(bytes[rng() < 0.7 ? Math.floor(rng() * 6) : Math.floor(rng() * bytes.length)]!);
      keys.push(k);
    }
    const code = learnKeyCode(keys, keyBytesUsed(page.chars));
    const token = new Map(code.map(([z, ...b]) => [String.fromCharCode(...b), z!]));
    const plain = keys.map((k) => {
      const out: number[] = [];
      for (let p = 0; p < k.length; ) {
        const length = [4, 3, 2].find((n) => p + n <= k.length && token.has(k.slice(p, p + n))) ?? 1;
        out.push(length === 1 ? k.charCodeAt(p) : token.get(k.slice(p, p + length))!);
        p += length;
      }
      return out;
    });
    const { pieces, coded } = encodeKeys(keys, code);
    assert.deepEqual(coded, plain.map((c) => c.length));
    assert.deepEqual([...Buffer.concat(pieces)], plain.flat());
  });

  it('gives back random keys over the code page, empty keys among them', () => {
    const rng = makeRng(7);
    const page = new CodePage();
    pageKeys(texts.slice(0, 3), page);
    const bytes = [0x20, ...page.chars.map((c) => page.byteOf[c]!)];
    // Mostly a few bytes, as text is, so that the code has tokens to use; some keys empty.
    const keys = Array.from({ length: 300 }, (_, i) => {
      if (i % 17 === 0) return '';
      const n = Math.floor(rng() * 400);
      let k = '';
      for (let j = 0; j < n; j++) k += String.fromCharCode(bytes[rng() < 0.7 ? Math.floor(rng() * 6) : Math.floor(rng() * bytes.length)]!);
      return k;
    });
    const { code, decoded } = roundTrip(keys, page);
    assert.ok(code.length > 100);
    assert.deepEqual(decoded, keys);
    assert.deepEqual(roundTrip(['', '', ''], page).decoded, ['', '', '']);
    assert.deepEqual(roundTrip([], page).decoded, []);
  });

  it('gives back keys with characters beyond a full code page', () => {
    const page = new CodePage();
    for (let c = 0x100; !page.full; c++) page.assign(c);
    const keys = ['\u4e00\u4e01 \u0101\u0102', '\u4e02\u0100\u0100\u0100', ''].map((k) => page.encode(k, false)!);
    assert.ok(keys[0]!.includes(String.fromCharCode(OTHER)));
    const { decoded } = roundTrip(keys, page);
    assert.deepEqual(decoded, keys);
  });

  it('reads back an index saved with coded keys, whole or in pieces of any size', () => {
    const index = new SearchIndex();
    texts.forEach((t, i) => index.put(`f${i}.txt`, foldKey(t), META));
    const bytes = Buffer.concat(index.toBytes(null));
    const header = readHeader(bytes);
    assert.ok(header.tableAt - header.keysAt < 0.65 * header.lengths.reduce((a, b) => a + b, 0));
    const keys = readIndex(bytes).slots.map((s) => s.key);
    assert.deepEqual(keys, texts.map((_, i) => index.key(`f${i}.txt`)));
    const keyBytes = bytes.subarray(header.keysAt, header.tableAt);
    for (const size of [1, 2, 7, 4096, 65537]) {
      const slots = slotsFromKeyPieces(header, (offset, length) => keyBytes.subarray(offset, offset + length), size);
      assert.deepEqual(
        slots.map((s) => s.key),
        keys,
        `pieces of ${size} bytes`,
      );
    }
  });

  it('refuses an index whose code or coded lengths are not as saved', () => {
    const index = new SearchIndex();
    texts.slice(0, 5).forEach((t, i) => index.put(`f${i}.txt`, foldKey(t), META));
    const bytes = Buffer.concat(index.toBytes(null));
    const headerLength = bytes.readUInt32LE(4);
    const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as { code: unknown; coded: number[]; lengths: number[] };
    const withHeader = (h: object) => {
      const json = Buffer.from(JSON.stringify(h));
      const top = Buffer.alloc(8);
      bytes.copy(top, 0, 0, 4);
      top.writeUInt32LE(json.length, 4);
      return Buffer.concat([top, json, bytes.subarray(8 + headerLength)]);
    };
    assert.ok(isKeyCode(header.code));
    assert.throws(() => readIndex(withHeader({ ...header, code: [[1, 2]] })), IndexFormatError);
    assert.throws(() => readIndex(withHeader({ ...header, coded: header.coded.slice(1) })), IndexFormatError);
    // A key longer than its coded bytes decode to.
    const lengths = [...header.lengths];
    lengths[0]! += 1;
    assert.throws(() => readIndex(withHeader({ ...header, lengths })), IndexFormatError);
  });
});

describe('the keys code kept between saves', () => {
  const texts = REAL_ARTICLE_FOLDERS.flatMap((dir) => articleTextsIn(dir));
  // Words of a few of the articles, and a phrase: what the answers are compared on.
  const queries = [0, 3, 7].flatMap((i) =>
    texts[i]!.split(/\s+/)
      .filter((w) => w.length >= 4)
      .slice(5, 8),
  );
  queries.push(queries.slice(0, 2).join(' '));
  const answers = (index: SearchIndex) => JSON.stringify(queries.map((q) => index.search(compileQuery(q), { exactTotals: true })));
  const saved = (index: SearchIndex) => Buffer.concat(index.toBytes(null));
  const fresh = () => {
    const index = new SearchIndex();
    texts.forEach((t, i) => index.put(`f${i}.txt`, foldKey(t), META));
    return index;
  };

  it('saves a reopened index changed since with the code it was read with', () => {
    const first = saved(fresh());
    const { code, chars } = readHeader(first);
    const { index } = SearchIndex.fromBytes(first);
    // An article edited (to another's text: no character the page lacks), one removed.
    index.put('f0.txt', foldKey(texts[texts.length - 1]!), META);
    index.remove('f1.txt');
    const again = saved(index);
    const header = readHeader(again);
    assert.deepEqual(header.chars, chars);
    assert.deepEqual(header.code, code);
    // A code learnt afresh from these keys would differ: the kept one is not relearnt by chance.
    assert.notDeepEqual(learnKeyCode(readIndex(again).slots.map((s) => s.key), keyBytesUsed(chars)), code);
    const reopened = SearchIndex.fromBytes(again).index;
    assert.deepEqual(reopened.files(), index.files());
    for (const f of index.files()) assert.equal(reopened.key(f), index.key(f));
    assert.equal(answers(reopened), answers(index));
    // Saved again after the first save of a new index, too.
    const built = fresh();
    saved(built);
    built.remove('f2.txt');
    assert.deepEqual(readHeader(saved(built)).code, code);
  });

  it('saves the same bytes when the keys are coded with pauses (the worker) as at once', async () => {
    const index = fresh();
    const parts: Uint8Array[] = [];
    for await (const c of index.chunksYielding({ a: 1 })) parts.push(c);
    assert.deepEqual(Buffer.concat(parts), Buffer.concat(fresh().toBytes({ a: 1 })));
  });

  it('learns a new code once the code page has a new character', () => {
    const first = saved(fresh());
    const { code, chars } = readHeader(first);
    const { index } = SearchIndex.fromBytes(first);
    index.put('new.txt', foldKey(`${texts[0]} \u4e00\u4e01`), META);
    const again = saved(index);
    const header = readHeader(again);
    assert.equal(header.chars.length, chars.length + 2);
    assert.notDeepEqual(header.code, code);
    const reopened = readIndex(again);
    assert.deepEqual(header.code, learnKeyCode(reopened.slots.map((s) => s.key), keyBytesUsed(header.chars)));
    assert.equal(answers(SearchIndex.fromBytes(again).index), answers(index));
  });
});
