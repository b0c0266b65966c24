// Exports saved where the person chooses: the Save dialog (in Documents or the folder used
// last), an atomic write, and "Show in folder" for a file saved here and nowhere else.
import { basename, dirname, join } from 'node:path';
import type { ApiResponse } from '../corpus/api/api';
import { writeFileDurable } from '../annotations/store/durable-write';

/** The parts of Electron's dialog, shell and app the file handlers use. */
export interface SaveFileDeps {
  showSaveDialog(options: { title: string; defaultPath: string }): Promise<{ canceled: boolean; filePath?: string }>;
  showItemInFolder(path: string): void;
  /** The user's Documents folder, where the first Save dialog opens. */
  documentsDir(): string;
  writeFile?(path: string, bytes: Uint8Array): Promise<void>;
}

export interface FileHandlers {
  /** The chosen path, or null when the person cancelled the dialog. */
  saveFile(name: unknown, mime: unknown, base64: unknown): Promise<ApiResponse<string | null>>;
  showInFolder(path: unknown): Promise<ApiResponse<null>>;
}

const MAX_NAME = 200;
// Exports are text: a quotation table or a translation file of a corpus. 64 MiB of base64 is far beyond one.
const MAX_BASE64 = 64 * 1024 * 1024;
const MIME = /^[a-z]+\/[a-z0-9.+-]+(; ?charset=[a-z0-9-]+)?$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const refuse = (message: string): ApiResponse<never> => ({ ok: false, error: { code: 'bad-request', message } });

/** The suggested name as a plain file name: no folders, no control characters, never empty. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim();
  return plain === '' || plain === '.' || plain === '..' ? 'export' : plain;
}

export function createFileHandlers(deps: SaveFileDeps): FileHandlers {
  const write = deps.writeFile ?? writeFileDurable;
  let lastFolder: string | null = null;
  // Only files saved through the dialog may be shown: the page cannot have the OS reveal any path it names.
  const saved = new Set<string>();
  return {
    async saveFile(name, mime, base64) {
      if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME) return refuse('saveFile needs a file name');
      if (typeof mime !== 'string' || !MIME.test(mime)) return refuse('saveFile needs a media type');
      if (typeof base64 !== 'string' || base64.length > MAX_BASE64 || base64.length % 4 !== 0 || !BASE64.test(base64)) {
        return refuse('saveFile needs the bytes in base64');
      }
      const defaultPath = join(lastFolder ?? deps.documentsDir(), safeFileName(name));
      const choice = await deps.showSaveDialog({ title: 'Save the export', defaultPath });
      if (choice.canceled || !choice.filePath) return { ok: true, value: null };
      try {
        await write(choice.filePath, Buffer.from(base64, 'base64'));
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: `Could not save ${choice.filePath}: ${(error as Error).message}` } };
      }
      lastFolder = dirname(choice.filePath);
      saved.add(choice.filePath);
      return { ok: true, value: choice.filePath };
    },
    async showInFolder(path) {
      if (typeof path !== 'string' || !saved.has(path)) return refuse('only a file saved here can be shown');
      deps.showItemInFolder(path);
      return { ok: true, value: null };
    },
  };
}
