// Furniture marks by position (issue 11): a mark dims its own line, not every copy of its text;
// it finds its line again when the article changes; the older text-keyed marks still apply to
// every copy; and two people's marks merge line by line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { resolveFurnitureMarks } from '../../annotations/model/furniture-marks';
import { parseSidecar } from '../../annotations/model/schema';
import type { FurnitureMark, Sidecar } from '../../annotations/model/types';
import { mergeSidecars } from '../../annotations/store/merge';
import { serialiseSidecar } from '../../annotations/store/serialise';
import { emptySidecar } from '../../annotations/store/sidecar-store';
import { splitParagraphs } from '../../corpus/text/paragraphs';

const HEADLINE = 'رئیس‌جمهور: گفت‌وگوها با اروپا ادامه دارد';
const TEXT = [HEADLINE, 'کد خبر: ۶۲۶۸۲۴', 'رئیس‌جمهور روز دوشنبه در نشست خبری گفت که گفت‌وگوها ادامه دارد.', HEADLINE, 'اشتراک گذاری'].join('\n');
const lines = splitParagraphs(TEXT, 'rtl');
function read(json: string): Sidecar {
  const r = parseSidecar(JSON.parse(json));
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.value;
}
const copy = (text: string) => TEXT.lastIndexOf(text);

test('a position mark applies to its own line only, not to an earlier copy of its text', () => {
  const marks: FurnitureMark[] = [{ start: copy(HEADLINE), text: HEADLINE, on: true }];
  assert.deepEqual([...resolveFurnitureMarks(lines, marks, undefined)], [[3, true]]);
});

test('a text-keyed mark from an older sidecar still applies to every copy of its line', () => {
  assert.deepEqual([...resolveFurnitureMarks(lines, undefined, { [HEADLINE]: true })], [[0, true], [3, true]]);
});

test('a position mark wins over a text-keyed one on its line; the other copies keep the old mark', () => {
  const marks: FurnitureMark[] = [{ start: 0, text: HEADLINE, on: false }];
  assert.deepEqual([...resolveFurnitureMarks(lines, marks, { [HEADLINE]: true })], [[0, false], [3, true]]);
});

test('when the article changes, a mark moves with its line, to the nearest copy of its text', () => {
  const marks: FurnitureMark[] = [{ start: copy(HEADLINE), text: HEADLINE, on: true }];
  const changed = `خبرگزاری ایسکا\n${TEXT}`;
  const moved = resolveFurnitureMarks(splitParagraphs(changed, 'rtl'), marks, undefined);
  assert.deepEqual([...moved], [[4, true]], 'the repeated line, now line 4, not the headline at line 1');
  const gone = resolveFurnitureMarks(splitParagraphs(TEXT.replaceAll(HEADLINE, 'سرخط دیگر'), 'rtl'), marks, undefined);
  assert.equal(gone.size, 0, 'a line that is gone takes no other line with it');
});

test('position marks are kept in the sidecar, validated on read and written in a stable order', () => {
  const s: Sidecar = { ...emptySidecar({ file: 'a.txt', sha256: 'x'.repeat(64), length: TEXT.length }), metadata: { furniture: [{ start: copy(HEADLINE), text: HEADLINE, on: true }] } };
  const text = serialiseSidecar(s);
  assert.match(text, /"furniture": \[\n\s+\{\n\s+"start": \d+,/);
  assert.deepEqual(read(text).metadata.furniture, s.metadata.furniture);
  const old = serialiseSidecar({ ...s, metadata: { boilerplate: { [HEADLINE]: true } } });
  assert.deepEqual(read(old).metadata.boilerplate, { [HEADLINE]: true }, 'the older form still reads');
});

test('two people’s position marks merge line by line; a clash on one line keeps ours', () => {
  const base: Sidecar = { ...emptySidecar({ file: 'a.txt', sha256: createHash('sha256').update(TEXT).digest('hex'), length: TEXT.length }), metadata: {} };
  const at = (i: number, on: boolean): FurnitureMark => ({ start: lines[i].start, text: lines[i].text.trim(), on });
  const ours = { ...base, metadata: { furniture: [at(3, true), at(1, false)] } };
  const theirs = { ...base, metadata: { furniture: [at(4, false), at(1, true)], boilerplate: { [HEADLINE]: true } } };
  const { merged } = mergeSidecars(base, ours, theirs, { now: () => '2024-06-01T12:00:00.000Z' });
  assert.deepEqual(merged.metadata.furniture, [at(1, false), at(3, true), at(4, false)]);
  assert.deepEqual(merged.metadata.boilerplate, { [HEADLINE]: true });
  const unmarked = mergeSidecars(ours, { ...ours, metadata: { furniture: [at(1, false)] } }, ours, { now: () => '2024-06-01T12:00:00.000Z' }).merged;
  assert.deepEqual(unmarked.metadata.furniture, [at(1, false)], 'a mark one side took away goes');
});
