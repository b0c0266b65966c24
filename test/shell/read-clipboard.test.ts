// File → New Article from Clipboard in the shell: what the system clipboard holds reaches the
// window as text, HTML and, where the browser that copied left it, the page's address. No
// Electron binary: the clipboard is a plain object shaped as Electron's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readClipboardWith, type ClipboardLike } from '../../electron/read-clipboard';

/** A clipboard holding one entry: type → bytes or text, as Electron's `clipboard.read()` gives it. */
function clipboardOf(data: Record<string, string | Buffer>): ClipboardLike {
  return {
    readText: async () => (typeof data['text/plain'] === 'string' ? data['text/plain'] : ''),
    read: async () => [
      {
        types: Object.keys(data),
        getType: async (type: string) => {
          const value = data[type];
          if (value === undefined) throw new Error(`no ${type}`);
          return new Blob([typeof value === 'string' ? value : new Uint8Array(value)]);
        },
      },
    ],
  };
}

const TEXT = 'گفت و گوی تلفنی\nرئیسجمهور گفت';
const HTML = '<meta charset="utf-8"><h1>گفت و گوی تلفنی</h1><p>رئیسجمهور گفت</p>';

test('a selection copied in Chromium on Linux gives its text, its HTML and the page address from chromium/x-source-url', async () => {
  const read = await readClipboardWith(clipboardOf({ 'text/plain': TEXT, 'text/html': HTML, 'chromium/x-source-url': 'https://www.isna.ir/news/1400' }));
  assert.deepEqual(read, { ok: true, value: { text: TEXT, html: HTML, url: 'https://www.isna.ir/news/1400' } });
});

test('Firefox\'s address (UTF-16, the title on its next line) and Windows\'s raw formats are read too', async () => {
  const firefox = await readClipboardWith(clipboardOf({ 'text/plain': TEXT, 'text/x-moz-url-priv': Buffer.from('https://www.aljazeera.net/news/2\nعنوان', 'utf16le') }));
  assert.equal(firefox.ok && firefox.value.url, 'https://www.aljazeera.net/news/2');
  const windows = await readClipboardWith(
    clipboardOf({ 'text/plain': TEXT, 'electron application/osclipboard;format="Chromium internal source URL"': 'https://www.bbc.com/persian/3' }),
  );
  assert.equal(windows.ok && windows.value.url, 'https://www.bbc.com/persian/3');
  const cfHtml = await readClipboardWith(
    clipboardOf({ 'text/plain': TEXT, 'electron application/osclipboard;format="HTML Format"': `Version:0.9\r\nStartHTML:000\r\nSourceURL:https://www.irna.ir/4\r\n${HTML}` }),
  );
  assert.equal(cfHtml.ok && cfHtml.value.url, 'https://www.irna.ir/4');
});

test('an address that is not http(s) is never taken, and a SourceURL inside the markup is not a header', async () => {
  for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'https://a b', '']) {
    const read = await readClipboardWith(clipboardOf({ 'text/plain': TEXT, 'chromium/x-source-url': url }));
    assert.equal(read.ok && read.value.url, null, url);
  }
  const inMarkup = await readClipboardWith(clipboardOf({ 'text/plain': TEXT, 'text/html': '<p>x</p>\nSourceURL:https://evil.example/' }));
  assert.equal(inMarkup.ok && inMarkup.value.url, null);
});

test('an empty clipboard gives empty text and no HTML; one over 20 MB is refused with a plain reason, not cut', async () => {
  assert.deepEqual(await readClipboardWith(clipboardOf({})), { ok: true, value: { text: '', html: null, url: null } });
  const huge = await readClipboardWith(clipboardOf({ 'text/plain': 'ا'.repeat(21 * 1024 * 1024) }));
  assert.ok(!huge.ok && /20 MB/.test(huge.error.message));
});

test('a clipboard that fails to read gives what could be read, never an exception', async () => {
  const broken: ClipboardLike = { readText: async () => Promise.reject(new Error('no X server')), read: async () => Promise.reject(new Error('no X server')) };
  assert.deepEqual(await readClipboardWith(broken), { ok: true, value: { text: '', html: null, url: null } });
});
