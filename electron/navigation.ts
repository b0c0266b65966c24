// The window never leaves the app: every navigation, redirect, new window and webview is
// refused. The UI is one page; nothing in it (article text, glosses, notes) may take the
// window somewhere else, even if an injection got a link or a form into the DOM.
import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin';

export type NavigationDecision = { allow: false; reason: string };

/** Renderer-initiated navigation of any frame: always refused (the UI never navigates). */
export function decideNavigation(url: string): NavigationDecision {
  return { allow: false, reason: isAppUrl(url) ? 'the app does not navigate between pages' : 'external navigation is blocked' };
}

/** A server-side redirect: only within app://, which never redirects, so in practice none. */
export function decideRedirect(url: string): { allow: boolean } {
  return { allow: isAppUrl(url) };
}

export function decideWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Schemes the renderer may fetch at all. Everything else (http, ws, file, ftp, ...) is cancelled. */
const LOCAL_SCHEMES = new Set(['app:', 'data:', 'blob:', 'devtools:', 'chrome-extension:']);

export function shouldCancelRequest(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return true;
  }
  if (protocol === 'app:') return !isAppUrl(url);
  return !LOCAL_SCHEMES.has(protocol);
}

/** URL patterns handed to session.webRequest; shouldCancelRequest decides within them. */
export const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*'];

export type PolicyContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Wires the refusals into one webContents (called for every webContents the app creates). */
export function applyNavigationPolicy(contents: PolicyContents, log: (message: string) => void = () => undefined): void {
  contents.on('will-navigate', (event, url) => {
    const d = decideNavigation(url);
    event.preventDefault();
    log(`blocked navigation to ${url.slice(0, 200)}: ${d.reason}`);
  });
  contents.on('will-frame-navigate', (event) => {
    // The first load of the main frame is browser-initiated and never reaches here.
    const d = decideNavigation(event.url);
    event.preventDefault();
    log(`blocked frame navigation to ${event.url.slice(0, 200)}: ${d.reason}`);
  });
  contents.on('will-redirect', (event, url) => {
    if (!decideRedirect(url).allow) {
      event.preventDefault();
      log(`blocked redirect to ${url.slice(0, 200)}`);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked a new window for ${url.slice(0, 200)}`);
    return decideWindowOpen();
  });
}
