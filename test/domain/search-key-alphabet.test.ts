// The key alphabet's word table and non-word class are worked out by one regex pass over the
// BMP; isWordUnit, one code unit at a time, is the reference they must agree with everywhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWordUnit, keyAlphabet, unitSource } from '../../corpus/search/key-alphabet';

test('every code unit is a word unit or not as isWordUnit says, surrogates and the space included', () => {
  const a = keyAlphabet();
  for (let c = 0; c < 0x10000; c++) assert.equal(a.isWord(c), isWordUnit(c), `U+${c.toString(16)}`);
});

test('the non-word class is the runs of the units isWordUnit calls non-word', () => {
  const parts: string[] = [];
  let from = -1;
  for (let c = 0; c <= 0x10000; c++) {
    const non = c < 0x10000 && !isWordUnit(c);
    if (non && from < 0) from = c;
    else if (!non && from >= 0) {
      parts.push(from === c - 1 ? unitSource(from) : `${unitSource(from)}-${unitSource(c - 1)}`);
      from = -1;
    }
  }
  assert.equal(keyAlphabet().nonWord, parts.join(''));
});
