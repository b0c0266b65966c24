// How the reading view's header writes an article's date: a person's words with the ISO day
// beside them, or, for a page's machine timestamp, the day as citations write it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateAsShown } from '../../corpus/text/english-date';

test('a saved page’s declared timestamp is shown as its day, never as the raw ISO timestamp', () => {
  assert.deepEqual(dateAsShown({ iso: '2024-05-20', original: '2024-05-20T07:00:00Z' }), { written: null, day: '20 May 2024', timestamp: '2024-05-20T07:00:00Z' });
  assert.deepEqual(dateAsShown({ iso: '2021-09-13', original: '2021-09-13T08:30:00+04:30' }), { written: null, day: '13 Sep 2021', timestamp: '2021-09-13T08:30:00+04:30' });
  assert.deepEqual(dateAsShown({ iso: '2013-08-03', original: '2013-08-03' }), { written: null, day: '3 Aug 2013', timestamp: '2013-08-03' });
});

test('a date as an article writes it keeps its words, with the ISO day beside them', () => {
  assert.deepEqual(dateAsShown({ iso: '2021-09-13', original: '۲۲ شهریور ۱۴۰۰' }), { written: '۲۲ شهریور ۱۴۰۰', day: '2021-09-13', timestamp: null });
  assert.deepEqual(dateAsShown({ iso: null, original: '۲۲ شهریور' }), { written: '۲۲ شهریور', day: null, timestamp: null });
});

test('a day given only as ISO (a correction with no words) is written out', () => {
  assert.deepEqual(dateAsShown({ iso: '2013-08-03', original: '' }), { written: null, day: '3 Aug 2013', timestamp: null });
});
