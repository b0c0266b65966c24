// Justified Persian as LibreOffice writes it: a word stretched by kashida glyphs that map to a
// control character (U+0005) comes back whole, and a lam-alef inside a word the stretch split
// into two glyph runs is still mended from its glyphs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mendArabicLetters, withoutControls } from '../../corpus/extract/pdf/arabic-letters';
import { applyRepairs, glyphRuns, ligatureRepairs } from '../../corpus/extract/pdf/ligature-order';

test('a justified word stretched by kashida glyphs comes back whole, so search finds it: عراق, not ع\\u0005\\u0005راق', () => {
  assert.equal(withoutControls('ع\u0005\u0005راق، تروریس\u0005\u0005تی'), 'عراق، تروریستی');
  assert.equal(withoutControls('line one\nline\ttwo'), 'line one\nline\ttwo', 'newlines and tabs are not control glyphs');
});

test('a lam-alef in a word the justification drew as two runs, kashida between, is mended (حجت‌الاسلام, not حجتالاسالم)', () => {
  // As the operator list of a LibreOffice PDF gives it, each run's glyphs left to right.
  const glyphs = (...u: string[]) => u.map((unicode) => ({ unicode }));
  const list = { fnArray: [7, 7, 7], argsArray: [[glyphs('س', 'م', 'ل', 'ا', 'و', ' ', 'م', 'لا')], [glyphs('\u0005', '\u0005')], [glyphs('س', 'لا', 'ا', 'ت', 'ج', 'ح')]] };
  const runs = glyphRuns(list, new Set([7]));
  assert.equal(runs.length, 2, 'the kashida run is no run of letters');
  const repairs = ligatureRepairs(runs, mendArabicLetters);
  assert.equal(applyRepairs(mendArabicLetters('حجتاالسالم والمسلمین'), repairs), 'حجتالاسلام والمسلمین');
});
