// What `hashiya info` and `hashiya export` share: the exit codes, and opening --corpus DIR
// read-only through the same Workspace the app uses, with a clear message when it fails.
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workspace } from '../workspace';

/**
 * 0 done; 1 failed (e.g. the output file could not be written); 2 bad arguments or no such
 * corpus folder; 3 done, but some sidecars could not be read: they are named on stderr and
 * everything else was listed or exported (a script must notice that annotations are missing).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

export class CliError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export async function openCorpusForCli(dir: string | undefined): Promise<Workspace> {
  if (!dir) throw new CliError(EXIT.usage, '--corpus DIR is required');
  let info;
  try {
    info = await stat(dir);
  } catch {
    throw new CliError(EXIT.usage, `no such folder: ${dir}`);
  }
  if (!info.isDirectory()) throw new CliError(EXIT.usage, `not a folder: ${dir}`);
  // The CLI keeps no app settings: a folder that is never created stands in for them, so
  // that the command neither reads nor changes the desktop app's remembered corpus.
  const ws = await Workspace.create({ appDataDir: join(tmpdir(), `hashiya-cli-${process.pid}-no-settings`), pickFolder: async () => null });
  await ws.openCorpus(dir, false);
  return ws;
}
