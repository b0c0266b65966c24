// What `hashiya info` and `hashiya export` share: the exit codes, and opening --corpus DIR
// read-only through the same Workspace the app uses, with a clear message when it fails.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workspace } from '../services/workspace';

/**
 * 0 done; 1 failed (e.g. the output file could not be written); 2 bad arguments or no such
 * corpus folder; 3 done, but some sidecars could not be read: they are named on stderr and
 * everything else was listed or exported (a script must notice that annotations are missing).
 */
import { corpusFolder } from './command';

export { CliError, EXIT } from './command';

export async function openCorpusForCli(dir: string | undefined): Promise<Workspace> {
  const folder = await corpusFolder(dir);
  // The CLI keeps no app settings: a folder that is never created stands in for them, so
  // that the command neither reads nor changes the desktop app's remembered corpus.
  const ws = await Workspace.create({ appDataDir: join(tmpdir(), `hashiya-cli-${process.pid}-no-settings`), pickFolder: async () => null });
  await ws.openCorpus(folder, false);
  return ws;
}
