import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_ORIGIN } from '../../electron/app-origin';
import {
  applyNavigationPolicy,
  decideNavigation,
  decideRedirect,
  decideWindowOpen,
  shouldCancelRequest,
  type PolicyContents,
} from '../../electron/navigation';
import { applyPermissionPolicy, decidePermission, type PolicySession } from '../../electron/permissions';

type Listener = (...args: unknown[]) => void;

/** Just enough of a webContents to record what the policy wires in. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => unknown) | null = null;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      openHandler = handler;
    },
  };
  const emit = (name: string, ...args: unknown[]) => {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true), url: typeof args[0] === 'string' ? args[0] : '' };
    for (const l of listeners.get(name) ?? []) l(event, ...args);
    return prevented;
  };
  return { contents: contents as unknown as PolicyContents, emit, openWindow: (url: string) => openHandler?.({ url }), listeners };
}

const URLS = [
  'https://example.com/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  `${APP_ORIGIN}/index.html`,
  `${APP_ORIGIN}/other.html`,
  'app://evil/index.html',
  'chrome://settings',
  'about:blank',
];

test('the window never navigates: links, script, forms and frames are all stopped', () => {
  for (const url of URLS) assert.equal(decideNavigation(url).allow, false, url);
  const { contents, emit, listeners } = fakeContents();
  const log: string[] = [];
  applyNavigationPolicy(contents, (m) => log.push(m));
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) assert.ok(listeners.has(event), `${event} is handled`);
  for (const url of URLS) {
    assert.equal(emit('will-navigate', url), true, `will-navigate ${url} prevented`);
    assert.equal(emit('will-frame-navigate', url), true, `will-frame-navigate ${url} prevented`);
  }
  assert.ok(log.some((m) => m.includes('blocked navigation to https://example.com/')));
});

test('redirects away from the app are stopped', () => {
  const { contents, emit } = fakeContents();
  applyNavigationPolicy(contents);
  for (const url of URLS.filter((u) => !u.startsWith(APP_ORIGIN))) {
    assert.equal(decideRedirect(url).allow, false, url);
    assert.equal(emit('will-redirect', url), true, url);
  }
});

test('new windows and webviews are refused', () => {
  assert.deepEqual(decideWindowOpen(), { action: 'deny' });
  const { contents, emit, openWindow } = fakeContents();
  applyNavigationPolicy(contents);
  for (const url of URLS) assert.deepEqual(openWindow(url), { action: 'deny' }, url);
  assert.equal(emit('will-attach-webview', {}, {}), true);
});

test('nothing leaves the machine: remote and file requests are cancelled, the app origin is not', () => {
  for (const url of ['https://fonts.googleapis.com/css', 'http://example.com/x.png', 'ws://localhost:1/', 'wss://x/', 'ftp://x/y', 'file:///etc/passwd', 'app://evil/x.js', 'gopher://x', 'not a url']) {
    assert.equal(shouldCancelRequest(url), true, url);
  }
  for (const url of [`${APP_ORIGIN}/app.js`, 'data:image/png;base64,AAAA', 'blob:app://hashiya/1234', 'devtools://devtools/bundled/x.js']) {
    assert.equal(shouldCancelRequest(url), false, url);
  }
});

const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'openExternal', 'hid', 'serial', 'usb', 'midi', 'midiSysex', 'pointerLock', 'keyboardLock', 'idle-detection', 'fileSystem', 'storage-access', 'window-management', 'unknown'];

test('every permission request and check is denied', async () => {
  for (const p of PERMISSIONS) assert.equal(decidePermission(p), false, p);
  type Handler = (...args: unknown[]) => unknown;
  const handlers: Record<string, Handler> = {};
  let webRequestFilter: { urls: string[] } | null = null;
  let beforeRequest: Handler | null = null;
  const session = {
    setPermissionRequestHandler: (h: Handler) => (handlers.request = h),
    setPermissionCheckHandler: (h: Handler) => (handlers.check = h),
    setDevicePermissionHandler: (h: Handler) => (handlers.device = h),
    setDisplayMediaRequestHandler: (h: Handler) => (handlers.display = h),
    webRequest: {
      onBeforeRequest: (filter: { urls: string[] }, h: Handler) => {
        webRequestFilter = filter;
        beforeRequest = h;
      },
    },
  };
  applyPermissionPolicy(session as unknown as PolicySession);
  for (const p of PERMISSIONS) {
    const granted = await new Promise<unknown>((done) => handlers.request!({}, p, done, { requestingUrl: `${APP_ORIGIN}/` }));
    assert.equal(granted, false, `request ${p}`);
    assert.equal(handlers.check!({}, p, `${APP_ORIGIN}`, {}), false, `check ${p}`);
  }
  assert.equal(handlers.device!({ deviceType: 'usb', origin: APP_ORIGIN }), false);
  const streams = await new Promise<unknown>((done) => handlers.display!({}, done));
  assert.equal(streams, null, 'screen capture gets no stream');
  assert.ok(webRequestFilter);
  const filter = webRequestFilter as { urls: string[] };
  for (const scheme of ['http', 'https', 'ws', 'wss', 'file']) assert.ok(filter.urls.some((u) => u.startsWith(`${scheme}://`)), scheme);
  const verdict = await new Promise<unknown>((done) => beforeRequest!({ url: 'https://example.com/track.gif' }, done));
  assert.deepEqual(verdict, { cancel: true });
});
