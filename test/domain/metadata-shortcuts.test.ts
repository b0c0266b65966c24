// The detectors' shortcuts (issue 25, item 4) must find exactly what the plain scans find: names
// tried only at word openings, names near a citing verb, phrase skeletons, capped word counts.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { OFFICE_HOLDERS } from '../../corpus/metadata/office-terms';
import { knownOutletsIn, knownOutletsNear } from '../../corpus/metadata/outlet-gazetteer';
import { matchesAtWordStarts, namesOpening } from '../../corpus/metadata/word-start-scan';
import { phraseSkeletons, skeleton } from '../../corpus/metadata/phrase-skeleton';
import { wordsUpTo } from '../../corpus/metadata/word-limit';
import { execAll, flexAlternation } from '../../corpus/text/letter-variants';
import { wordCount } from '../../corpus/text/words';

const FIELD = fileURLToPath(new URL('../fixtures/field/', import.meta.url));
const texts = readdirSync(FIELD, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(FIELD, f), 'utf8'));
const TRICKY = 'روحانیحسن روحانی الرئيس حسن روحانی، رئیس جمهوری والأسد الـأسد أحمدي نجاد احمدی‌نژاد امیر عبداللهیان ترامپ، نقلا عن أ.ف.ب و خبرگزاری فارس';

test('office-holders are found at the same places whether the name pattern is tried everywhere or only where a name can open', () => {
  const names = OFFICE_HOLDERS.flatMap((h) => h.names);
  const source = `(?<![\\p{L}\\p{M}])(?:${flexAlternation(names)})(?![\\p{L}\\p{M}])`;
  const everywhere = new RegExp(source, 'gu');
  const atOpenings = new RegExp(source, 'uy');
  const opening = namesOpening(names);
  for (const text of [...texts, TRICKY]) {
    const a = [...execAll(everywhere, text)].map((m) => `${m.index}:${m[0]}`);
    const b = [...matchesAtWordStarts(atOpenings, text, opening)].map((m) => `${m.index}:${m[0]}`);
    assert.deepEqual(b, a);
  }
});

test('the outlets named just after a citing verb are those a full reading finds there', () => {
  for (const text of [...texts.slice(0, 20), TRICKY]) {
    for (let i = 0; i < text.length; i += 11) {
      const slice = text.slice(i, i + 60);
      for (const reach of [0, 1, 16]) {
        const near = knownOutletsNear(slice, reach).map((n) => [n.index, n.written, n.outlet.id]);
        const all = knownOutletsIn(slice).filter((n) => n.index <= reach).map((n) => [n.index, n.written, n.outlet.id]);
        assert.deepEqual(near, all);
      }
    }
  }
});

test('a line matching a phrase pattern holds the phrase skeleton, whatever its spelling', () => {
  const phrases = ['جميع الحقوق محفوظة', 'کلیه حقوق', 'لا تعبر بالضرورة عن'];
  const needs = phraseSkeletons(phrases)!;
  const re = new RegExp(flexAlternation(phrases), 'iu');
  for (const line of ['جميـع الحُقوق محفوظه للموقع', 'كليه\u200cحقوق این سایت محفوظ است', 'لاتعبر بالضروره عن رأي', 'حقوق کلیه']) {
    assert.equal(needs.some((n) => skeleton(line).includes(n)), re.test(line), line);
  }
  assert.equal(phraseSkeletons(['Copyright']), null, 'a Latin phrase may match in either case: not checked by skeleton');
});

test('a capped word count answers every comparison up to its cap as the full count does', () => {
  for (const text of texts.flatMap((t) => t.split('\n')).slice(0, 400)) {
    const n = wordCount(text);
    for (const limit of [0, 4, 6, 15, 25, 45]) {
      const capped = wordsUpTo(text, limit);
      assert.equal(capped > limit, n > limit);
      if (n <= limit) assert.equal(capped, n);
    }
  }
});
