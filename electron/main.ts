// The Electron main process: wiring only. Every decision it applies (window options, CSP,
// asset paths, sender checks, navigation and permission refusals, the menu) lives in a
// module that runs and is tested without Electron.
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { AppEvent } from '../corpus/api/api';
import { Workspace } from '../corpus/services/workspace';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin';
import { appPaths } from './app-paths';
import { API_CHANNEL, EVENT_CHANNEL, READ_CLIPBOARD_CHANNEL, SAVE_FILE_CHANNEL, SHOW_IN_FOLDER_CHANNEL, createApiHandler, guardedHandler } from './ipc';
import { readClipboardWith } from './read-clipboard';
import { folderFromArgv } from './launch-args';
import { buildMenuTemplate } from './menu';
import { applyNavigationPolicy } from './navigation';
import { applyPermissionPolicy } from './permissions';
import { APP_SCHEME_REGISTRATION, createAssetHandler } from './protocol';
import { prepareSampleCorpus } from './sample-corpus';
import { createFileHandlers } from './save-file';
import { originalOpener } from './open-original';
import { WINDOW_TITLE, openMainWindow } from './window-options';

const log = (message: string) => console.log(`hashiya: ${message}`);
const isDev = !app.isPackaged;

// Both must happen before `ready`.
protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);
app.enableSandbox();

// Tests and developers run with a throw-away profile; a packaged app always uses its own.
if (isDev && process.env.HASHIYA_USER_DATA_DIR) app.setPath('userData', process.env.HASHIYA_USER_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  startApp();
}

function startApp(): void {
  const paths = appPaths({ appPath: app.getAppPath(), resourcesPath: process.resourcesPath, isPackaged: app.isPackaged });
  let mainWindow: BrowserWindow | null = null;
  let workspace: Workspace | null = null;
  let pendingFolder: string | null = null;
  const argvOptions = { defaultApp: Boolean(process.defaultApp) };

  const sendEvent = (event: AppEvent) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event);
  };

  const openFolderFromOs = async (folder: string) => {
    if (!workspace) {
      pendingFolder = folder;
      return;
    }
    try {
      await workspace.openCorpus(folder, true);
      sendEvent({ type: 'corpus-opened' });
    } catch (error) {
      dialog.showErrorBox(WINDOW_TITLE, `Could not open ${folder}:\n${(error as Error).message}`);
    }
  };

  const pickFolder = async (): Promise<string | null> => {
    const options = { title: 'Open a folder of articles', properties: ['openDirectory' as const] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };

  const showAbout = () => {
    const options = {
      type: 'info' as const,
      title: `About ${WINDOW_TITLE}`,
      message: `${WINDOW_TITLE} ${app.getVersion()}`,
      detail: 'حاشیه · حاشية: the gloss in the margin.\nAn offline reader and annotator for Persian and Arabic news.',
    };
    void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  };

  const createWindow = () => {
    const win = openMainWindow(BrowserWindow, { preload: paths.preload, icon: paths.windowIcon, devTools: isDev });
    mainWindow = win;
    win.on('page-title-updated', (event) => event.preventDefault());
    win.once('ready-to-show', () => win.show());
    win.webContents.on('did-finish-load', () => {
      log('window ready');
      void captureForSmokeTest(win);
    });
    win.webContents.on('render-process-gone', (_event, details) => log(`renderer gone: ${details.reason}`));
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    void win.loadURL(APP_ENTRY_URL);
  };

  app.on('second-instance', (_event, argv, cwd) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const folder = folderFromArgv(argv, { cwd, ...argvOptions });
    if (folder) void openFolderFromOs(folder);
  });

  // macOS hands a folder dropped on the Dock icon (or opened with Hashiya) here.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openFolderFromOs(path);
  });

  app.on('web-contents-created', (_event, contents) => applyNavigationPolicy(contents, log));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (!mainWindow && workspace) createWindow();
  });

  // Quitting waits for pending sidecar writes and stops the workspace's background work.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !workspace) return;
    event.preventDefault();
    void workspace
      .close()
      .catch((error: unknown) => log(`closing the workspace failed: ${(error as Error).message}`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  void app.whenReady().then(async () => {
    if (process.platform === 'win32') app.setAppUserModelId('org.hashiya.app');
    applyPermissionPolicy(session.defaultSession, log);
    protocol.handle(APP_SCHEME, createAssetHandler(paths.rendererRoot));

    const userData = app.getPath('userData');
    const sample = await prepareSampleCorpus(paths.bundledSampleCorpus, userData).catch((error: unknown) => {
      log(`sample corpus not copied: ${(error as Error).message}`);
      return null;
    });
    const ws = await Workspace.create({
      appDataDir: userData,
      pickFolder,
      defaultCorpus: sample ?? undefined,
      live: true,
      // Only a PDF article's real path inside the corpus reaches here (corpus/services/open-original.ts).
      openOriginal: originalOpener(shell),
    });
    workspace = ws;
    // Changes on disk, conflicts and indexing progress go to the window as they happen.
    ws.onEvent(sendEvent);
    const startFolder = pendingFolder ?? folderFromArgv(process.argv, { cwd: process.cwd(), ...argvOptions });
    pendingFolder = null;
    if (startFolder) await ws.openCorpus(startFolder, true).catch((error: unknown) => log(`could not open ${startFolder}: ${(error as Error).message}`));

    const trustedFrame = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null);
    ipcMain.handle(API_CHANNEL, createApiHandler({ api: ws, trustedFrame, log }));
    const files = createFileHandlers({
      showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
      showItemInFolder: (path) => shell.showItemInFolder(path),
      documentsDir: () => app.getPath('documents'),
    });
    ipcMain.handle(SAVE_FILE_CHANNEL, guardedHandler('saveFile', { trustedFrame, log }, files.saveFile));
    ipcMain.handle(SHOW_IN_FOLDER_CHANNEL, guardedHandler('showInFolder', { trustedFrame, log }, files.showInFolder));
    // Read only when the window asks, after the person chose File → New Article from Clipboard.
    ipcMain.handle(READ_CLIPBOARD_CHANNEL, guardedHandler('readClipboard', { trustedFrame, log }, async () => readClipboardWith(clipboard)));

    const template = buildMenuTemplate(
      { command: (command) => sendEvent({ type: 'menu', command }), about: showAbout },
      { platform: process.platform, dev: isDev },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    createWindow();
  });
}

/** Development only: the launch test asks for a PNG of the first screen, then a clean exit. */
async function captureForSmokeTest(win: BrowserWindow): Promise<void> {
  const target = isDev ? process.env.HASHIYA_SMOKE_SCREENSHOT : undefined;
  if (!target) return;
  try {
    await win.webContents.executeJavaScript('document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))))');
    const image = await win.webContents.capturePage();
    await writeFile(target, image.toPNG());
    log(`screenshot written to ${target}`);
  } catch (error) {
    log(`screenshot failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
  app.quit();
}
