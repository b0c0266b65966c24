// The main window and its options. Every security-relevant web preference is spelled out,
// even where Electron's default already matches, so a change of default cannot loosen it.
//
// The constructor is passed in (this module must load without Electron, for the tests) and
// the options are written as a literal inside `new BrowserWindow(...)` so that static
// scanners such as electronegativity see them where they look.
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Hashiya';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (out/preload/preload.cjs). */
  preload: string;
  /** Window icon for Linux and Windows (macOS takes the bundle's). */
  icon?: string;
  /** Developer tools: on in development, off in a packaged build. */
  devTools?: boolean;
}

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

export function openMainWindow<W>(BrowserWindow: WindowConstructor<W>, input: WindowOptionsInput): W {
  return new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    // Shown on ready-to-show, so the user never sees an unstyled flash.
    show: false,
    backgroundColor: '#f7f3ea',
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      // The spellchecker downloads dictionaries from the network; Hashiya stays offline.
      spellcheck: false,
      devTools: input.devTools ?? false,
    },
  });
}
