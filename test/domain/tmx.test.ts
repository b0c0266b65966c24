import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exportTmx, importTmx, pairsFromAlignment, pairsFromRenderings, tmxDate } from '../../annotations/translation/tmx';
import type { AlignmentLink, Rendering } from '../../annotations/model/types';
import { alignTexts } from '../../corpus/align/align';
import { validateTmx } from '../fixtures/xml-validation';

const SAMPLE = new URL('../../corpus/sample/', import.meta.url);
const DTD = fileURLToPath(new URL('../fixtures/schemas/tmx14.dtd', import.meta.url));
const NAME = '002_b7e8f03d4cd73c5b';
const arabic = readFileSync(new URL(`${NAME}.txt`, SAMPLE), 'utf8');
const english = readFileSync(new URL(`${NAME}.en.txt`, SAMPLE), 'utf8');
const CREATED = new Date('2024-05-01T10:20:30.000Z');

const dir = mkdtempSync(join(tmpdir(), 'hashiya-tmx-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function validate(xml: string, file: string): Promise<void> {
  writeFileSync(join(dir, file), xml);
  await validateTmx(xml, file);
}

/** The automatic links with every other one confirmed by a person. */
function someConfirmed(): AlignmentLink[] {
  return alignTexts(arabic, english).map((l, k) => ({ ...l, confirmed: k % 2 === 0 }));
}

test('TMX of the confirmed pairs validates against the TMX 1.4b DTD', async () => {
  const links = someConfirmed();
  const xml = exportTmx({ srcLang: 'ar', trgLang: 'en', pairs: pairsFromAlignment(arabic, english, links, { a: `${NAME}.txt`, b: `${NAME}.en.txt` }), created: CREATED });
  await validate(xml, 'links.tmx');
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

test('reviewed renderings become units with who reviewed them and when', async () => {
  const renderings: Rendering[] = [
    { start: 145, end: 274, text: 'Iranian President Hassan Rouhani on Monday (17 May 2021) affirmed Tehran\'s "support" for Iraq & its <security>.', status: 'reviewed', analyst: 'Sara', modified: '2024-05-02T08:00:00.000Z' },
    { start: 276, end: 300, text: 'Draft only', status: 'draft', analyst: 'Sara', modified: '2024-05-02T08:00:00.000Z' },
    { start: 0, end: 10, text: '', status: 'reviewed', analyst: 'Sara', modified: '' },
  ];
  const pairs = pairsFromRenderings(arabic, renderings, `${NAME}.txt`);
  assert.equal(pairs.length, 1);
  const xml = exportTmx({ srcLang: 'ar', trgLang: 'en-GB', pairs, created: CREATED });
  await validate(xml, 'renderings.tmx');
  assert.match(xml, /<tu tuid="1" changedate="20240502T080000Z" changeid="Sara">/);
  assert.match(xml, /&amp; its &lt;security&gt;/);
  const { units } = importTmx(xml);
  assert.deepEqual(units[0]!.variants, { ar: arabic.slice(145, 274), 'en-GB': renderings[0]!.text });
  assert.equal(units[0]!.props['x-hashiya-origin'], `${NAME}.txt#145-274`);
  assert.equal(tmxDate(CREATED), '20240501T102030Z');
});

test('characters XML cannot carry are replaced, and an empty memory is still a valid file', async () => {
  const xml = exportTmx({ srcLang: 'fa', trgLang: 'en', pairs: [{ source: 'متن\u0001', target: 'text\u0002' }], created: CREATED });
  await validate(xml, 'control.tmx');
  assert.deepEqual(importTmx(xml).units[0]!.variants, { fa: 'متن\uFFFD', en: 'text\uFFFD' });
  await validate(exportTmx({ srcLang: 'fa', trgLang: 'en', pairs: [], created: CREATED }), 'empty.tmx');
});

test('the DTD check is real: a header without its required attributes fails it', async () => {
  const xml = exportTmx({ srcLang: 'fa', trgLang: 'en', pairs: [{ source: 'الف', target: 'a' }], created: CREATED });
  await assert.rejects(validate(xml.replace(' o-tmf="Hashiya"', ''), 'broken.tmx'), /Element header failed to validate attributes/);
});

/** Documents the DTD accepts (true) or refuses (false), to hold its RELAX NG form to it. */
function dtdCases(): Array<[string, string, boolean]> {
  const good = exportTmx({ srcLang: 'fa', trgLang: 'en', pairs: [{ source: 'الف', target: 'a' }], created: CREATED });
  const inHeader = (inner: string) => good.replace(/(<header [^>]*)\/>/, `$1>${inner}</header>`);
  const inSeg = (inner: string) => good.replace('<seg>a</seg>', `<seg>${inner}</seg>`);
  return [
    ['as exported', good, true],
    ['header without o-tmf', good.replace(' o-tmf="Hashiya"', ''), false],
    ['an unknown segtype', good.replace('segtype="sentence"', 'segtype="word"'), false],
    ['a variant without xml:lang', good.replace('<tuv xml:lang="en">', '<tuv>'), false],
    ['a unit without variants', good.replace(/<tu tuid="1">[\s\S]*?<\/tu>/, '<tu tuid="1"></tu>'), false],
    ['notes and props before the variants', good.replace('<tu tuid="1">', '<tu tuid="1"><note>n</note><prop type="x">p</prop>'), true],
    ['a note after the variants', good.replace('</tu>', '<note>late</note></tu>'), false],
    ['an attribute the DTD does not declare', good.replace('<tu tuid="1">', '<tu tuid="1" colour="red">'), false],
    ['inline markup', inSeg('a <bpt i="1">[</bpt>b<ept i="1">]</ept> <ph x="2">*</ph> <hi type="x"><it pos="begin">(</it>c</hi> <ut>u</ut>'), true],
    ['it without pos', inSeg('<it>(</it>a'), false],
    ['an element the DTD does not declare', inSeg('<b>a</b>'), false],
    ['another version', good.replace('<tmx version="1.4">', '<tmx version="1.3">'), false],
    ['no version (fixed, so defaulted)', good.replace('<tmx version="1.4">', '<tmx>'), true],
    ['a user-defined encoding', inHeader('<ude name="x" base="Macintosh"><map unicode="#xF8FF" code="#xF0"/></ude>'), true],
    ['a ude without a map', inHeader('<ude name="x"></ude>'), false],
    ['text in a map', inHeader('<ude name="x"><map unicode="#xF8FF">t</map></ude>'), false],
    ['sub directly in seg', inSeg('<sub>a</sub>'), false],
    ['sub inside a bpt', inSeg('<bpt i="1">&lt;a href="<sub>link</sub>"&gt;</bpt>a'), true],
    ['no body', good.replace(/<body>[\s\S]*<\/body>/, ''), false],
    ['two segs in a variant', inSeg('a</seg><seg>b'), false],
  ];
}

const systemXmllint = spawnSync('xmllint', ['--version']).status === 0;

test('the TMX schema the tests use gives the LISA DTD\'s verdict, document by document', async (t) => {
  const cases = dtdCases();
  for (const [what, xml, valid] of cases) {
    const verdict = await validate(xml, 'case.tmx').then(() => true, () => false);
    assert.equal(verdict, valid, what);
    if (systemXmllint) {
      // Where libxml2's own xmllint is installed (CI installs it), the DTD itself is asked too.
      const dtd = spawnSync('xmllint', ['--noout', '--nonet', '--dtdvalid', DTD, join(dir, 'case.tmx')]).status === 0;
      assert.equal(dtd, valid, `${what}: the DTD's own verdict`);
    }
  }
  t.diagnostic(`documents tried: ${cases.length}, valid ${cases.filter((c) => c[2]).length}, refused ${cases.filter((c) => !c[2]).length}; ${systemXmllint ? 'the DTD (system xmllint) agreed on every one' : 'no system xmllint (apt-get install libxml2-utils) to ask the DTD itself'}`);
});
