// What the preload exposes as `window.hashiya`: one named function per API method, an event
// subscription, and the shell's Save dialog, show-in-folder and clipboard. Built from plain transport
// functions so it can be tested without Electron; the renderer never receives ipcRenderer or
// an IPC event object.
import type { AppEvent, HashiyaBridge } from '../corpus/api/api';
import { API_METHOD_NAMES } from './api-methods';

export interface BridgeTransport {
  invoke(method: string, args: unknown[]): Promise<unknown>;
  /** Calls `listener` with each event's payload; returns the unsubscribe function. */
  subscribe(listener: (payload: unknown) => void): () => void;
  /** Calls one of the shell's own handlers (the Save dialog, show in folder). */
  invokeShell(call: ShellCall, args: unknown[]): Promise<unknown>;
}

export type ShellCall = 'saveFile' | 'showInFolder' | 'readClipboard';

export function createBridge(transport: BridgeTransport): HashiyaBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of API_METHOD_NAMES) {
    // Rest args are copied into a fresh array: nothing but plain data crosses.
    bridge[name] = (...args: unknown[]) => transport.invoke(name, args);
  }
  bridge.saveFile = (name: unknown, mime: unknown, base64: unknown) => transport.invokeShell('saveFile', [name, mime, base64]);
  bridge.showInFolder = (path: unknown) => transport.invokeShell('showInFolder', [path]);
  bridge.readClipboard = () => transport.invokeShell('readClipboard', []);
  bridge.onEvent = (listener: (event: AppEvent) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    let active = true;
    const unsubscribe = transport.subscribe((payload) => {
      if (active) listener(payload as AppEvent);
    });
    return () => {
      active = false;
      unsubscribe();
    };
  };
  return Object.freeze(bridge) as HashiyaBridge;
}
