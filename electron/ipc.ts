// The IPC boundary. One channel carries every API call; each call is accepted only from
// the main frame of our own window while it shows our own origin, and only then handed to
// `dispatch`, which validates the arguments and never throws.
import type { ApiResponse, HashiyaApi } from '../corpus/api/api';
import { dispatch } from '../corpus/api/api-schema';
import { windowAnswer } from '../corpus/api/article-wire';
import { errorForLog, unexpectedFailureMessage } from '../corpus/api/failure-message';
import { isAppUrl } from './app-origin';

export { API_CHANNEL, EVENT_CHANNEL, READ_CLIPBOARD_CHANNEL, SAVE_FILE_CHANNEL, SHOW_IN_FOLDER_CHANNEL } from './ipc-channels';

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: FrameLike | null;
}

export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/** Null when the sender may call the API, otherwise why not. */
export function senderRefusal(sender: FrameLike | null | undefined, expected: FrameLike | null | undefined): string | null {
  if (!sender) return 'the calling frame is gone';
  if (!expected) return 'the app window is not open';
  if (sender.parent !== null) return 'calls from subframes are refused';
  const same = sender === expected || (sender.processId === expected.processId && sender.routingId === expected.routingId);
  if (!same) return 'the caller is not the app window';
  if (!isAppUrl(sender.url)) return 'the caller is not showing the app';
  return null;
}

export interface ApiHandlerOptions {
  api: HashiyaApi;
  /** The main frame of the app window, or null while there is none. */
  trustedFrame: () => FrameLike | null;
  log?: (message: string) => void;
}

export type ApiHandler = (event: InvokeEventLike, method: unknown, args: unknown) => Promise<ApiResponse<unknown>>;

export function createApiHandler(options: ApiHandlerOptions): ApiHandler {
  return (event, method, args) => guardedHandler(String(method).slice(0, 64), options, async () => windowAnswer(method, await dispatch(options.api, method, args, { log: options.log })))(event);
}

export interface GuardOptions {
  trustedFrame: () => FrameLike | null;
  log?: (message: string) => void;
}

/** A shell call (Save dialog, show in folder) under the same sender check as the API; `handle` validates its own arguments. */
export function guardedHandler(
  name: string,
  options: GuardOptions,
  handle: (...args: unknown[]) => Promise<ApiResponse<unknown>>,
): (event: InvokeEventLike, ...args: unknown[]) => Promise<ApiResponse<unknown>> {
  return async (event, ...args) => {
    const refusal = senderRefusal(event.senderFrame, options.trustedFrame());
    if (refusal) {
      options.log?.(`refused IPC call ${name}: ${refusal}`);
      return { ok: false, error: { code: 'forbidden', message: `refused: ${refusal}` } };
    }
    try {
      return await handle(...args);
    } catch (error) {
      options.log?.(`${name} failed: ${errorForLog(error)}`);
      return { ok: false, error: { code: 'internal', message: unexpectedFailureMessage(name) } };
    }
  };
}
