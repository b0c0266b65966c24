// Hashiya needs no web permission at all (no camera, notifications, clipboard reads,
// devices, geolocation, ...): every request and every check is refused, and requests to
// anything but the app's own origin are cancelled before they leave the process.
import type { Session } from 'electron';
import { REMOTE_URL_PATTERNS, shouldCancelRequest } from './navigation';

export function decidePermission(_permission: string): boolean {
  return false;
}

export type PolicySession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler' | 'webRequest'
>;

export function applyPermissionPolicy(session: PolicySession, log: (message: string) => void = () => undefined): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(decidePermission(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (details, callback) => {
    const cancel = shouldCancelRequest(details.url);
    if (cancel) log(`cancelled request to ${details.url.slice(0, 200)}`);
    callback({ cancel });
  });
}
