import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationAt } from '../fixtures/annotations';
import { reanchorAnnotations } from '../../annotations/anchoring/reanchor';
import type { Annotation } from '../../annotations/model/types';

function annotate(text: string, exact: string, occurrence = 0): Annotation {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(exact, start + 1);
  assert.ok(start >= 0, `fixture: ${exact} not in text`);
  const end = start + exact.length;
  return annotationAt(text, `a${start}`, start, end, { analyst: 'test', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', tags: ['t'] });
}

function placedText(text: string, a: Annotation): string {
  return text.slice(a.target.position.start, a.target.position.end);
}

const P1 = 'رئیس‌جمهور در گفت‌وگوی تلفنی با نخست‌وزیر عراق، مبارزه با تروریسم را وظیفه همه دولت‌های مسئول در منطقه دانست.';
const P2 = 'به گزارش خبرگزاری ایسنا، حسن روحانی عصر چهارشنبه در تماس تلفنی با حیدر العبادی درباره تحولات سیاسی و امنیتی گفت‌وگو کرد.';
const P3 = 'أكد الرئيس الإيراني حسن روحاني، اليوم الإثنين، على دعم طهران للعراق في حربه ضد الإرهاب وبما يوطد أمنه واستقراره.';
const P4 = 'جمهوری اسلامی ایران ثبات و امنیت عراق را ثبات و امنیت خود می‌داند و برای تقویت آن تلاش خواهد کرد.';
const ARTICLE = [P1, P2, P3, P4].join('\n\n');

describe('re-anchoring annotations when the article changed', () => {
  it('keeps annotations exact when the text did not change', () => {
    const anns = [annotate(ARTICLE, 'مبارزه با تروریسم'), annotate(ARTICLE, 'حسن روحانی')];
    const out = reanchorAnnotations(ARTICLE, anns);
    assert.deepEqual(out.map((a) => a.anchor.status), ['exact', 'exact']);
    assert.deepEqual(out.map((a) => a.target), anns.map((a) => a.target));
  });

  it('follows text that moved because a paragraph was inserted before it', () => {
    const a = annotate(ARTICLE, 'دعم طهران للعراق');
    const changed = 'خبر فوری\n\n' + ARTICLE;
    const [out] = reanchorAnnotations(changed, [a]);
    assert.equal(out!.anchor.status, 'moved');
    assert.equal(out!.target.position.start, a.target.position.start + 'خبر فوری\n\n'.length);
    assert.equal(placedText(changed, out!), 'دعم طهران للعراق');
  });

  it('finds a passage whose paragraph was moved to another place', () => {
    const a = annotate(ARTICLE, 'ثبات و امنیت عراق');
    const changed = [P4, P1, P2, P3].join('\n\n');
    const [out] = reanchorAnnotations(changed, [a]);
    assert.equal(out!.anchor.status, 'moved');
    assert.equal(placedText(changed, out!), 'ثبات و امنیت عراق');
  });

  it('places an edited passage fuzzily, with a score below 1, on the edited words', () => {
    const a = annotate(ARTICLE, 'مبارزه با تروریسم را وظیفه همه دولت‌های مسئول');
    const changed = ARTICLE.replace('وظیفه همه دولت‌های مسئول', 'وظیفه تمام دولت‌های مسئول');
    const [out] = reanchorAnnotations(changed, [a]);
    assert.equal(out!.anchor.status, 'fuzzy');
    assert.ok(out!.anchor.score >= 0.75 && out!.anchor.score < 1, `score ${out!.anchor.score}`);
    assert.equal(placedText(changed, out!), 'مبارزه با تروریسم را وظیفه تمام دولت‌های مسئول');
    assert.equal(out!.target.quote.exact, placedText(changed, out!));
  });

  it('orphans the annotations of a deleted passage and keeps them with their old target', () => {
    const gone = annotate(ARTICLE, 'در تماس تلفنی با حیدر العبادی');
    const kept = annotate(ARTICLE, 'ضد الإرهاب');
    const changed = [P1, P3, P4].join('\n\n');
    const out = reanchorAnnotations(changed, [gone, kept]);
    assert.equal(out.length, 2);
    assert.equal(out[0]!.anchor.status, 'orphaned');
    assert.equal(out[0]!.anchor.score, 0);
    assert.deepEqual(out[0]!.target, gone.target);
    assert.equal(out[0]!.id, gone.id);
    assert.equal(out[1]!.anchor.status, 'moved');
    assert.equal(placedText(changed, out[1]!), 'ضد الإرهاب');
  });

  it('does not move a short quote to another occurrence of the same word when its passage is gone', () => {
    const a = annotate(ARTICLE, 'روحانی');
    const changed = [P1, P4, P3].join('\n\n'); // P2 (with روحانی) removed; روحاني remains in P3
    const [out] = reanchorAnnotations(changed, [a]);
    assert.equal(out!.anchor.status, 'orphaned');
  });

  it('tells repeated quotes apart by their context', () => {
    const text = 'ثبات و امنیت در شمال. ثبات و امنیت در جنوب. ثبات و امنیت در شرق کشور.';
    const a = annotate(text, 'ثبات و امنیت', 1);
    const changed = 'مقدمه کوتاه. ' + text;
    const [out] = reanchorAnnotations(changed, [a]);
    assert.equal(out!.anchor.status, 'moved');
    assert.equal(out!.target.position.start, a.target.position.start + 'مقدمه کوتاه. '.length);
    assert.equal(changed.slice(out!.target.position.end, out!.target.position.end + 8), ' در جنوب');
  });

  it('orphans a quote that two places fit equally well', () => {
    const unit = 'در این گزارش آمده است که همکاری دو کشور ادامه دارد و نتیجه آن روشن است.';
    const filler = 'x'.repeat(200);
    const text = filler + '\n' + unit + '\n' + filler;
    const a = annotate(text, 'همکاری دو کشور');
    // Two copies, each the same distance from the old place, with the same context around.
    const before = 'x'.repeat(100) + '\n';
    const between = '\n' + 'x'.repeat(402 - 2 * before.length - unit.length - 2) + '\n';
    const changed = before + unit + between + unit + '\n' + filler;
    const i1 = changed.indexOf('همکاری دو کشور');
    const i2 = changed.indexOf('همکاری دو کشور', i1 + 1);
    const old = a.target.position.start;
    assert.equal(old - i1, i2 - old, 'fixture: both copies equally near');
    const [out] = reanchorAnnotations(changed, [a]);
    assert.equal(out!.anchor.status, 'orphaned');
  });

  it('finds Persian text rewritten with Arabic letters and without ZWNJ, as fuzzy', () => {
    const a = annotate(ARTICLE, 'رئیس‌جمهور در گفت‌وگوی تلفنی');
    const changed = ARTICLE.replace('رئیس‌جمهور در گفت‌وگوی تلفنی', 'رئيسجمهور در گفتوگوي تلفني');
    const [out] = reanchorAnnotations(changed, [a]);
    assert.equal(out!.anchor.status, 'fuzzy');
    assert.equal(placedText(changed, out!), 'رئيسجمهور در گفتوگوي تلفني');
    assert.ok(out!.anchor.score > 0.9);
  });

  it('finds a word whose spacing changed (رئیس جمهور for رئیس‌جمهور) after an insertion before it', () => {
    const a = annotate(ARTICLE, 'نخست‌وزیر عراق');
    const changed = 'تیتر تازه\n' + ARTICLE.replace('نخست‌وزیر عراق', 'نخست وزیر عراق');
    const [out] = reanchorAnnotations(changed, [a]);
    assert.equal(out!.anchor.status, 'fuzzy');
    assert.equal(placedText(changed, out!), 'نخست وزیر عراق');
  });

  it('keeps a fuzzy placement flagged for review when later edits elsewhere leave it in place', () => {
    const a = annotate(ARTICLE, 'مبارزه با تروریسم را وظیفه همه دولت‌های مسئول');
    const edited = ARTICLE.replace('وظیفه همه دولت‌های مسئول', 'وظیفه تمام دولت‌های مسئول');
    const [fuzzy] = reanchorAnnotations(edited, [a]);
    const [again] = reanchorAnnotations(edited, [fuzzy!]);
    assert.equal(again!.anchor.status, 'fuzzy');
    assert.equal(again!.anchor.score, fuzzy!.anchor.score);
  });

  it('re-finds an orphan when its text comes back', () => {
    const a = annotate(ARTICLE, 'در تماس تلفنی با حیدر العبادی');
    const [orphan] = reanchorAnnotations([P1, P3].join('\n\n'), [a]);
    assert.equal(orphan!.anchor.status, 'orphaned');
    const [back] = reanchorAnnotations(ARTICLE, [orphan!]);
    assert.equal(back!.anchor.status, 'exact');
    assert.equal(placedText(ARTICLE, back!), 'در تماس تلفنی با حیدر العبادی');
  });

  it('never drops an annotation and never returns a span outside the text', () => {
    const anns = ['مبارزه با تروریسم', 'حسن روحانی', 'دعم طهران', 'تقویت آن'].map((q) => annotate(ARTICLE, q));
    const changed = P3.slice(0, 40);
    const out = reanchorAnnotations(changed, anns);
    assert.equal(out.length, anns.length);
    for (const o of out) {
      if (o.anchor.status === 'orphaned') continue;
      assert.ok(o.target.position.end <= changed.length);
      assert.equal(o.target.quote.exact, placedText(changed, o));
    }
  });
});
