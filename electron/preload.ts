// The sandboxed preload: exposes the frozen bridge and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './bridge';
import { API_CHANNEL, EVENT_CHANNEL, READ_CLIPBOARD_CHANNEL, SAVE_FILE_CHANNEL, SHOW_IN_FOLDER_CHANNEL } from './ipc-channels';
import type { ShellCall } from './bridge';

const SHELL_CHANNELS: Record<ShellCall, string> = { saveFile: SAVE_FILE_CHANNEL, showInFolder: SHOW_IN_FOLDER_CHANNEL, readClipboard: READ_CLIPBOARD_CHANNEL };

const bridge = createBridge({
  invoke: (method, args) => ipcRenderer.invoke(API_CHANNEL, method, args),
  invokeShell: (call, args) => ipcRenderer.invoke(SHELL_CHANNELS[call], ...args),
  subscribe: (listener) => {
    // The IPC event object is dropped: its `sender` would hand the page ipcRenderer.
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld('hashiya', bridge);
