import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportQuotations } from '../../annotations/export/index';
import { ANNO_CONTEXT, annotationIri } from '../../annotations/export/jsonld';
import { AR_TEXT, FA_TEXT, fixtureQuotations } from './quotation-fixtures';

const NOW = new Date('2024-02-03T04:05:06Z');
const TEXTS: Record<string, string> = { 'fa-article.txt': FA_TEXT, 'ar-article.txt': AR_TEXT };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, checked field by field below
type Json = Record<string, any>;

async function exported(format: 'json' | 'jsonld', includeSentence = true): Promise<Json> {
  const result = await exportQuotations(fixtureQuotations(), format, { now: NOW, includeSentence });
  return JSON.parse(new TextDecoder().decode(result.data)) as Json;
}

test('the JSON export holds every quotation record with UTF-16 offsets', async () => {
  const doc = await exported('json');
  assert.equal(doc.format, 'hashiya-quotations');
  assert.equal(doc.version, 1);
  assert.equal(doc.exported, NOW.toISOString());
  assert.equal(doc.offsets, 'utf-16');
  assert.equal(doc.count, 5);
  assert.deepEqual(doc.quotations, JSON.parse(JSON.stringify(fixtureQuotations())));
  for (const q of doc.quotations) if (q.anchor !== 'orphaned') assert.equal(TEXTS[q.file]!.slice(q.start, q.end), q.quote);
  const without = await exported('json', false);
  assert.ok(!('sentence' in without.quotations[0]));
});

/** The W3C Web Annotation Data Model's MUSTs for what this export produces. */
function assertW3cAnnotation(a: Json): void {
  assert.equal(typeof a.id, 'string');
  assert.match(a.id, /^[a-z][a-z0-9+.-]*:/, 'id is an IRI');
  assert.equal(a.type, 'Annotation');
  assert.ok(a.target, 'an Annotation must have a target');
  const target = a.target;
  assert.equal(target.type, 'SpecificResource');
  assert.ok(target.source, 'a SpecificResource must have a source');
  assert.ok(Array.isArray(target.selector) && target.selector.length > 0);
  for (const s of target.selector) {
    if (s.type === 'TextQuoteSelector') assert.equal(typeof s.exact, 'string');
    else if (s.type === 'TextPositionSelector') {
      assert.ok(Number.isInteger(s.start) && s.start >= 0);
      assert.ok(Number.isInteger(s.end) && s.end >= s.start);
    } else assert.fail(`unexpected selector ${s.type}`);
  }
  for (const b of a.body ?? []) {
    assert.equal(b.type, 'TextualBody');
    assert.equal(typeof b.value, 'string');
    assert.ok(['describing', 'tagging', 'commenting'].includes(b.purpose));
  }
  assert.match(a.created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
}

test('the JSON-LD export is a W3C AnnotationCollection of Annotations', async () => {
  const doc = await exported('jsonld');
  assert.equal(doc['@context'], ANNO_CONTEXT);
  assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(doc.type, 'AnnotationCollection');
  assert.equal(typeof doc.id, 'string');
  assert.equal(doc.total, 5);
  assert.equal(doc.first.type, 'AnnotationPage');
  assert.equal(doc.first.items.length, 5);
  for (const a of doc.first.items) assertW3cAnnotation(a);
});

test('bodies say what they are: the English gloss describes, tags tag, the note comments', async () => {
  const doc = await exported('jsonld');
  const q = fixtureQuotations().find((x) => x.quote === 'امنیت منطقه ۱۴۰۰ بار مهم‌تر')!;
  const a = doc.first.items.find((x: Json) => x.id === annotationIri(q.id));
  assert.equal(a.id, `urn:uuid:${q.id}`);
  assert.deepEqual(a.body, [
    { type: 'TextualBody', value: 'Regional security matters "1400 times" more', purpose: 'describing', format: 'text/plain', language: 'en' },
    { type: 'TextualBody', value: 'Statement', purpose: 'tagging', format: 'text/plain' },
    { type: 'TextualBody', value: 'Threat', purpose: 'tagging', format: 'text/plain' },
    { type: 'TextualBody', value: '+1 check', purpose: 'commenting', format: 'text/plain' },
  ]);
  assert.deepEqual(a.creator, { type: 'Person', name: 'Reza' });
  assert.equal(a.created, q.created);
});

test('the target names the article with its language and selects the quote by text and by code points', async () => {
  const doc = await exported('jsonld');
  for (const a of doc.first.items as Json[]) {
    const source = a.target.source;
    const text = TEXTS[source.id]!;
    assert.ok(text, `source ${source.id} is the article file`);
    assert.equal(source.type, 'Text');
    assert.equal(source.format, 'text/plain');
    assert.ok(['fa', 'ar'].includes(source.language));
    assert.equal(source.textDirection, 'rtl');
    const quote = a.target.selector.find((s: Json) => s.type === 'TextQuoteSelector');
    const position = a.target.selector.find((s: Json) => s.type === 'TextPositionSelector');
    assert.ok(text.includes(quote.prefix + quote.exact + quote.suffix) || !position, 'prefix, exact and suffix are contiguous in the article');
    if (position) {
      // Code points, as the model asks: slicing the article by code points gives the quote.
      assert.equal([...text].slice(position.start, position.end).join(''), quote.exact);
    }
  }
  const arabic = (doc.first.items as Json[]).find((a) => a.target.selector[0].exact === 'دعم طهران للعراق')!;
  const q = fixtureQuotations().find((x) => x.quote === 'دعم طهران للعراق')!;
  const pos = arabic.target.selector[1];
  assert.equal(pos.start, q.start - 1, 'the emoji before it counts one code point, not two UTF-16 units');
  const orphan = (doc.first.items as Json[]).find((a) => a.target.selector[0].exact === 'حربه ضد الإرهاب')!;
  assert.equal(orphan.target.selector.length, 1, 'an orphaned annotation keeps only its quote selector');
});
