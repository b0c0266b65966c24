// The outlet and date rules ask how long a paragraph is with their own limits; the count they
// share must give each of them what counting the paragraph for that rule alone gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PARAGRAPH_WORDS_COUNTED, paragraphWordsUpTo } from '../../corpus/metadata/paragraph-words';
import { wordsUpTo } from '../../corpus/metadata/word-limit';
import type { Paragraph } from '../../corpus/text/paragraphs';

const para = (text: string): Paragraph => ({ start: 0, end: text.length, text, dir: 'rtl' });

test('a paragraph asked with several limits gets what counting it for each limit gives', () => {
  const texts = [
    '',
    '   ',
    'ایسنا',
    ' منبع : ایسنا ',
    'به گزارش ایرنا، وزیر امور خارجه امروز در نشست خبری گفت که مذاکرات ادامه دارد.',
    Array.from({ length: 44 }, (_, i) => `کلمه${i}`).join(' '),
    Array.from({ length: 45 }, (_, i) => `كلمة${i}`).join(' \u00A0'),
    Array.from({ length: 46 }, (_, i) => `word${i}`).join('\t'),
    Array.from({ length: 300 }, () => 'و').join(' '),
    '© 2024 — | جميع الحقوق محفوظة',
  ];
  for (const text of texts) {
    const p = para(text);
    // In an order that asks a low limit first, then higher ones, then lower again.
    for (const limit of [6, 0, 1, 8, 15, 25, 40, 45, 5, PARAGRAPH_WORDS_COUNTED + 10, 200, 12]) {
      assert.equal(paragraphWordsUpTo(p, limit), wordsUpTo(text, limit), `${limit} in «${text.slice(0, 30)}»`);
    }
  }
});
