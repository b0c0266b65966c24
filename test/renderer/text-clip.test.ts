// Shortened headlines and quotes in lists keep their start and break cleanly (issue 11, point 7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clip } from '../../renderer/text-clip';

test('a long Persian headline keeps its first words and is cut at a space, at its logical end', () => {
  const headline = 'رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولت‌های مسئول در منطقه و جهان است';
  const short = clip(headline, 40);
  assert.ok(short.startsWith('رئیس‌جمهور: مبارزه با تروریسم'), short);
  assert.ok(short.endsWith('…'));
  assert.ok(short.length <= 40);
  assert.ok(headline.startsWith(short.slice(0, -1)), 'the part shown is the headline as written, from its start');
  assert.doesNotMatch(short, / …$/, 'no space before the ellipsis');
});

test('a word longer than the limit is cut between letters, never between a letter and its mark or inside a ZWNJ compound', () => {
  const vocalised = 'بِسْمِ'.repeat(20);
  const short = clip(vocalised, 15);
  const before = short.slice(0, -1);
  assert.ok(vocalised.startsWith(before));
  assert.doesNotMatch(vocalised.slice(before.length, before.length + 1), /\p{M}/u, 'the next character is a letter, not a mark left behind');
  const compound = `${'می‌خواهم'.repeat(10)}`;
  const cut = clip(compound, 12);
  assert.doesNotMatch(cut, /\u200c…$/, 'no ZWNJ is left before the ellipsis');
});

test('short text and runs of spaces or line breaks are shown as one line, unchanged otherwise', () => {
  assert.equal(clip('  العبادي:\n مكافحة   الإرهاب ', 80), 'العبادي: مكافحة الإرهاب');
  assert.equal(clip('Hassan Rouhani', 80), 'Hassan Rouhani');
});
