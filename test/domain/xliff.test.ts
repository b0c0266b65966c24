import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Annotation, Rendering, SegmentStatus } from '../../annotations/model/types';
import { exportXliff } from '../../annotations/translation/xliff-writer';
import { importXliff } from '../../annotations/translation/xliff-reader';
import { mergeImportedRenderings } from '../../annotations/translation/xliff-merge';
import { attr, childrenOf, elements, parseDocument, textOf, XmlFormatError, type XmlNode } from '../../annotations/translation/xml-nodes';
import { segmentText } from '../../corpus/text/segment';
import { validateXliff } from '../fixtures/xml-validation';

const SAMPLE = new URL('../../corpus/sample/', import.meta.url);
const GOLD = new URL('../fixtures/alignment/', import.meta.url);
const ARTICLES = ['000_4b15f26e11b27dea', '002_b7e8f03d4cd73c5b', '004_df093c946d86f816'];
const STATUSES: SegmentStatus[] = ['draft', 'reviewed', 'untranslated'];

const dir = mkdtempSync(join(tmpdir(), 'hashiya-xliff-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Article {
  name: string;
  text: string;
  renderings: Rendering[];
  annotations: Annotation[];
}

function annotation(id: string, text: string, start: number, end: number, gloss: string, note: string): Annotation {
  return {
    id,
    analyst: 'Sara',
    created: '2024-05-01T09:00:00.000Z',
    modified: '2024-05-01T09:00:00.000Z',
    target: { position: { start, end }, quote: { exact: text.slice(start, end), prefix: '', suffix: '' } },
    anchor: { status: 'exact', score: 1 },
    tags: [],
    gloss,
    note,
  };
}

/** An article with English drafts taken from the test set's hand-checked links. */
function article(name: string): Article {
  const text = readFileSync(new URL(`${name}.txt`, SAMPLE), 'utf8');
  const english = readFileSync(new URL(`${name}.en.txt`, SAMPLE), 'utf8');
  const gold = (JSON.parse(readFileSync(new URL(`${name}.links.json`, GOLD), 'utf8')) as { links: Array<{ a: [number, number]; b: [number, number] }> }).links;
  const renderings = gold.slice(0, 8).map((g, k) => ({
    start: g.a[0],
    end: g.a[1],
    text: k === 5 ? '' : english.slice(g.b[0], g.b[1]),
    status: STATUSES[k % 3]!,
    analyst: k % 2 ? 'Sara' : 'Reza',
    modified: `2024-05-0${1 + (k % 9)}T10:00:00.000Z`,
  }));
  const word = text.indexOf('داعش');
  const annotations = [
    annotation('a1', text, word, word + 4, 'Daesh (ISIS)', 'The Arabic acronym, used as a slur by its enemies: keep it.'),
    annotation('a2', text, 0, 5, '', 'Headline; "quotes" & <brackets> stay as typed'),
  ];
  return { name, text, renderings, annotations };
}

const articles = ARTICLES.map(article);

async function validate(xml: string, file: string): Promise<void> {
  writeFileSync(join(dir, file), xml);
  // The import of xml.xsd resolves to the local copy beside the XSD; nothing is fetched.
  await validateXliff(xml, file);
}

function units(xml: string): XmlNode[] {
  const root = elements(parseDocument(xml, 'test'), 'xliff')[0]!;
  return elements(childrenOf(elements(childrenOf(root), 'file')[0]!), 'unit');
}

function sourceOf(piece: XmlNode): string {
  const source = elements(childrenOf(piece), 'source')[0]!;
  return childrenOf(source)
    .map((n) => textOf(n) ?? '')
    .join('');
}

const sorted = (rs: readonly Rendering[]) => rs.slice().sort((x, y) => x.start - y.start);

test('exported XLIFF validates against the official XLIFF 2.1 core schema', async () => {
  for (const a of articles) {
    await validate(exportXliff({ file: `${a.name}.txt`, text: a.text, renderings: a.renderings, annotations: a.annotations, trgLang: 'en' }), `${a.name}.xlf`);
  }
});

test('a draft that runs across a paragraph break keeps its paragraphs in one unit', () => {
  const a = articles[1]!;
  const headline = a.renderings[0]!;
  assert.ok(a.text.slice(headline.start, headline.end).includes('\n'), 'the test set drafts headline and sub-headline as one');
  const xml = exportXliff({ file: 'a.txt', text: a.text, renderings: a.renderings });
  const unit = units(xml).find((u) => attr(u, 'id')!.startsWith(`u${headline.start}-`))!;
  assert.equal(attr(unit, 'id'), `u${headline.start}-${headline.end}`);
  assert.equal(sourceOf(elements(childrenOf(unit), 'segment')[0]!), a.text.slice(headline.start, headline.end));
});

test('an article with Windows line breaks comes back without complaint', () => {
  const text = 'تیتر خبر\r\nزیر تیتر\r\n\r\nمتن خبر در اینجا است.\r\n';
  const renderings: Rendering[] = [{ start: 0, end: text.indexOf('زیر') + 8, text: 'Headline and sub-headline', status: 'draft', analyst: '', modified: '' }];
  const back = importXliff(exportXliff({ file: 'w.txt', text, srcLang: 'fa', renderings }), { text });
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.renderings, renderings);
});

test('the schema check is real: a document that breaks the schema fails it', async () => {
  const a = articles[0]!;
  const xml = exportXliff({ file: 'a.txt', text: a.text, renderings: a.renderings });
  await assert.rejects(validate(xml.replace('state="translated"', 'state="done"'), 'broken.xlf'), /'done' is not an element of the set/);
  await assert.rejects(validate(xml.replace(' srcLang="fa"', ''), 'broken2.xlf'), /'srcLang' is required but missing/);
});

test('one unit per paragraph whose segments and ignorables give back the paragraph exactly', () => {
  for (const a of articles) {
    const xml = exportXliff({ file: 'a.txt', text: a.text, renderings: [], trgLang: 'en' });
    const paragraphs = segmentText(a.text);
    const us = units(xml);
    assert.equal(us.length, paragraphs.length);
    us.forEach((unit, k) => {
      const p = paragraphs[k]!;
      assert.equal(attr(unit, 'id'), `u${p.start}-${p.end}`);
      const pieces = elements(childrenOf(unit)).filter((n) => ['segment', 'ignorable'].includes(Object.keys(n).find((x) => x !== ':@')!));
      assert.equal(pieces.map(sourceOf).join(''), a.text.slice(p.start, p.end), 'source text exact');
      const segments = elements(childrenOf(unit), 'segment');
      assert.equal(segments.length, p.sentences.length, 'one segment per sentence');
      segments.forEach((s, i) => assert.equal(attr(s, 'id'), `s${p.sentences[i]!.start}-${p.sentences[i]!.end}`));
    });
  }
});

test('languages, directions and segment states are set as XLIFF 2.1 defines them', () => {
  const a = articles[1]!;
  const xml = exportXliff({ file: 'x.txt', text: a.text, renderings: a.renderings, trgLang: 'en' });
  const root = elements(parseDocument(xml, 'test'), 'xliff')[0]!;
  assert.equal(attr(root, 'version'), '2.1');
  assert.equal(attr(root, 'srcLang'), 'ar');
  assert.equal(attr(root, 'trgLang'), 'en');
  const file = elements(childrenOf(root), 'file')[0]!;
  assert.equal(attr(file, 'srcDir'), 'rtl');
  assert.equal(attr(file, 'trgDir'), 'ltr');
  const states = new Map<string, string>();
  for (const unit of units(xml)) for (const s of elements(childrenOf(unit), 'segment')) states.set(attr(s, 'id')!, attr(s, 'state')!);
  for (const r of a.renderings) {
    assert.equal(states.get(`s${r.start}-${r.end}`), { untranslated: 'initial', draft: 'translated', reviewed: 'reviewed' }[r.status]);
  }
  // The weather bar starts with a Latin word but is mostly Arabic; an English line is ltr.
  const mixed = 'خبر عاجل\nBreaking news from the agency wire\n';
  const unitsMixed = units(exportXliff({ file: 'm.txt', text: mixed, srcLang: 'ar', renderings: [] }));
  assert.equal(attr(unitsMixed[0]!, 'srcDir'), undefined);
  assert.equal(attr(unitsMixed[1]!, 'srcDir'), 'ltr');
});

test('page furniture goes out as units not for translation', () => {
  const a = articles[0]!;
  const flagged = units(exportXliff({ file: 'a.txt', text: a.text, renderings: [] }))
    .filter((u) => attr(u, 'translate') === 'no')
    .map((u) => sourceOf(elements(childrenOf(u), 'segment')[0]!));
  assert.deepEqual(flagged, ['10202', 'کد خبر: 626824', 'وب گردی', 'وب گردی']);
});

test('export then import gives back every target, state, analyst, time and note', () => {
  for (const a of articles) {
    const xml = exportXliff({ file: `${a.name}.txt`, text: a.text, renderings: a.renderings, annotations: a.annotations });
    const back = importXliff(xml, { text: a.text });
    assert.deepEqual(back.problems, []);
    assert.equal(back.original, `${a.name}.txt`);
    assert.deepEqual(sorted(back.renderings), sorted(a.renderings));
    const expected = a.annotations.flatMap((an) =>
      [
        ['gloss', an.gloss],
        ['note', an.note],
      ]
        .filter(([, v]) => v !== '')
        .map(([category, v]) => ({ annotation: an.id, category, text: v, span: [an.target.position.start, an.target.position.end] })),
    );
    const key = (n: { annotation: string | null; category: string | null }) => `${n.annotation}/${n.category}`;
    assert.deepEqual(
      back.notes.map((n) => ({ annotation: n.annotation, category: n.category, text: n.text, span: n.span })).sort((x, y) => key(x).localeCompare(key(y))),
      expected.sort((x, y) => key(x).localeCompare(key(y))),
    );
  }
});

test('merged and split segments keep their own span and a draft with them', async () => {
  const a = articles[2]!;
  const last = segmentText(a.text).find((p) => p.sentences.length === 3)!;
  const [s1, s2, s3] = last.sentences as [{ start: number; end: number }, { start: number; end: number }, { start: number; end: number }];
  const half = s1.start + a.text.slice(s1.start, s1.end).indexOf('،') + 1;
  const renderings: Rendering[] = [
    { start: s1.start, end: half, text: 'Earlier this week Mohammad Javad Zarif,', status: 'draft', analyst: 'Reza', modified: '2024-05-01T10:00:00.000Z' },
    { start: s2.start, end: s3.end, text: 'Iran and Turkey back rival groups in Syria, and …', status: 'reviewed', analyst: 'Reza', modified: '2024-05-01T10:00:00.000Z' },
  ];
  const xml = exportXliff({ file: 'a.txt', text: a.text, renderings });
  await validate(xml, 'merged.xlf');
  const unit = units(xml).find((u) => attr(u, 'id') === `u${last.start}-${last.end}`)!;
  const ids = elements(childrenOf(unit), 'segment').map((s) => attr(s, 'id'));
  const rest = a.text.slice(half, s1.end);
  const restStart = half + (rest.length - rest.trimStart().length);
  assert.deepEqual(ids, [`s${s1.start}-${half}`, `s${restStart}-${s1.end}`, `s${s2.start}-${s3.end}`]);
  assert.deepEqual(sorted(importXliff(xml, { text: a.text }).renderings), renderings);
});

test('work done in a CAT tool comes back and updates the drafts it changed', () => {
  const a = articles[0]!;
  const r = a.renderings[0]!;
  const xml = exportXliff({ file: 'a.txt', text: a.text, renderings: a.renderings });
  // The translator revised one target and marked it final.
  const edited = xml.replace(`<segment id="s${r.start}-${r.end}" state="translated">`, `<segment id="s${r.start}-${r.end}" state="final">`).replace(`>${r.text}</target>`, '>The President: fighting terrorism is every responsible government&apos;s duty</target>');
  assert.notEqual(edited, xml);
  const back = importXliff(edited, { text: a.text });
  const changed = back.renderings.find((x) => x.start === r.start)!;
  assert.equal(changed.text, "The President: fighting terrorism is every responsible government's duty");
  assert.equal(changed.status, 'reviewed');
  const merged = mergeImportedRenderings(a.renderings, back.renderings, { analyst: 'Translator', now: '2024-06-01T00:00:00.000Z' });
  assert.equal(merged.changed, 1);
  const after = merged.renderings.find((x) => x.start === r.start)!;
  assert.deepEqual([after.analyst, after.modified], ['Translator', '2024-06-01T00:00:00.000Z']);
  assert.deepEqual(
    merged.renderings.filter((x) => x.start !== r.start),
    sorted(a.renderings).filter((x) => x.start !== r.start),
    'the untouched drafts keep who wrote them and when',
  );
});

test('segments whose ids a tool dropped are placed by their source text; mismatches are reported', () => {
  const a = articles[0]!;
  const r = a.renderings[1]!;
  const xml = exportXliff({ file: 'a.txt', text: a.text, renderings: a.renderings });
  const renamed = xml.replace(`<segment id="s${r.start}-${r.end}"`, '<segment id="seg7"');
  const back = importXliff(renamed, { text: a.text });
  assert.deepEqual(back.problems, []);
  assert.ok(back.renderings.some((x) => x.start === r.start && x.end === r.end && x.text === r.text));

  const otherText = a.text.replace('رئیسجمهور در گفتوگوی', 'رئیس جمهور در گفت و گوی');
  const mismatch = importXliff(xml, { text: otherText });
  assert.ok(mismatch.problems.length > 0);
  assert.match(mismatch.problems[0]!, /is not the article's text/);
});

test('characters XML cannot carry survive as <cp> and the file still validates', async () => {
  const text = 'متن\u0001 با نویسه کنترلی.\nسطر دوم\u000B است.\n';
  const renderings: Rendering[] = [{ start: 0, end: text.indexOf('.') + 1, text: 'Text\u0002 with a control character.', status: 'draft', analyst: '', modified: '' }];
  const xml = exportXliff({ file: 'c.txt', text, srcLang: 'fa', renderings });
  assert.match(xml, /<cp hex="0001"\/>/);
  await validate(xml, 'cp.xlf');
  const back = importXliff(xml, { text });
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.renderings, renderings);
});

test('files that are not XLIFF 2 are refused with a clear message', () => {
  assert.throws(() => importXliff('<xliff version="2.1"><file'), (e: Error) => e instanceof XmlFormatError && /not well-formed/.test(e.message));
  assert.throws(() => importXliff('<?xml version="1.0"?><tmx version="1.4"/>'), /not an XLIFF document/);
  assert.throws(() => importXliff('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"></xliff>'), /XLIFF 1\.2 is not supported/);
  assert.throws(() => importXliff('<!DOCTYPE x [<!ENTITY a "aaaa">]><xliff version="2.1"/>'), /entity declarations/);
});
