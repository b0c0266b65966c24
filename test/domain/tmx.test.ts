import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exportTmx, importTmx, pairsFromAlignment, pairsFromRenderings, tmxDate } from '../../annotations/translation/tmx';
import type { AlignmentLink, Rendering } from '../../annotations/model/types';
import { alignTexts } from '../../corpus/align/align';

const SAMPLE = new URL('../../corpus/sample/', import.meta.url);
const DTD = fileURLToPath(new URL('../fixtures/schemas/tmx14.dtd', import.meta.url));
const NAME = '002_b7e8f03d4cd73c5b';
const arabic = readFileSync(new URL(`${NAME}.txt`, SAMPLE), 'utf8');
const english = readFileSync(new URL(`${NAME}.en.txt`, SAMPLE), 'utf8');
const CREATED = new Date('2024-05-01T10:20:30.000Z');

const dir = mkdtempSync(join(tmpdir(), 'hashiya-tmx-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function validate(xml: string, file: string): void {
  const path = join(dir, file);
  writeFileSync(path, xml);
  execFileSync('xmllint', ['--noout', '--nonet', '--dtdvalid', DTD, path], { stdio: 'pipe' });
}

/** The automatic links with every other one confirmed by a person. */
function someConfirmed(): AlignmentLink[] {
  return alignTexts(arabic, english).map((l, k) => ({ ...l, confirmed: k % 2 === 0 }));
}

test('TMX of the confirmed pairs validates against the TMX 1.4b DTD', () => {
  const links = someConfirmed();
  const xml = exportTmx({ srcLang: 'ar', trgLang: 'en', pairs: pairsFromAlignment(arabic, english, links, { a: `${NAME}.txt`, b: `${NAME}.en.txt` }), created: CREATED });
  validate(xml, 'links.tmx');
  assert.match(xml, /<header creationtool="Hashiya" creationtoolversion="[^"]+" segtype="sentence" o-tmf="Hashiya" adminlang="en" srclang="ar" datatype="plaintext" creationdate="20240501T102030Z"\/>/);
});

test('only confirmed links become translation units, each with both languages', () => {
  const links = someConfirmed();
  const confirmed = links.filter((l) => l.confirmed);
  const { srcLang, units } = importTmx(exportTmx({ srcLang: 'ar', trgLang: 'en', pairs: pairsFromAlignment(arabic, english, links), created: CREATED }));
  assert.equal(srcLang, 'ar');
  assert.equal(units.length, confirmed.length);
  units.forEach((u, k) => {
    assert.deepEqual(u.variants, { ar: arabic.slice(confirmed[k]!.a[0], confirmed[k]!.a[1]), en: english.slice(confirmed[k]!.b[0], confirmed[k]!.b[1]) });
  });
});

test('reviewed renderings become units with who reviewed them and when', () => {
  const renderings: Rendering[] = [
    { start: 145, end: 274, text: 'Iranian President Hassan Rouhani on Monday (17 May 2021) affirmed Tehran\'s "support" for Iraq & its <security>.', status: 'reviewed', analyst: 'Sara', modified: '2024-05-02T08:00:00.000Z' },
    { start: 276, end: 300, text: 'Draft only', status: 'draft', analyst: 'Sara', modified: '2024-05-02T08:00:00.000Z' },
    { start: 0, end: 10, text: '', status: 'reviewed', analyst: 'Sara', modified: '' },
  ];
  const pairs = pairsFromRenderings(arabic, renderings, `${NAME}.txt`);
  assert.equal(pairs.length, 1);
  const xml = exportTmx({ srcLang: 'ar', trgLang: 'en-GB', pairs, created: CREATED });
  validate(xml, 'renderings.tmx');
  assert.match(xml, /<tu tuid="1" changedate="20240502T080000Z" changeid="Sara">/);
  assert.match(xml, /&amp; its &lt;security&gt;/);
  const { units } = importTmx(xml);
  assert.deepEqual(units[0]!.variants, { ar: arabic.slice(145, 274), 'en-GB': renderings[0]!.text });
  assert.equal(units[0]!.props['x-hashiya-origin'], `${NAME}.txt#145-274`);
  assert.equal(tmxDate(CREATED), '20240501T102030Z');
});

test('characters XML cannot carry are replaced, and an empty memory is still a valid file', () => {
  const xml = exportTmx({ srcLang: 'fa', trgLang: 'en', pairs: [{ source: 'متن\u0001', target: 'text\u0002' }], created: CREATED });
  validate(xml, 'control.tmx');
  assert.deepEqual(importTmx(xml).units[0]!.variants, { fa: 'متن\uFFFD', en: 'text\uFFFD' });
  validate(exportTmx({ srcLang: 'fa', trgLang: 'en', pairs: [], created: CREATED }), 'empty.tmx');
});

test('the DTD check is real: a header without its required attributes fails it', () => {
  const xml = exportTmx({ srcLang: 'fa', trgLang: 'en', pairs: [{ source: 'الف', target: 'a' }], created: CREATED });
  assert.throws(() => validate(xml.replace(' o-tmf="Hashiya"', ''), 'broken.tmx'));
});
