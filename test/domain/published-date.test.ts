// Which day a saved page was published: the one most of its head's dates name, else the day its
// address files it under. Real cases from the saved-page fixtures, and addresses that must give nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFromAddress, publishedDate } from '../../corpus/extract/html/published-date';

test("when a page's head gives two days, the one its other dates agree on wins, kept as the page writes it", () => {
  // The ICRC page: article:published_time is when the Arabic page went online, months later.
  assert.equal(publishedDate(['2019-12-09T07:49:31+01:00', '2019-10-10T18:00:00+02:00', undefined, '2019-10-10 18:00:00', undefined]), '2019-10-10T18:00:00+02:00');
  assert.equal(publishedDate(['2020-04-07T17:38:00+00:00', '2020-04-07T20:38:00+03:00']), '2020-04-07T17:38:00+00:00', 'agreeing dates: the first in order');
  assert.equal(publishedDate(['2021-09-13', '2021-09-14']), '2021-09-13', 'a tie: the first in order');
  assert.equal(publishedDate(['۱۴۰۲/۰۴/۱۲', undefined]), '۱۴۰۲/۰۴/۱۲', 'a date not in ISO form is kept for the detectors to read');
  assert.equal(publishedDate([undefined, undefined]), undefined);
});

test("a page whose head gives no date is dated by the day its address files it under; an address with no day gives none", () => {
  const cases: Array<[string, string | undefined]> = [
    ['http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html', '2013-08-03'],
    ['https://www.youm7.com/story/2024/5/20/%D9%88%D8%B2%D8%A7%D8%B1%D8%A9/6574622', '2024-05-20'],
    ['https://www.example.com/2020/04/08/news-item', '2020-04-08'],
    // Sputnik files by an id that starts with the date, not by path segments: nothing is guessed.
    ['https://arabic.sputniknews.com/world/202004081045105540-%D8%A7/', undefined],
    ['https://www.example.com/archive/2019/', undefined],
    ['https://www.example.com/2019/13/40/impossible', undefined],
    ['https://www.example.com/2023/2/30/no-such-day', undefined],
    ['https://www.example.com/top/100/5/list', undefined],
    ['not an address', undefined],
  ];
  for (const [url, day] of cases) assert.equal(dateFromAddress(url), day, url);
  console.log(`addresses: ${cases.length}, dated: ${cases.filter(([u]) => dateFromAddress(u)).length}`);
});
