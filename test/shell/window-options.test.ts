import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserWindowConstructorOptions } from 'electron';
import { WINDOW_TITLE, openMainWindow } from '../../electron/window-options';

function optionsOf(input: Parameters<typeof openMainWindow>[1]): BrowserWindowConstructorOptions {
  let seen: BrowserWindowConstructorOptions | null = null;
  class RecordingWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      seen = options;
    }
  }
  const win = openMainWindow(RecordingWindow, input);
  assert.ok(win instanceof RecordingWindow);
  assert.ok(seen, 'the window constructor was called');
  return seen;
}

test('the app window is titled Hashiya and runs its page isolated, sandboxed and without Node', () => {
  const options = optionsOf({ preload: '/app/out/preload/preload.cjs' });
  assert.equal(options.title, WINDOW_TITLE);
  assert.equal(WINDOW_TITLE, 'Hashiya');
  const web = options.webPreferences;
  assert.ok(web);
  // Each is set explicitly (not left to a default that could change).
  assert.equal(web.contextIsolation, true);
  assert.equal(web.sandbox, true);
  assert.equal(web.nodeIntegration, false);
  assert.equal(web.nodeIntegrationInWorker, false);
  assert.equal(web.nodeIntegrationInSubFrames, false);
  assert.equal(web.webSecurity, true);
  assert.equal(web.allowRunningInsecureContent, false);
  assert.equal(web.experimentalFeatures, false);
  assert.equal(web.webviewTag, false);
  assert.equal(web.navigateOnDragDrop, false);
  assert.equal(web.spellcheck, false, 'no dictionary downloads');
  assert.match(String(web.disableBlinkFeatures), /Auxclick/);
  assert.equal(web.enableBlinkFeatures, undefined);
  assert.equal(web.preload, '/app/out/preload/preload.cjs');
  assert.equal(options.show, false, 'shown on ready-to-show, no unstyled flash');
});

test('developer tools are off unless the shell runs in development', () => {
  assert.equal(optionsOf({ preload: '/p.cjs' }).webPreferences?.devTools, false);
  assert.equal(optionsOf({ preload: '/p.cjs', devTools: true }).webPreferences?.devTools, true);
});

test('the window icon is only set when one is given', () => {
  assert.equal(optionsOf({ preload: '/p.cjs' }).icon, undefined);
  assert.equal(optionsOf({ preload: '/p.cjs', icon: '/i.png' }).icon, '/i.png');
});
