// Chrome/Edge "single file" pages (.mhtml) and Internet Explorer's .mht opened to the page's own
// HTML: the page comes out byte for byte (or as the browser's text), with the address it was
// saved from and the saving time as its own clock read it; broken files get a plain sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import net from 'node:net';
import { readMhtml } from '../../corpus/extract/mhtml/read-mhtml';
import { mailDateToIso } from '../../corpus/extract/mhtml/mail-date';
import { ExtractionError } from '../../corpus/extract/types';
import { CHROME_BOUNDARY, PAGES, makeMhtml, pageBytes, quotedPrintable } from '../fixtures/mhtml/make-mhtml';

const utf8 = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);
// A browser's DOM turns CRLF into LF; quoted-printable keeps only "a line ends here".
const asBrowserText = (b: Uint8Array) => utf8(b).replace(/\r\n/g, '\n');
const crlf = (lines: string[]) => new Uint8Array(Buffer.from(lines.join('\r\n'), 'latin1'));

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readMhtml(bytes);
  } catch (e) {
    assert.ok(e instanceof ExtractionError, `an ExtractionError, not ${String(e)}`);
    return e.message;
  }
  assert.fail('the file was read, not refused');
}

for (const p of PAGES) {
  test(`a real Arabic page saved by Chrome (${p.file}) comes out as the page's own text, with its address and saving time`, async () => {
    const original = pageBytes(p.file);
    const mhtml = makeMhtml({ html: original, url: p.url, title: p.title, date: p.date });
    const page = await readMhtml(mhtml);
    assert.equal(asBrowserText(page.html), asBrowserText(original));
    assert.equal(page.charset, null, 'Chrome names no charset on the part: the page <meta> does');
    assert.equal(page.url, p.url);
    assert.equal(page.saved, p.saved);
    assert.equal(page.truncated, false);
    console.log(`${p.file}: ${original.length} page bytes, ${mhtml.length} MHTML bytes, html part ${page.html.length} bytes`);
  });

  test(`a page whose HTML part is base64 (${p.file}) comes out byte for byte`, async () => {
    const original = pageBytes(p.file);
    const page = await readMhtml(makeMhtml({ html: original, url: p.url, title: p.title, date: p.date, htmlEncoding: 'base64' }));
    assert.deepEqual(Buffer.from(page.html), Buffer.from(original));
  });
}

test('an MHTML whose line ends were turned into LF (a git checkout, a copy through a Unix tool) still opens to the page', async () => {
  const p = PAGES[1];
  const original = pageBytes(p.file);
  const lf = Buffer.from(makeMhtml({ html: original, url: p.url, title: p.title, date: p.date })).toString('latin1').replace(/\r\n/g, '\n');
  const page = await readMhtml(new Uint8Array(Buffer.from(lf, 'latin1')));
  assert.equal(asBrowserText(page.html), asBrowserText(original));
  assert.equal(page.truncated, false);
  assert.equal(page.url, p.url);
});

test('Chrome writes quoted-printable with soft breaks and =3D: the generator does, and no line passes 76 characters', () => {
  const qp = quotedPrintable(pageBytes(PAGES[1].file));
  assert.match(qp, /=3D/);
  assert.match(qp, /=\r\n/);
  const longest = Math.max(...qp.split('\r\n').map((l) => l.length));
  assert.ok(longest <= 76, `longest line ${longest}`);
});

test('a page saved in windows-1256 keeps its bytes and its charset, so the HTML extractor decodes it once', async () => {
  const text = '<html><head><title>اخبار</title></head><body><p>قال الوزير إن الاتفاق سيوقع غدا.</p></body></html>';
  const legacy = new Uint8Array(iconv.encode(text, 'windows-1256'));
  const page = await readMhtml(
    makeMhtml({ html: legacy, url: 'https://www.example.ir/news/1', title: 'x', date: 'Sat, 4 Jan 2014 09:15:00 +0330', charset: 'windows-1256' }),
  );
  assert.deepEqual(Buffer.from(page.html), Buffer.from(legacy));
  assert.equal(page.charset, 'windows-1256');
  assert.equal(iconv.decode(Buffer.from(page.html), page.charset), text);
  assert.equal(page.saved, '2014-01-04T09:15:00+03:30');
});

test("an Internet Explorer .mht (no Snapshot-Content-Location, charset on the part) gives the part's address", async () => {
  const mht = crlf([
    'From: <Saved by Windows Internet Explorer 8>',
    'Subject: =?windows-1256?B?x+HO0cjR?=',
    'Date: Tue, 12 Mar 2013 16:20:01 +0430',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    '\tboundary="----=_NextPart_000_0000_01CE1F3A.5B2C4D10"',
    'X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.17609',
    '',
    'This is a multi-part message in MIME format.',
    '',
    '------=_NextPart_000_0000_01CE1F3A.5B2C4D10',
    'Content-Type: text/html;',
    '\tcharset="utf-8"',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: http://www.bbc.co.uk/persian/iran/2013/03/130312_l39_example',
    '',
    quotedPrintable(Buffer.from('<html><body><p>سلام</p></body></html>', 'utf8')),
    '',
    '------=_NextPart_000_0000_01CE1F3A.5B2C4D10--',
    '',
  ]);
  const page = await readMhtml(mht);
  assert.equal(utf8(page.html), '<html><body><p>سلام</p></body></html>\n', 'the blank line IE leaves before the boundary is the page\'s');
  assert.equal(page.charset, 'utf-8');
  assert.equal(page.url, 'http://www.bbc.co.uk/persian/iran/2013/03/130312_l39_example');
  assert.equal(page.saved, '2013-03-12T16:20:01+04:30');
});

function twoHtmlParts(extraRootParams: string): Uint8Array {
  const b = 'BOUNDARY-x1';
  return crlf([
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://news.example.com/article/7',
    'Date: Mon, 6 Dec 2021 10:11:12 +0330',
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; type="text/html"; boundary="${b}"${extraRootParams}`,
    '',
    `--${b}`,
    'Content-Type: text/html',
    'Content-ID: <frame-AD@mhtml.blink>',
    'Content-Location: https://ads.example.net/frame.html',
    '',
    '<html><body>advert</body></html>',
    `--${b}`,
    'Content-Type: text/html',
    'Content-ID: <frame-MAIN@mhtml.blink>',
    'Content-Location: https://news.example.com/article/7',
    '',
    '<html><body>article</body></html>',
    `--${b}--`,
    '',
  ]);
}

test("an advert frame saved before the page is not taken for the page: the part at the snapshot's address is", async () => {
  const page = await readMhtml(twoHtmlParts(''));
  assert.equal(utf8(page.html), '<html><body>article</body></html>');
  assert.equal(page.url, 'https://news.example.com/article/7');
  assert.equal(page.saved, '2021-12-06T10:11:12+03:30');
});

test('the part the start parameter names is the page, whatever the order', async () => {
  const page = await readMhtml(twoHtmlParts('; start="<frame-MAIN@mhtml.blink>"'));
  assert.equal(utf8(page.html), '<html><body>article</body></html>');
});

test('the saving time keeps the offset the file wrote, never shifted to UTC', () => {
  const cases: Array<[string, string | undefined]> = [
    ['Mon, 6 Dec 2021 10:11:12 +0330', '2021-12-06T10:11:12+03:30'],
    ['Fri, 18 Jul 2025 14:21:01 +0700', '2025-07-18T14:21:01+07:00'],
    ['Fri, 30 Jul 2021 00:24:07 -0000', '2021-07-30T00:24:07+00:00'],
    ['Mon, 1 Jan 2024 12:00:00 GMT', '2024-01-01T12:00:00+00:00'],
    ['Tue, 9 Mar 2021 04:05 -0500 (EST)', '2021-03-09T04:05:00-05:00'],
    ['9 Mar 99 04:05:06 PDT', '1999-03-09T04:05:06-07:00'],
    ['Mon, 31 Feb 2021 10:11:12 +0330', undefined],
    ['yesterday', undefined],
  ];
  for (const [header, iso] of cases) assert.equal(mailDateToIso(header), iso, header);
});

test('a plain HTML page renamed .mhtml is refused: it is not MIME at all', async () => {
  const message = await refusal(pageBytes(PAGES[0].file));
  assert.equal(message, 'This file is not a saved web page archive (MHTML): it does not start with MIME headers.');
  assert.match(await refusal(new Uint8Array(0)), /not a saved web page archive/);
  assert.match(await refusal(crlf(['Subject: hello', '', 'just text'])), /not a saved web page archive/);
});

test('an MHTML with no HTML part (only an image) is refused with the reason', async () => {
  const message = await refusal(
    crlf([
      'From: <Saved by Blink>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"; boundary="b"',
      '',
      '--b',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '--b--',
      '',
    ]),
  );
  assert.equal(message, 'This saved page (MHTML) holds no web page: none of its parts is HTML.');
});

test('a cut-off MHTML whose page part is there is read, and says it was cut off', async () => {
  const p = PAGES[0];
  const original = pageBytes(p.file);
  // The image and the closing boundary are lost; the page part is whole.
  const page = await readMhtml(makeMhtml({ html: original, url: p.url, title: p.title, date: p.date, cutBytes: 40 }));
  assert.equal(page.truncated, true);
  assert.equal(asBrowserText(page.html), asBrowserText(original));
  assert.equal(page.url, p.url);

  // Cut inside the page part: what there is comes out, as the start of the page.
  const whole = makeMhtml({ html: original, url: p.url, title: p.title, date: p.date });
  const half = await readMhtml(whole.subarray(0, Math.floor(whole.length / 2)));
  assert.equal(half.truncated, true);
  const text = new TextDecoder().decode(half.html);
  assert.ok(text.length > 100_000 && asBrowserText(original).startsWith(text.slice(0, -2)), 'a prefix of the page');
});

test('a cut-off MHTML that ends before its page part is refused as incomplete', async () => {
  const whole = Buffer.from(makeMhtml({ html: pageBytes(PAGES[1].file), url: 'https://x.example/', title: 't', date: 'Mon, 6 Dec 2021 10:11:12 +0330' }));
  const cut = whole.subarray(0, whole.indexOf('\r\nContent-Location') + 10);
  assert.equal(
    await refusal(new Uint8Array(cut)),
    'This saved page (MHTML) is cut off before the page itself: the file is incomplete.',
  );
});

test('a page part in a charset nobody knows is refused, naming the charset', async () => {
  const message = await refusal(
    makeMhtml({ html: Buffer.from('<p>x</p>'), url: 'https://x.example/', title: 't', date: 'Mon, 6 Dec 2021 10:11:12 +0330', charset: 'x-klingon-8' }),
  );
  assert.equal(message, 'This saved page (MHTML) is in the character set "x-klingon-8", which Hashiya cannot read.');
});

test('a 20 MB MHTML finishes (does not hang) and gives the whole page', async () => {
  const p = PAGES[0];
  const one = pageBytes(p.file);
  const copies = Math.ceil((17 * 1024 * 1024) / one.length);
  const big = Buffer.concat(Array.from({ length: copies }, () => Buffer.from(one)));
  const mhtml = makeMhtml({ html: big, url: p.url, title: p.title, date: p.date, boundary: CHROME_BOUNDARY });
  assert.ok(mhtml.length >= 20 * 1024 * 1024, `${mhtml.length} bytes`);
  const started = performance.now();
  const page = await readMhtml(mhtml);
  const ms = performance.now() - started;
  console.log(`20 MB MHTML: ${(mhtml.length / 1024 / 1024).toFixed(1)} MB file, ${(page.html.length / 1024 / 1024).toFixed(1)} MB page, read in ${ms.toFixed(0)} ms`);
  assert.equal(page.html.length, big.length - countCr(big), 'every byte but the CRs of CRLF line ends');
  assert.ok(ms < 120_000, 'finishes well within two minutes');
});

test('nothing in a saved page runs or is fetched: a page full of scripts and remote images is only unpacked', async () => {
  const hostile = '<html><body><script>globalThis.ran = true</script><img src="https://tracker.example/p.gif" onerror="globalThis.ran = true"><iframe src="https://evil.example/"></iframe><p>text</p></body></html>';
  const opened: string[] = [];
  const realFetch = globalThis.fetch;
  const realConnect = net.Socket.prototype.connect;
  globalThis.fetch = (async (input: unknown) => {
    opened.push(String(input));
    throw new Error('no network');
  }) as typeof fetch;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    opened.push(JSON.stringify(args[0]));
    throw new Error('no network');
  } as typeof net.Socket.prototype.connect;
  try {
    const page = await readMhtml(
      makeMhtml({ html: Buffer.from(hostile, 'utf8'), url: 'https://x.example/', title: 't', date: 'Mon, 6 Dec 2021 10:11:12 +0330', frameHtml: '<script>globalThis.ran = true</script>' }),
    );
    assert.equal(utf8(page.html), hostile);
  } finally {
    globalThis.fetch = realFetch;
    net.Socket.prototype.connect = realConnect;
  }
  assert.deepEqual(opened, [], 'no connection was attempted');
  assert.equal((globalThis as { ran?: boolean }).ran, undefined, 'no script ran');
});

function countCr(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length - 1; i++) if (b[i] === 0x0d && b[i + 1] === 0x0a) n++;
  return n;
}
