import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../corpus/api/api';
import { buildMenuTemplate } from '../../electron/menu';

function setup(platform: NodeJS.Platform, dev = false) {
  const sent: MenuCommand[] = [];
  let abouts = 0;
  const template = buildMenuTemplate({ command: (c) => sent.push(c), about: () => abouts++ }, { platform, dev });
  const top = (label: string) => {
    const m = template.find((i) => i.label?.replace('&', '') === label);
    assert.ok(m, `menu ${label}`);
    return m.submenu as MenuItemConstructorOptions[];
  };
  const item = (menu: string, label: string) => {
    const found = top(menu).find((i) => i.label === label && i.visible !== false);
    assert.ok(found, `${menu} → ${label}`);
    return found;
  };
  const click = (i: MenuItemConstructorOptions) => (i.click as unknown as () => void)();
  return { template, sent, abouts: () => abouts, top, item, click };
}

test('File has Open Folder… (Ctrl+O), New Article from Clipboard… (Ctrl+Shift+V), each sent to the renderer, and Quit', () => {
  const m = setup('linux');
  assert.deepEqual(m.template.map((i) => i.label ?? i.role), ['&File', '&Edit', '&View', '&Help']);
  const open = m.item('File', 'Open Folder…');
  assert.equal(open.accelerator, 'CmdOrCtrl+O');
  m.click(open);
  assert.deepEqual(m.sent, ['open-folder']);
  const paste = m.item('File', 'New Article from Clipboard…');
  assert.equal(paste.accelerator, 'CmdOrCtrl+Shift+V');
  assert.equal(paste.registerAccelerator, false, 'the window takes the key, so a text field keeps its plain-text paste');
  m.click(paste);
  assert.deepEqual(m.sent, ['open-folder', 'new-article-from-clipboard']);
  const quit = m.top('File').find((i) => i.role === 'quit');
  assert.ok(quit);
  assert.equal(quit.accelerator, 'CmdOrCtrl+Q');
});

test('Edit → Undo and Redo go to the renderer, which owns annotation history', () => {
  const m = setup('linux');
  const undo = m.item('Edit', 'Undo');
  const redo = m.item('Edit', 'Redo');
  assert.equal(undo.accelerator, 'CmdOrCtrl+Z');
  assert.equal(redo.accelerator, 'CmdOrCtrl+Shift+Z');
  assert.equal(undo.role, undefined, 'not the native undo role');
  m.click(undo);
  m.click(redo);
  const ctrlY = m.top('Edit').find((i) => i.accelerator === 'Ctrl+Y');
  assert.ok(ctrlY && ctrlY.visible === false && ctrlY.acceleratorWorksWhenHidden === true);
  m.click(ctrlY);
  assert.deepEqual(m.sent, ['undo', 'redo', 'redo']);
  for (const role of ['cut', 'copy', 'paste', 'selectAll']) assert.ok(m.top('Edit').some((i) => i.role === role), role);
  m.click(m.item('Edit', 'Tags…'));
  m.click(m.item('Edit', 'Analyst Name…'));
  assert.deepEqual(m.sent.slice(3), ['tags', 'analyst']);
});

test('View changes the text size with Ctrl +, Ctrl - and Ctrl 0, and opens side by side, quotations and search (Ctrl+F)', () => {
  const m = setup('win32');
  const expectations: Array<[string, string | undefined, MenuCommand]> = [
    ['Bigger Text', 'CmdOrCtrl+Plus', 'font-bigger'],
    ['Smaller Text', 'CmdOrCtrl+-', 'font-smaller'],
    ['Reset Text Size', 'CmdOrCtrl+0', 'font-reset'],
    ['Side by Side', undefined, 'side-by-side'],
    ['Quotations', undefined, 'quotations'],
    ['Search…', 'CmdOrCtrl+F', 'find'],
  ];
  for (const [label, accelerator, command] of expectations) {
    const i = m.item('View', label);
    assert.equal(i.accelerator, accelerator, label);
    m.click(i);
    assert.equal(m.sent.at(-1), command, label);
  }
  const ctrlEquals = m.top('View').find((i) => i.accelerator === 'CmdOrCtrl+=');
  assert.ok(ctrlEquals && ctrlEquals.acceleratorWorksWhenHidden);
  assert.ok(!m.top('View').some((i) => i.role === 'toggleDevTools' || i.role === 'reload'), 'no developer tools in a packaged app');
  assert.ok(setup('linux', true).top('View').some((i) => i.role === 'toggleDevTools'), 'developer tools in development');
});

test('Help → About shows the About box', () => {
  const m = setup('linux');
  m.click(m.item('Help', 'About Hashiya'));
  assert.equal(m.abouts(), 1);
});

test('on macOS the app menu comes first and holds Quit; File has no Quit', () => {
  const m = setup('darwin');
  assert.equal(m.template[0]!.label, 'Hashiya');
  assert.ok((m.template[0]!.submenu as MenuItemConstructorOptions[]).some((i) => i.role === 'quit'));
  assert.ok(!m.top('File').some((i) => i.role === 'quit'));
  assert.ok(m.template.some((i) => i.role === 'windowMenu'));
});

test('every accelerator is used once per platform', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    const seen = new Map<string, string>();
    const walk = (items: MenuItemConstructorOptions[]) => {
      for (const i of items) {
        if (i.accelerator) {
          const key = String(i.accelerator);
          const what = `${i.label}`;
          const prior = seen.get(key);
          assert.ok(prior === undefined || prior === what, `${platform}: ${key} used by ${prior} and ${what}`);
          seen.set(key, what);
        }
        if (Array.isArray(i.submenu)) walk(i.submenu);
      }
    };
    walk(setup(platform).template);
  }
});
