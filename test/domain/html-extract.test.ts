// Saved web pages read as articles: the main text by Readability with the page's furniture
// left out, the head's own metadata (headline, site, date, address), legacy charsets, and
// nothing in a page ever run or fetched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { extractHtml, HTML_EXTRACTOR } from '../../corpus/extract/html/extract-html';
import { ExtractionError } from '../../corpus/extract/types';
import { MAX_ARTICLE_BYTES } from '../../corpus/text/decode';

const PAGES = new URL('../fixtures/pages/', import.meta.url);

interface Truth {
  headline?: string | null;
  site?: string | null;
  date?: string | null;
  url?: string | null;
  first_words?: string | null;
  last_words?: string | null;
}

/** The fixtures' comparison: NFKC, then every run of white space as one space. */
const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
const decodedUrl = (u: string) => {
  try {
    return decodeURI(u);
  } catch {
    return u;
  }
};
const utf8 = (s: string) => new TextEncoder().encode(s);

test('real saved news pages: the body comes out whole and the head gives headline, site, date and address', () => {
  const truth = JSON.parse(readFileSync(new URL('truth.json', PAGES), 'utf8')) as Record<string, Truth>;
  const fields = ['headline', 'site', 'date', 'url', 'first words', 'last words'] as const;
  const tally = Object.fromEntries(fields.map((f) => [f, { held: 0, tried: 0 }])) as Record<(typeof fields)[number], { held: number; tried: number }>;
  const misses: string[] = [];
  const wrong: string[] = [];
  const check = (page: string, field: (typeof fields)[number], expected: string | null | undefined, ok: () => boolean, got: unknown) => {
    if (expected === null || expected === undefined) return;
    tally[field].tried++;
    if (ok()) tally[field].held++;
    else (got === undefined || field.endsWith('words') ? misses : wrong).push(`${page} ${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  };
  for (const [page, t] of Object.entries(truth)) {
    const file = new URL(page, PAGES);
    if (!existsSync(file)) continue;
    const started = Date.now();
    const { text, meta } = extractHtml(new Uint8Array(readFileSync(file)));
    console.log(`${page}: ${text.length} characters in ${Date.now() - started} ms`);
    const body = fold(text);
    check(page, 'headline', t.headline, () => fold(meta.title ?? '') === fold(t.headline!), meta.title);
    check(page, 'site', t.site, () => fold(meta.site ?? '') === fold(t.site!), meta.site);
    check(page, 'date', t.date, () => (meta.published ?? '').slice(0, 10) === t.date, meta.published);
    check(page, 'url', t.url, () => decodedUrl(meta.url ?? '') === decodedUrl(t.url!), meta.url);
    const first = t.first_words ? body.indexOf(fold(t.first_words)) : -1;
    const last = t.last_words ? body.lastIndexOf(fold(t.last_words)) : -1;
    check(page, 'first words', t.first_words, () => first >= 0 && first <= 400, body.slice(0, 200));
    check(page, 'last words', t.last_words, () => last > first && last + fold(t.last_words!).length >= body.length - 400, body.slice(-200));
  }
  console.log(fields.map((f) => `${f} ${tally[f].held}/${tally[f].tried}`).join(', '));
  for (const miss of misses) console.log(`miss: ${miss}`);
  for (const w of wrong) console.log(`wrong: ${w}`);
  assert.ok(tally.headline.tried >= 2, 'the fixture pages were not found');
  // What the page's head says is never wrong; a date the head does not give (CNN Arabic's 2013
  // template has only its address and a last-update stamp) is left for the text's detectors.
  assert.deepEqual(wrong, []);
  for (const f of fields.filter((f) => f !== 'date')) assert.ok(tally[f].held >= 0.9 * tally[f].tried, `${f}: ${tally[f].held}/${tally[f].tried}\n${misses.join('\n')}`);
});

test('a page in Windows-1256, declared in a <meta>, reads as the Arabic it was written in', () => {
  const sample = readFileSync(new URL('../../corpus/sample/002_b7e8f03d4cd73c5b.txt', import.meta.url), 'utf8');
  const paragraphs = sample
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 80 && iconv.decode(iconv.encode(p, 'windows-1256'), 'windows-1256') === p)
    .slice(0, 6);
  assert.ok(paragraphs.length >= 4, 'the sample article has too few paragraphs that Windows-1256 can hold');
  for (const declaration of ['<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">', '<meta charset="windows-1256">']) {
    const html = `<html lang="ar" dir="rtl"><head>${declaration}<title>روحاني يؤكد للكاظمي</title></head><body><article><h1>روحاني يؤكد للكاظمي</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
    const bytes = iconv.encode(html, 'windows-1256');
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the page must not be valid UTF-8 for this test to mean anything');
    const { text, meta } = extractHtml(new Uint8Array(bytes));
    for (const p of paragraphs) assert.ok(text.split('\n\n').includes(p), `paragraph missing or changed: ${p.slice(0, 40)}…`);
    assert.equal(meta.title, 'روحاني يؤكد للكاظمي');
    assert.equal(meta.language, 'ar');
  }
});

test('a page that declares nothing and is not UTF-8 is read as Windows-1256, the legacy Arabic code page', () => {
  const p = 'قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة، بعد توقف دام شهرين بسبب الخلاف على جدول الأعمال.';
  const bytes = iconv.encode(`<html><body><p>${p}</p></body></html>`, 'windows-1256');
  assert.equal(extractHtml(new Uint8Array(bytes)).text, p);
});

test('JSON-LD inside @graph gives the headline, publisher, authors and date, with the outlet\'s own offset kept; broken blocks are passed over', () => {
  const graph = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'ایسنا' },
      {
        '@type': ['NewsArticle'],
        headline: 'افزایش قیمت&zwnj;ها در بازار تهران',
        datePublished: '2021-09-13T08:30:00+04:30',
        author: [{ '@type': 'Person', name: 'مریم احمدی' }, { name: 'علی رضایی' }],
        publisher: { '@type': 'Organization', name: 'خبرگزاری دانشجویان ایران' },
      },
    ],
  };
  const html = `<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "broken</script>
    <script type="application/ld+json">[{"@type":"BreadcrumbList","itemListElement":[]}]</script>
    <script type="application/ld+json">${JSON.stringify(graph)}</script>
    <title>عنوان دیگر | ایسنا</title></head>
    <body><h1>عنوان دیگر</h1><article><p>بازار تهران امروز شاهد افزایش قیمت‌ها بود و فروشندگان از کاهش خرید خبر دادند.</p></article></body></html>`;
  const { meta } = extractHtml(utf8(html));
  assert.equal(meta.title, 'افزایش قیمت\u200cها در بازار تهران');
  assert.equal(meta.site, 'خبرگزاری دانشجویان ایران');
  assert.equal(meta.author, 'مریم احمدی, علی رضایی');
  assert.equal(meta.published, '2021-09-13T08:30:00+04:30');
  assert.equal(meta.language, 'fa');
});

test('the site\'s name is cut from the end of a title, and the address comes from the browser\'s "saved from" comment when the head has none', () => {
  const html = `<!-- saved from url=(0043)https://www.isna.ir/news/1400062216/sample -->
    <html><head><meta property="og:site_name" content="ایسنا"><title>سیل در شمال کشور - ایسنا</title></head>
    <body><p>باران شدید در استان‌های شمالی باعث جاری شدن سیل در چند روستا شد و راه‌های ارتباطی بسته شد.</p></body></html>`;
  const { meta, text } = extractHtml(utf8(html), { saved: '2021-09-14T10:00:00+04:30' });
  assert.equal(meta.title, 'سیل در شمال کشور');
  assert.equal(meta.url, 'https://www.isna.ir/news/1400062216/sample');
  assert.equal(meta.saved, '2021-09-14T10:00:00+04:30');
  assert.ok(text.includes('استان‌های'), 'the ZWNJ inside a word is kept');
});

test('the author is a person: an article:author that is a profile address, or the outlet named as author, is not taken; a relative canonical resolves against og:url', () => {
  const html = `<html><head><meta property="og:site_name" content="LBCI"><meta property="og:url" content="https://www.lbcgroup.tv/news/1/ar">
    <link rel="canonical" href="/news/1/slug/ar"><meta name="author" content="LBCI"><meta property="article:author" content="https://www.facebook.com/lbci">
    <meta property="article:published_time" content="2026-01-08T12:42:00+02:00"></head>
    <body><article><p>أثار ظهور المسؤول في المؤتمر الصحافي موجة واسعة من التعليقات على مواقع التواصل الاجتماعي.</p></article></body></html>`;
  const { meta } = extractHtml(utf8(html));
  assert.equal(meta.author, undefined);
  assert.equal(meta.url, 'https://www.lbcgroup.tv/news/1/slug/ar');
  assert.equal(meta.published, '2026-01-08T12:42:00+02:00');
});

test('paragraphs: blocks, in-body subheadings and <br><br> runs each make one paragraph, spaces folded, letters untouched', () => {
  const lines = [
    'نخستین بند گزارش درباره‌ی وضعیت اقتصادی کشور است که با رشد قیمت‌ها همراه شده است و مردم نگران‌اند.',
    'زیرعنوان گزارش',
    'دومین بند با   فاصله‌های   زیاد نوشته شده و رقم‌های ۱۲٫۵ درصد و 3.4 درصد را در خود دارد، چنان که در روزنامه آمده.',
    'سومین بند پس از دو شکست خط آمده است و باید بندی جدا باشد، همان‌گونه که خواننده آن را می‌بیند.',
    'چهارمین بند در فهرستی آمده است که هر مورد آن بندی جداست، با نشانی‌ها و نام‌ها که خواننده می‌شناسد.',
  ];
  const html = `<html><head><title>گزارش اقتصادی</title></head><body><nav><a href="/">خانه</a> <a href="/a">اقتصاد</a></nav>
    <div class="article-body"><p>${lines[0]}</p><h2>${lines[1]}</h2><p>${lines[2]}<br><br>${lines[3]}</p><ul><li>${lines[4]}</li></ul></div>
    <footer><a href="/about">درباره ما</a></footer></body></html>`;
  const { text } = extractHtml(utf8(html));
  assert.deepEqual(text.split('\n\n'), lines.map((l) => l.replace(/\s+/g, ' ')));
  assert.ok(!/\n{3}|\r/.test(text));
});

test('a page with no article text is refused with a plain sentence, not a stack trace', () => {
  const html = '<html><head><title>x</title><style>body{color:red}</style></head><body><script>document.write("hello")</script><div>   </div><img src="a.png"></body></html>';
  assert.throws(
    () => extractHtml(utf8(html)),
    (e: unknown) => e instanceof ExtractionError && /has no article text/.test(e.message) && !/\bat \w|undefined|null/.test(e.message),
  );
});

test('nothing in a page runs and nothing is fetched: scripts, images, styles, frames and handlers make no request', async () => {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    console.log(`request received: ${req.url}`);
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const html = `<!DOCTYPE html><html><head>
      <link rel="stylesheet" href="${base}/style.css"><script src="${base}/script.js"></script>
      <script>document.body && 0; window.__hashiyaRan = true; new Image().src = "${base}/from-script"; document.write("<p>SCRIPT-RAN " + "written by a script</p>");</script>
      </head><body onload="new Image().src='${base}/onload'">
      <article><p>المقال الحقيقي يبدأ هنا ويحكي عن الاجتماع الذي عقد في القاهرة أمس بين الوفدين لمناقشة الاتفاق.</p>
      <img src="${base}/image.jpg" onerror="new Image().src='${base}/onerror'"><picture><source srcset="${base}/source.webp"></picture>
      <iframe src="${base}/frame.html"></iframe><object data="${base}/object.swf"></object><embed src="${base}/embed.swf"><video src="${base}/video.mp4" poster="${base}/poster.jpg"></video>
      <p>وفي ختام الاجتماع اتفق الطرفان على مواصلة المشاورات الشهر المقبل في عمان لاستكمال البحث في التفاصيل.</p></article>
      <script>window.__hashiyaRan = true; fetch("${base}/fetch");</script></body></html>`;
    const { text } = extractHtml(utf8(html));
    // Give any request a stray loader might have started the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    console.log(`requests made: ${hits}`);
    assert.equal(hits, 0);
    assert.ok(!text.includes('SCRIPT-RAN'), 'a script ran and wrote into the page');
    assert.ok(!('__hashiyaRan' in globalThis));
    assert.ok(text.includes('المقال الحقيقي') && text.includes('مواصلة المشاورات'));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a 20 MB saved page (inline scripts, styles and images around a real article) is read and finishes', () => {
  const page = readFileSync(new URL('ar_01_youm7_magichtml.html', PAGES), 'utf8');
  const target = 20 * 1024 * 1024 - 64 * 1024;
  const filler = (n: number, unit: string) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  const room = target - Buffer.byteLength(page);
  const extra =
    `<script>var data = "${filler(Math.floor(room * 0.55), 'abcdefghij')}";</script>` +
    `<style>${filler(Math.floor(room * 0.2), '.a{color:red}')}</style>` +
    `<img src="data:image/png;base64,${filler(Math.floor(room * 0.25), 'iVBORw0KGgo')}">`;
  const html = page.replace('</head>', `${extra}</head>`);
  const bytes = utf8(html);
  const started = Date.now();
  const { text } = extractHtml(bytes);
  console.log(`${(bytes.length / 1024 / 1024).toFixed(1)} MB page read in ${Date.now() - started} ms, ${text.length} characters of text`);
  assert.ok(text.includes(fold('لكافة الطلبيات الخاصة بهذا الشأن')));
});

test('a page larger than 20 MB is refused with its size in a plain sentence, before anything is parsed', () => {
  const bytes = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
  assert.throws(
    () => extractHtml(bytes),
    (e: unknown) => e instanceof ExtractionError && /20\.0 MB, larger than the 20 MB/.test(e.message),
  );
});

test('a page nested 5,000 elements deep is read from its body (Readability is not run on it) and does not overflow', () => {
  const p = 'نص المقال في أعماق الصفحة، طويل بما يكفي ليقرأه القارئ كما هو دون تغيير في حروفه.';
  const html = `<html><body>${'<div>'.repeat(5000)}<p>${p}</p>${'</div>'.repeat(5000)}</body></html>`;
  const started = Date.now();
  const { text } = extractHtml(utf8(html));
  console.log(`5,000 levels deep: read in ${Date.now() - started} ms`);
  assert.equal(text, p);
});

test('the extractor names itself and its version: Readability\'s release and our own revision', () => {
  assert.match(HTML_EXTRACTOR.version, /^\d+\.\d+\.\d+\/\d+$/);
  const installed = (JSON.parse(readFileSync(new URL('../../node_modules/@mozilla/readability/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  assert.ok(HTML_EXTRACTOR.version.startsWith(`${installed}/`), `the extractor names the installed Readability (${installed}): update READABILITY_VERSION in corpus/extract/html/dom.ts`);
  assert.equal(HTML_EXTRACTOR.name, 'readability');
});
