// Paragraphs are the article's non-empty lines, with offsets into the text as decoded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { firstLine, forEachLine, lineBreakLength, splitParagraphs } from '../../corpus/text/paragraphs';

const sample = (name: string) => readFileSync(new URL(`../../corpus/sample/${name}`, import.meta.url), 'utf8');
const FA = sample('000_4b15f26e11b27dea.txt');
const AR = sample('002_b7e8f03d4cd73c5b.txt');
const FA2 = sample('004_df093c946d86f816.txt');

test('the shared articles split into their non-empty lines, each at its own offsets', () => {
  for (const [text, count] of [[FA, 14], [AR, 21], [FA2, 23]] as const) {
    const paragraphs = splitParagraphs(text);
    assert.equal(paragraphs.length, count);
    let previousEnd = -1;
    for (const p of paragraphs) {
      assert.equal(text.slice(p.start, p.end), p.text);
      assert.ok(p.text.trim() !== '');
      assert.ok(p.start > previousEnd);
      previousEnd = p.end;
    }
  }
});

test('each paragraph has its own direction: the Arabic weather bar is rtl, the size picker ltr', () => {
  const ar = splitParagraphs(AR, 'rtl');
  assert.equal(ar[0]!.text, 'Erbil 6°C السبت 23 تشرين\u00a0الثاني 07:39');
  assert.equal(ar[0]!.dir, 'rtl');
  const fa2 = splitParagraphs(FA2, 'rtl');
  assert.deepEqual(fa2.slice(-4).map((p) => [p.text, p.dir]), [['XS', 'ltr'], ['SM', 'ltr'], ['MD', 'ltr'], ['LG', 'ltr']]);
  const fa = splitParagraphs(FA, 'rtl');
  assert.equal(fa.find((p) => p.text === '10202')!.dir, 'rtl', 'a line of digits follows the article');
});

test('CRLF, lone CR, NEL and Unicode separators all end a line, and offsets stay right', () => {
  const text = 'یک\r\nدو\rسه\nچهار\u2028پنج\u2029شش\u0085هفت';
  const paragraphs = splitParagraphs(text);
  assert.deepEqual(paragraphs.map((p) => p.text), ['یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت']);
  for (const p of paragraphs) assert.equal(text.slice(p.start, p.end), p.text);
  assert.equal(lineBreakLength(text, 2), 2);
  assert.equal(lineBreakLength(text, 6), 1);
  assert.equal(lineBreakLength(text, 0), 0);
});

test('blank lines and lines of spaces are not paragraphs; spaces inside a line are kept', () => {
  const text = '\n\n  عنوان  \n \t \r\n\r\nمتن\n';
  const paragraphs = splitParagraphs(text);
  assert.deepEqual(paragraphs.map((p) => p.text), ['  عنوان  ', 'متن']);
  assert.equal(paragraphs[0]!.start, 2);
});

test('forEachLine visits every line of a range, empty ones too', () => {
  const text = 'a\r\n\rb\nc';
  const lines: string[] = [];
  forEachLine(text, (s, e) => lines.push(text.slice(s, e)));
  assert.deepEqual(lines, ['a', '', 'b', 'c']);
  const part: string[] = [];
  forEachLine(text, (s, e) => part.push(text.slice(s, e)), 4, 6);
  assert.deepEqual(part, ['b', '']);
});

test('the first line is the first non-empty one, trimmed', () => {
  assert.equal(firstLine(FA), 'رئیسجمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول در منطقه و جهان است');
  assert.equal(firstLine(AR), 'Erbil 6°C السبت 23 تشرين\u00a0الثاني 07:39');
  assert.equal(firstLine('\r\n  \r  عنوان \r\nمتن'), 'عنوان');
  assert.equal(firstLine(' \n '), '');
  assert.equal(firstLine(''), '');
});
