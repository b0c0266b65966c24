import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HashiyaApi } from '../../corpus/api/api';
import { APP_ENTRY_URL } from '../../electron/app-origin';
import { API_CHANNEL, EVENT_CHANNEL, createApiHandler, senderRefusal, type FrameLike } from '../../electron/ipc';

function frame(url: string, processId = 4, routingId = 1, parent: FrameLike | null = null): FrameLike {
  return { url, processId, routingId, parent };
}

/** An API that records every call that reaches it. */
function spyApi() {
  const calls: string[] = [];
  const api = new Proxy({} as HashiyaApi, {
    get: (_t, name) => async (..._args: unknown[]) => {
      calls.push(String(name));
      return { analyst: null, fontSize: 19, corpus: null };
    },
  });
  return { api, calls };
}

test('the API and event channels are fixed names', () => {
  assert.equal(API_CHANNEL, 'hashiya:api');
  assert.equal(EVENT_CHANNEL, 'hashiya:event');
});

test('a call from the app window\'s main frame on the app origin reaches the API', async () => {
  const main = frame(APP_ENTRY_URL);
  const { api, calls } = spyApi();
  const handler = createApiHandler({ api, trustedFrame: () => main });
  const r = await handler({ senderFrame: main }, 'getAppState', []);
  assert.deepEqual(r, { ok: true, value: { analyst: null, fontSize: 19, corpus: null } });
  // The same frame seen through a fresh wrapper object (same process and routing id).
  const r2 = await handler({ senderFrame: frame(`${APP_ENTRY_URL}#reading`) }, 'getAppState', []);
  assert.equal(r2.ok, true);
  assert.deepEqual(calls, ['getAppState', 'getAppState']);
});

test('calls from another frame, another origin, a subframe, or a vanished frame are refused and never reach the API', async () => {
  const main = frame(APP_ENTRY_URL);
  const { api, calls } = spyApi();
  const log: string[] = [];
  const handler = createApiHandler({ api, trustedFrame: () => main, log: (m) => log.push(m) });
  const senders: Array<[string, FrameLike | null]> = [
    ['another window', frame(APP_ENTRY_URL, 9, 1)],
    ['another frame of the same process', frame(APP_ENTRY_URL, 4, 2)],
    ['the window after navigating to the web', frame('https://evil.example/')],
    ['the window showing a file', frame('file:///home/user/evil.html')],
    ['a look-alike origin', frame('app://hashiya.evil/index.html')],
    ['a data URL', frame('data:text/html,hi')],
    ['about:blank', frame('about:blank')],
    ['a subframe of the app', frame(APP_ENTRY_URL, 4, 1, main)],
    ['a destroyed frame', null],
  ];
  for (const [what, sender] of senders) {
    const r = await handler({ senderFrame: sender }, 'getAppState', []);
    assert.equal(r.ok, false, what);
    if (!r.ok) {
      assert.equal(r.error.code, 'forbidden', what);
      assert.match(r.error.message, /^refused: /, what);
    }
  }
  assert.deepEqual(calls, [], 'no refused call reached the API');
  assert.equal(log.length, senders.length, 'each refusal is logged');
  const noWindow = createApiHandler({ api, trustedFrame: () => null });
  const r = await noWindow({ senderFrame: main }, 'getAppState', []);
  assert.equal(r.ok, false);
});

test('a well-placed caller still gets validation: unknown methods and bad arguments are refused', async () => {
  const main = frame(APP_ENTRY_URL);
  const { api, calls } = spyApi();
  const handler = createApiHandler({ api, trustedFrame: () => main });
  for (const [method, args] of [
    ['constructor', []],
    ['__proto__', []],
    ['toString', []],
    ['getAppState', [1]],
    ['getAppState', 'not an array'],
    ['openArticle', [42]],
    [42, []],
  ] as Array<[unknown, unknown]>) {
    const r = await handler({ senderFrame: main }, method, args);
    assert.equal(r.ok, false, `${String(method)} ${JSON.stringify(args)}`);
    if (!r.ok) assert.equal(r.error.code, 'bad-request');
  }
  assert.deepEqual(calls, []);
  assert.equal(senderRefusal(main, main), null);
});
