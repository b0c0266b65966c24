// Checks of an English draft against its Persian or Arabic source (issue 3, item 7).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributionsIn, checkSegment, findGlossPhrases, findGlossedTerms, glossIndex, numbersIn } from '../../annotations/translation/draft-checks';

const kinds = (checks: Array<{ kind: string }>) => checks.map((c) => c.kind);

test('numbers in Persian, Arabic-Indic and Latin digits are read as the same numbers', () => {
  assert.deepEqual(numbersIn('در ۱۲٫۵ درصد از ۱٬۰۰۰ مورد و ۰۷ نفر'), ['12.5', '1000', '7']);
  assert.deepEqual(numbersIn('في ١٧ أيار ٢٠٢١ و 1400/06/22'), ['17', '2021', '1400', '6', '22']);
  assert.deepEqual(numbersIn('no digits here'), []);
});

test('a number of the source missing from the draft is flagged, one written in words is not', () => {
  const source = 'رئیس‌جمهور ۱۲٫۵ درصد از ۲ گروه را در سال ۱۴۰۰ گفت.';
  const missing = checkSegment({ source, draft: 'The president spoke of 12.5 percent of two groups.', status: 'draft' });
  assert.deepEqual(
    missing.filter((c) => c.kind === 'number-missing').map((c) => c.subject),
    ['1400'],
  );
  const complete = checkSegment({ source, draft: 'The president spoke of 12.5 percent of two groups in 1400.', status: 'draft' });
  assert.deepEqual(kinds(complete), []);
});

test('an Arabic date with Arabic-Indic digits matches the Latin digits of the draft', () => {
  const checks = checkSegment({ source: 'أكد روحاني اليوم الإثنين (١٧ أيار ٢٠٢١) دعم طهران.', draft: 'Rouhani affirmed on Monday (17 May 2021) Tehran’s support.', status: 'draft' });
  assert.deepEqual(kinds(checks), []);
});

test('an empty segment is reported as untranslated, or as empty when it claims to be done', () => {
  assert.deepEqual(kinds(checkSegment({ source: 'سلام.', draft: '', status: 'untranslated' })), ['untranslated']);
  assert.deepEqual(kinds(checkSegment({ source: 'سلام.', draft: '  ', status: 'reviewed' })), ['empty']);
  assert.deepEqual(kinds(checkSegment({ source: 'سلام.', draft: 'Hello.', status: 'untranslated' })), ['untranslated']);
});

test('glossed terms are found after normalisation: joined, spaced or ZWNJ words, Arabic letter forms, proclitics', () => {
  const index = glossIndex([
    { term: 'نخستوزیر عراق', gloss: 'Iraqi prime minister', count: 3 },
    { term: 'روحانی', gloss: 'Rouhani' },
    { term: 'داعش', gloss: 'Daesh' },
    { term: 'داعش', gloss: 'ISIS', count: 0 },
  ]);
  const text = 'حسن روحاني با نخست‌وزیر عراق درباره داعش و الروحانية گفت؛ و بداعش.';
  const found = findGlossedTerms(text, index).map((m) => [text.slice(m.start, m.end), m.glosses]);
  assert.deepEqual(found, [
    ['روحاني', ['Rouhani']],
    ['نخست‌وزیر عراق', ['Iraqi prime minister']],
    ['داعش', ['Daesh', 'ISIS']],
    ['روحاني', ['Rouhani']],
    ['داعش', ['Daesh', 'ISIS']],
  ]);
  // A term inside another word is not that term.
  assert.deepEqual(findGlossedTerms('کمروحانی', index), []);
});

test('a glossed term rendered without its gloss is flagged; any of its glosses, in any case, will do', () => {
  const glossary = glossIndex([
    { term: 'داعش', gloss: 'Daesh' },
    { term: 'داعش', gloss: 'Islamic State' },
    { term: 'نخستوزیر عراق', gloss: 'Iraqi prime minister' },
  ]);
  const source = 'نخستوزیر عراق مبارزه با داعش را مهم دانست.';
  const off = checkSegment({ source, draft: 'The Iraqi premier called the fight against ISIS important.', status: 'draft', glossary });
  assert.deepEqual(
    off.filter((c) => c.kind === 'gloss-inconsistent').map((c) => c.subject),
    ['نخستوزیر عراق', 'داعش'],
  );
  const ok = checkSegment({ source, draft: 'The Iraqi Prime Minister called the fight against the islamic state important.', status: 'draft', glossary });
  assert.deepEqual(kinds(ok), []);
});

test('attribution phrases of the source need a counterpart in the draft', () => {
  assert.deepEqual(attributionsIn('به گزارش ایسکانیوز، روحانی گفت'), ['به گزارش']);
  assert.deepEqual(attributionsIn('وفقاً لـ بيان الرئاسة، ونقلاً عن مصدر، وبحسب المكتب'), ['وفقاً لـ', 'ونقلاً عن', 'وبحسب']);
  assert.deepEqual(attributionsIn('محاسبه حساب'), [], 'حسب inside another word is not an attribution');

  const source = 'به گزارش ایسکانیوز، روحانی با العبادی تلفنی گفتگو کرد.';
  assert.deepEqual(kinds(checkSegment({ source, draft: 'Rouhani spoke by telephone with al-Abadi.', status: 'draft' })), ['attribution-missing']);
  assert.deepEqual(kinds(checkSegment({ source, draft: 'According to ISCA News, Rouhani spoke by telephone with al-Abadi.', status: 'draft' })), []);
  const arabic = 'وبحسب بيان صادر عن المكتب الإعلامي شهد الاتصال إشادة مشتركة.';
  assert.deepEqual(kinds(checkSegment({ source: arabic, draft: 'The call saw shared praise.', status: 'draft' })), ['attribution-missing']);
  assert.deepEqual(kinds(checkSegment({ source: arabic, draft: 'The call saw shared praise, the media office said in a statement.', status: 'draft' })), []);
});

test('glosses are found in an English text as whole phrases', () => {
  const index = glossIndex([
    { term: 'نخستوزیر عراق', gloss: 'Iraqi prime minister' },
    { term: 'عراق', gloss: 'Iraq' },
  ]);
  const text = 'The Iraqi Prime Minister said Iraq, not Iraqis, would act.';
  assert.deepEqual(
    findGlossPhrases(text, index).map((m) => text.slice(m.start, m.end)),
    ['Iraqi Prime Minister', 'Iraq'],
  );
});
