// Every export goes through here, so none is saved silently: in the app the Save dialog asks
// where, then a message names the file with "Show in folder"; in the browser it is a download
// and the message names it.
import type { ExportFile, ShellBridge } from '../../corpus/api/api';
import type { ToastAction } from './toast';
import { download } from './download';

export type Tell = (message: string, action?: ToastAction) => void;

/** The last path segment, whichever separator the OS uses. */
function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function folderOf(path: string): string {
  const name = fileNameOf(path);
  return path.slice(0, Math.max(0, path.length - name.length - 1)) || path;
}

export async function saveExport(file: ExportFile, shell: ShellBridge | null, tell: Tell): Promise<void> {
  if (!shell) {
    download(file);
    tell(`Downloaded ${file.name}.`);
    return;
  }
  const saved = await shell.saveFile(file.name, file.mime, file.base64);
  if (!saved.ok) {
    tell(`${file.name} was not saved: ${saved.error.message}`);
    return;
  }
  const path = saved.value;
  if (path === null) {
    tell(`Nothing was saved: the Save dialog was cancelled.`);
    return;
  }
  tell(`Saved ${fileNameOf(path)} in ${folderOf(path)}.`, {
    label: 'Show in folder',
    run: () => void shell.showInFolder(path),
  });
}
