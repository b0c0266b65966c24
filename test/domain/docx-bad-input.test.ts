// A .docx that is not a readable Word file (issue 24, item 5) is listed with a plain reason and
// nothing crashes: a file that is not a zip, zip bombs (claiming gigabytes, or lying small), a
// Word file with no text, a password-protected one, an old .doc renamed, a zip cut off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { ArticleSummary } from '../../corpus/api/api';
import { articleText } from '../../corpus/extract/article-text';
import { hostileCorpus } from '../fixtures/hostile-corpus';
import { docx, paragraph } from '../fixtures/word-files';

/** The zip with every central-directory entry claiming `size` bytes once inflated. */
function claiming(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

/** An OLE compound file (what Word writes for a password-protected .docx), its directory naming the encryption streams. */
function oleFile(streams: string[]): Uint8Array {
  const out = new Uint8Array(2048);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  streams.forEach((name, i) => out.set(Buffer.from(name, 'utf16le'), 1024 + i * 128));
  return out;
}

const BIG = 80 * 1024 * 1024;
/** 80 MB of text, deflated to some 80 KB. */
const bomb = (): Uint8Array => zipSync({ 'word/document.xml': [new Uint8Array(BIG).fill(0x20), { level: 1 }] });

const CASES: Array<{ name: string; bytes: () => Uint8Array; reason: RegExp }> = [
  { name: 'a text file named .docx', bytes: () => strToU8('این یک سند ورد نیست'), reason: /named \.docx but is not a Word document/ },
  { name: 'two bytes "PK"', bytes: () => strToU8('PK'), reason: /not a Word document/ },
  { name: 'a zip whose part claims 4 GB', bytes: () => claiming(docx(paragraph('نص')), 0xfffffff0), reason: /zip bomb/ },
  { name: 'a zip bomb of 80 MB of spaces that says so', bytes: bomb, reason: /zip bomb/ },
  { name: 'a zip bomb of 80 MB of spaces claiming 1 KB', bytes: () => claiming(bomb(), 1024), reason: /damaged|no text/ },
  { name: 'a Word file with no text', bytes: () => docx('<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>'), reason: /has no text/ },
  { name: 'a password-protected Word file', bytes: () => oleFile(['EncryptionInfo', 'EncryptedPackage']), reason: /password-protected/ },
  { name: 'an old .doc renamed .docx', bytes: () => oleFile(['WordDocument', '1Table']), reason: /old Word \(\.doc\) file named \.docx/ },
  { name: 'a Word file cut off halfway', bytes: () => { const whole = docx(paragraph('قال المتحدث إن المحادثات ستستمر')); return whole.slice(0, whole.length >> 1); }, reason: /damaged or cut off/ },
  { name: 'a zip with no document in it', bytes: () => zipSync({ 'readme.xml': strToU8('<a/>') }), reason: /damaged/ },
];

for (const c of CASES) {
  test(`${c.name} is read as no article, with a plain reason`, async () => {
    const read = await articleText('x.docx', c.bytes());
    assert.equal(read.ok, false);
    if (read.ok) return;
    console.log(`${c.name}: ${read.message}`);
    assert.match(read.message, c.reason);
  });
}

test('a well-formed Word file built from its parts reads, which the cases above then break', async () => {
  const read = await articleText('x.docx', docx(paragraph('قال المتحدث') + paragraph('إن المحادثات ستستمر')));
  assert.ok(read.ok && read.format === 'docx');
  assert.equal(read.text, 'قال المتحدث\n\nإن المحادثات ستستمر');
});

test('a folder holding every bad .docx lists each with its reason beside a good article, and the list does not crash', async () => {
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => {
    for (const [i, bad] of CASES.entries()) await writeFile(join(corpus, `bad-${i}.docx`), bad.bytes());
  });
  try {
    let list: ArticleSummary[] = [];
    for (let i = 0; i < 300; i++) {
      const r = await c.call<ArticleSummary[]>('listArticles');
      assert.ok(r.ok);
      list = r.value;
      if (list.every((a) => !a.pending)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(list.length, CASES.length + 1);
    const good = list.find((a) => a.file === 'a.txt');
    assert.ok(good?.openable);
    for (const [i, bad] of CASES.entries()) {
      const row = list.find((a) => a.file === `bad-${i}.docx`);
      assert.ok(row && !row.openable, `bad-${i}.docx is listed, not openable`);
      assert.match(row.note ?? '', bad.reason, `bad-${i}.docx (${bad.name})`);
    }
  } finally {
    await c.close();
  }
});
