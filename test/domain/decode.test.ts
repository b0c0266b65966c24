// Files from the field: every encoding an article arrives in is detected and decoded to the
// exact text, and files that are not articles are refused with a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import {
  MAX_ARTICLE_BYTES,
  SUPPORTED_ENCODINGS,
  canonicalEncoding,
  decodeArticle,
  listEncodings,
  type DecodeResult,
} from '../../corpus/text/decode';
import { splitParagraphs } from '../../corpus/text/paragraphs';
import { foldKey } from '../../corpus/text/normalise';

const sample = (name: string) => readFileSync(new URL(`../../corpus/sample/${name}`, import.meta.url), 'utf8');
const FA = sample('000_4b15f26e11b27dea.txt');
const AR = sample('002_b7e8f03d4cd73c5b.txt');
const FA2 = sample('004_df093c946d86f816.txt');
const EN = 'The café “Renée” served crème brûlée — a naïve façade.\r\nSecond line, £5.';

// Windows-1256 has no Persian yeh (ی) and no Persian or Arabic-Indic digits: Persian files in
// it hold the Arabic yeh and Latin digits, so that is the text such a file decodes to.
const as1256 = (t: string) => t.replace(/ی/g, 'ي').replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));

const covered = new Set<string>();

function decoded(bytes: Uint8Array, override?: string): Extract<DecodeResult, { ok: true }> {
  const r = decodeArticle(bytes, override);
  assert.ok(r.ok, `expected text, got ${r.ok ? '' : r.reason + ': ' + r.message}`);
  return r;
}

function refused(bytes: Uint8Array): Extract<DecodeResult, { ok: false }> {
  const r = decodeArticle(bytes);
  assert.ok(!r.ok, 'expected the file to be refused');
  assert.ok(r.message.length > 0);
  return r;
}

const withBom = (bom: number[], body: Uint8Array) => Uint8Array.from([...bom, ...body]);

test('UTF-8 articles without a BOM decode to the exact text', () => {
  for (const text of [FA, AR, FA2]) {
    const r = decoded(new TextEncoder().encode(text));
    assert.equal(r.encoding, 'utf-8');
    assert.equal(r.bom, false);
    assert.equal(r.overridden, false);
    assert.equal(r.text, text);
  }
  covered.add('utf-8');
});

test('a UTF-8 BOM is removed and nothing else changes', () => {
  const r = decoded(withBom([0xef, 0xbb, 0xbf], new TextEncoder().encode(AR)));
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.bom, true);
  assert.equal(r.text, AR);
});

test('UTF-16 LE and BE with a BOM decode to the exact text', () => {
  const le = decoded(withBom([0xff, 0xfe], iconv.encode(FA, 'utf-16le')));
  assert.equal(le.encoding, 'utf-16le');
  assert.equal(le.bom, true);
  assert.equal(le.text, FA);
  const be = decoded(withBom([0xfe, 0xff], iconv.encode(AR, 'utf-16be')));
  assert.equal(be.encoding, 'utf-16be');
  assert.equal(be.bom, true);
  assert.equal(be.text, AR);
  covered.add('utf-16le').add('utf-16be');
});

test('UTF-16 without a BOM is still recognised as text, not binary', () => {
  const le = decoded(iconv.encode(AR, 'utf-16le'));
  assert.equal(le.encoding, 'utf-16le');
  assert.equal(le.text, AR);
  const be = decoded(iconv.encode(FA2, 'utf-16be'));
  assert.equal(be.encoding, 'utf-16be');
  assert.equal(be.text, FA2);
  const english = decoded(iconv.encode(EN, 'utf-16le'));
  assert.equal(english.encoding, 'utf-16le');
  assert.equal(english.text, EN);
});

test('UTF-32 with a BOM decodes', () => {
  const le = decoded(iconv.encode(FA, 'utf-32le', { addBOM: true }));
  assert.equal(le.encoding, 'utf-32le');
  assert.equal(le.text, FA);
  const be = decoded(iconv.encode(AR, 'utf-32be', { addBOM: true }));
  assert.equal(be.encoding, 'utf-32be');
  assert.equal(be.text, AR);
  covered.add('utf-32le').add('utf-32be');
});

test('Windows-1256 Persian and Arabic articles are detected and decoded right', () => {
  for (const text of [as1256(FA), AR, as1256(FA2)]) {
    const bytes = iconv.encode(text, 'windows-1256');
    assert.equal(iconv.decode(bytes, 'windows-1256'), text, 'the test file itself must round-trip');
    const r = decoded(bytes);
    assert.equal(r.encoding, 'windows-1256');
    assert.equal(r.text, text);
  }
  // Persian-only letters live in 1256's upper half (پ 0x81, گ 0x90, ک 0x98, ZWNJ 0x9D).
  const persian = 'گفت‌وگو با پژوهشگر چک';
  assert.equal(decoded(iconv.encode(persian, 'windows-1256')).text, persian);
  covered.add('windows-1256');
});

test('ISO-8859-6 Arabic is told apart from Windows-1256', () => {
  const text = AR.replace(/[°–]/g, ' '); // not in ISO-8859-6
  const r = decoded(iconv.encode(text, 'iso-8859-6'));
  assert.equal(r.encoding, 'iso-8859-6');
  assert.equal(r.text, text);
  covered.add('iso-8859-6');
});

test('Windows-1252 English is named Western, and Arabic 1256 is not read as accented Latin', () => {
  const r = decoded(iconv.encode(EN, 'windows-1252'));
  assert.equal(r.encoding, 'windows-1252');
  assert.equal(r.text, EN);
  assert.equal(decoded(iconv.encode('Grüße aus Köln', 'windows-1252')).text, 'Grüße aus Köln');
  assert.equal(decoded(iconv.encode(AR, 'windows-1256')).encoding, 'windows-1256');
  covered.add('windows-1252');
});

test('a per-article override decodes as the user says, aliases included', () => {
  const bytes = iconv.encode(AR, 'windows-1256');
  const asUtf8 = decoded(bytes, 'utf-8');
  assert.equal(asUtf8.overridden, true);
  assert.equal(asUtf8.encoding, 'utf-8');
  assert.match(asUtf8.text, /\uFFFD/);
  assert.match(asUtf8.warning ?? '', /not valid utf-8/);
  const back = decoded(bytes, 'CP1256');
  assert.equal(back.encoding, 'windows-1256');
  assert.equal(back.text, AR);
  // UTF-8 read as 1256 gives the familiar mojibake: the user sees what they asked for.
  const mojibake = decoded(new TextEncoder().encode('سلام'), 'windows-1256');
  assert.equal(mojibake.text, 'ط³ظ„ط§ظ…');
  // The override's own BOM is removed.
  assert.equal(decoded(withBom([0xef, 0xbb, 0xbf], new TextEncoder().encode(FA)), 'utf8').text, FA);
  assert.equal(decoded(withBom([0xff, 0xfe], iconv.encode(FA, 'utf-16le')), 'utf-16le').text, FA);
});

test('override-only code pages decode: Latin-1, DOS 720 and DOS 864', () => {
  assert.equal(decoded(iconv.encode(EN, 'iso-8859-1'), 'latin1').text, EN.replace(/[“”—]/g, '?'));
  covered.add('iso-8859-1');
  const dos = 'قال الرئيس إن العراق يواجه الإرهاب';
  assert.equal(decoded(iconv.encode(dos, 'cp720'), 'cp720').text, dos);
  covered.add('cp720');
  // DOS 864 stores contextual letter forms; they fold to the base letters for search.
  const forms = 'ﺳﻼﻡ';
  const r = decoded(iconv.encode(forms, 'cp864'), 'ibm864');
  assert.equal(r.encoding, 'cp864');
  assert.equal(r.text, forms);
  assert.equal(foldKey(r.text), 'سلام');
  covered.add('cp864');
});

test('an unknown override is refused with the list of choices', () => {
  const r = decodeArticle(new TextEncoder().encode(FA), 'klingon-8');
  assert.ok(!r.ok);
  assert.equal(r.reason, 'undecodable');
  assert.match(r.message, /klingon-8/);
  assert.match(r.message, /windows-1256/);
});

test('the encodings a user can choose are listed with labels, and every one decodes', () => {
  const list = listEncodings();
  assert.deepEqual(list.map((e) => e.id), [...SUPPORTED_ENCODINGS]);
  for (const e of list) {
    assert.ok(e.label.length > 0);
    assert.ok(iconv.encodingExists(e.id), e.id);
    assert.equal(canonicalEncoding(e.id), e.id);
    assert.equal(decoded(iconv.encode('Erbil 07:39', e.id), e.id).text, 'Erbil 07:39', e.id);
  }
  assert.equal(canonicalEncoding('Windows-1256'), 'windows-1256');
  assert.equal(canonicalEncoding('UTF8'), 'utf-8');
  assert.equal(canonicalEncoding('nope'), null);
});

test('a UTF-8 file with a few damaged bytes stays UTF-8 and says so', () => {
  const good = new TextEncoder().encode(FA);
  const at = good.indexOf(0x20, 1000); // between two characters
  const damaged = Uint8Array.from([...good.subarray(0, at), 0xff, ...good.subarray(at)]);
  const r = decoded(damaged);
  assert.equal(r.encoding, 'utf-8');
  assert.match(r.warning ?? '', /1 byte sequences are not valid UTF-8/);
  assert.equal(r.text.replace('\uFFFD', ''), FA);
});

test('binary files are refused with a reason', () => {
  assert.match(refused(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])).message, /PNG/);
  assert.match(refused(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj')).message, /PDF/);
  assert.match(refused(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])).message, /ZIP/);
  let seed = 12345;
  const random = new Uint8Array(4096).map(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff);
  assert.equal(refused(random).reason, 'binary');
  const withNuls = new TextEncoder().encode('abc\0\0\0\0def\0\0\0\0\x01\x02\x03ghi'.repeat(10));
  assert.equal(refused(withNuls).reason, 'binary');
});

test('empty files, blank files and a bare BOM are refused as empty', () => {
  assert.equal(refused(new Uint8Array(0)).reason, 'empty');
  assert.equal(refused(new TextEncoder().encode(' \r\n\t\n')).reason, 'empty');
  assert.equal(refused(Uint8Array.from([0xef, 0xbb, 0xbf])).reason, 'empty');
  assert.equal(refused(Uint8Array.from([0xff, 0xfe])).reason, 'empty');
});

test(`files above ${MAX_ARTICLE_BYTES / 1024 / 1024} MB are refused as too large, without being read as text`, () => {
  const big = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
  const r = refused(big);
  assert.equal(r.reason, 'too-large');
  assert.match(r.message, /20 MB/);
  assert.ok(decodeArticle(big.subarray(0, 1024 * 1024)).ok, 'a 1 MB article opens');
});

test('CRLF and lone CR line ends are kept, and paragraph offsets index the decoded text', () => {
  const lines = FA.split('\n');
  for (const [name, text] of [
    ['CRLF', lines.join('\r\n')],
    ['CR', lines.join('\r')],
    ['mixed', lines.map((l, i) => l + ['\r\n', '\r', '\n'][i % 3]).join('')],
  ] as const) {
    for (const bytes of [new TextEncoder().encode(text), withBom([0xff, 0xfe], iconv.encode(text, 'utf-16le')), iconv.encode(as1256(text), 'windows-1256')]) {
      const r = decoded(bytes);
      const expected = r.encoding === 'windows-1256' ? as1256(text) : text;
      assert.equal(r.text, expected, `${name} ${r.encoding}`);
      const paragraphs = splitParagraphs(r.text);
      assert.deepEqual(paragraphs.map((p) => r.text.slice(p.start, p.end)), expected.split(/\r\n|\r|\n/).filter((l) => l.trim() !== ''));
      for (const p of paragraphs) assert.ok(!/[\r\n]/.test(p.text), `${name}: a paragraph holds a line break`);
    }
  }
});

test('figure: encodings decoded', () => {
  console.log(`encodings decoded: ${covered.size} (${[...covered].join(', ')})`);
  assert.equal(covered.size, SUPPORTED_ENCODINGS.length);
});
