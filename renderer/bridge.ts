// The renderer talks to `window.hashiya` (the Electron preload) or, in the browser harness,
// to the same API over HTTP. Either way it gets the typed API and never a raw channel.
import type { ApiErrorCode, ApiResponse, AppEvent, ClipboardContents, HashiyaApi, HashiyaBridge, ShellBridge } from '../corpus/api/api';
import { fromWindow } from '../corpus/api/article-wire';

declare global {
  interface Window {
    hashiya?: HashiyaBridge;
  }
}

type ErrorCode = ApiErrorCode;

/** An API call that failed; the message is meant for the user. */
export class CallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

function httpBridge(): HashiyaBridge {
  const call = async (method: string, args: unknown[]): Promise<ApiResponse<unknown>> => {
    // JSON turns a trailing undefined (an optional argument left out) into null: drop it, as IPC would.
    const sent = [...args];
    while (sent.length && sent[sent.length - 1] === undefined) sent.pop();
    const body = JSON.stringify(sent);
    const res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      // A small save sent as the page goes away still arrives; Chromium caps keepalive bodies at 64 KiB.
      keepalive: body.length < 60_000,
    });
    return (await res.json()) as ApiResponse<unknown>;
  };
  const onEvent = (listener: (event: AppEvent) => void) => {
    const source = new EventSource('/api/events');
    source.onmessage = (m) => listener(JSON.parse(m.data as string) as AppEvent);
    return () => source.close();
  };
  return new Proxy({ onEvent } as unknown as HashiyaBridge, {
    get: (target, name) => (name === 'onEvent' ? target.onEvent : (...args: unknown[]) => call(String(name), args)),
  });
}

const bridge: HashiyaBridge = window.hashiya ?? httpBridge();

/** The API with errors thrown as CallError. */
export const api: HashiyaApi = new Proxy({} as HashiyaApi, {
  get: (_target, name: string) => async (...args: unknown[]) => {
    const fn = (bridge as unknown as Record<string, (...a: unknown[]) => Promise<ApiResponse<unknown>>>)[name];
    if (!fn) throw new CallError('bad-request', `unknown API method ${name}`);
    const response = await fn(...args);
    if (!response.ok) throw new CallError(response.error.code, response.error.message);
    // An opened article comes packed (what the text repeats is left out): the same ArticleDoc again.
    return fromWindow(name, response.value);
  },
});

export const onAppEvent = (listener: (event: AppEvent) => void): (() => void) => bridge.onEvent(listener);

/** The app shell's Save dialog and show-in-folder; null in the browser harness, which has neither. */
export const shell: ShellBridge | null =
  window.hashiya?.saveFile && window.hashiya.showInFolder ? { saveFile: window.hashiya.saveFile, showInFolder: window.hashiya.showInFolder } : null;

/**
 * What the clipboard holds: the app's shell reads the system clipboard (the sandboxed window
 * cannot); the browser harness reads the page's own (Chromium asks nothing of a focused page
 * the test granted clipboard-read), so a test copies from a real page with Ctrl+C and pastes.
 */
export async function readClipboard(): Promise<ClipboardContents> {
  const fromShell = window.hashiya?.readClipboard;
  if (fromShell) {
    const response = await fromShell();
    if (!response.ok) throw new CallError(response.error.code, response.error.message);
    return response.value;
  }
  const items = await navigator.clipboard.read();
  const flavour = async (type: string): Promise<string | null> => {
    for (const item of items) if (item.types.includes(type)) return (await item.getType(type)).text();
    return null;
  };
  // A web page cannot see the source address the browser keeps beside a copy.
  return { text: (await flavour('text/plain')) ?? '', html: await flavour('text/html'), url: null };
}
