// The index's header keeps its articles as columns (names joined, metadata and file records as
// columns): reopening must get back exactly what was saved, or refuse the file.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, it } from 'node:test';
import { fromStoredExtra, toStoredExtra, type SearchFileRecord } from '../../corpus/search/file-records';
import { IndexFormatError, readHeader, slotsFromKeys } from '../../corpus/search/index-format';
import { SearchIndex, type DocMeta } from '../../corpus/search/search-index';
import { foldKey } from '../../corpus/text/normalise';

const METAS: DocMeta[] = [
  { language: 'fa', outlet: 'ایسنا', date: '2024-03-01', tags: [] },
  { language: 'ar', outlet: null, date: null, tags: ['سیاست', 'economy'] },
  { language: null, outlet: 'ایسنا', date: '2024-03-01T10:00', tags: ['سیاست', 'economy'] },
  { language: 'fa', outlet: 'ایسنا', date: '2024-03-01', tags: [] },
];

const RECORDS = new Map<string, SearchFileRecord>([
  ['a/الف.txt', { article: { size: 10, mtimeMs: 1796608272796.999, hash: '' }, sidecar: null, encoding: null }],
  ['b.docx', { article: { size: 2048, mtimeMs: 0.1 + 0.2, hash: 'ab12' }, sidecar: { size: 7, mtimeMs: 1700000000000.5 }, encoding: 'windows-1256', ocrKey: 'k1' }],
  ['c d.txt', { article: { size: 0, mtimeMs: 1e15 + 0.25, hash: '' }, sidecar: null, encoding: null }],
]);

function saved(metas: DocMeta[], extra: unknown): Uint8Array {
  const index = new SearchIndex();
  metas.forEach((m, i) => index.put(`پوشه/f ${i}.txt`, foldKey(`خبر شماره ${i}`), m));
  return Buffer.concat(index.toBytes(extra));
}

describe('the index header', () => {
  it('gives back every article with its name and metadata', () => {
    const bytes = saved(METAS, null);
    const header = readHeader(bytes);
    const slots = slotsFromKeys(header, bytes.subarray(header.keysAt, header.tableAt));
    assert.deepEqual(
      slots.map((s) => [s.file, s.meta]),
      METAS.map((m, i) => [`پوشه/f ${i}.txt`, m]),
    );
  });

  it('gives back an index of no articles', () => {
    const header = readHeader(saved([], null));
    assert.deepEqual(header.files, []);
    assert.deepEqual(header.metas, []);
  });

  it('gives back the file records exactly, times to the last bit', () => {
    const header = readHeader(saved(METAS.slice(0, 1), toStoredExtra(RECORDS, 1234.5)));
    const stored = fromStoredExtra(header.extra);
    assert.ok(stored);
    assert.equal(stored.writtenAt, 1234.5);
    assert.deepEqual([...stored.records], [...RECORDS]);
  });

  it('takes file records whose columns do not agree for none (the index is rebuilt)', () => {
    const extra = toStoredExtra(RECORDS, 1) as unknown as { files: { names: string; mtime: string } };
    assert.equal(fromStoredExtra({ ...extra, files: { ...extra.files, names: 'a\0b' } }), null);
    assert.equal(fromStoredExtra({ ...extra, files: { ...extra.files, mtime: 'AAAA' } }), null);
  });

  it('refuses a header whose metadata columns do not agree', () => {
    const bytes = Buffer.from(saved(METAS, null));
    const length = bytes.readUInt32LE(4);
    const json = bytes.subarray(8, 8 + length).toString('utf8');
    // Same length, so the rest of the file stays where it was: one more date than metadata.
    const broken = json.replace('"dates":"2024-03-01', '"dates":"2024\\u0000');
    assert.notEqual(broken, json);
    bytes.write(broken, 8, 'utf8');
    assert.throws(() => readHeader(bytes), IndexFormatError);
  });
});
