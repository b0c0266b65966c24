// The application menu as a plain template. Commands that change the reading view or the
// annotations (undo/redo included: the renderer owns annotation history) are sent to the
// renderer as menu events; only OS-level actions use Electron roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../corpus/api/api';

export interface MenuActions {
  /** Sends a menu command to the renderer. */
  command(command: MenuCommand): void;
  /** Shows the About box. */
  about(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Adds Reload and Developer Tools. */
  dev: boolean;
  appName?: string;
}

export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const name = options.appName ?? 'Hashiya';
  const send = (command: MenuCommand) => () => actions.command(command);

  const appMenu: MenuItemConstructorOptions = {
    label: name,
    submenu: [
      { label: `About ${name}`, click: () => actions.about() },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', label: `Quit ${name}` },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: send('open-folder') },
      // The window takes the key (outside text fields, where Ctrl+Shift+V pastes as plain text), so
      // the menu shows it without registering it.
      { label: 'New Article from Clipboard…', accelerator: 'CmdOrCtrl+Shift+V', registerAccelerator: false, click: send('new-article-from-clipboard') },
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' }] as MenuItemConstructorOptions[])),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
      { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: send('redo') },
      ...(mac ? [] : ([{ label: 'Redo', accelerator: 'Ctrl+Y', click: send('redo'), visible: false, acceleratorWorksWhenHidden: true }] as MenuItemConstructorOptions[])),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Tags…', click: send('tags') },
      { label: 'Analyst Name…', click: send('analyst') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Bigger Text', accelerator: 'CmdOrCtrl+Plus', click: send('font-bigger') },
      // Ctrl+= is the same key without Shift on most layouts.
      { label: 'Bigger Text', accelerator: 'CmdOrCtrl+=', click: send('font-bigger'), visible: false, acceleratorWorksWhenHidden: true },
      { label: 'Smaller Text', accelerator: 'CmdOrCtrl+-', click: send('font-smaller') },
      { label: 'Reset Text Size', accelerator: 'CmdOrCtrl+0', click: send('font-reset') },
      { type: 'separator' },
      { label: 'Side by Side', click: send('side-by-side') },
      { label: 'Quotations', click: send('quotations') },
      { type: 'separator' },
      { label: 'Search…', accelerator: 'CmdOrCtrl+F', click: send('find') },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.dev ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ label: `About ${name}`, click: () => actions.about() }],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' } as MenuItemConstructorOptions] : []), help];
}
