// `hashiya merge-driver %O %A %B [%P]`: git's custom merge driver for sidecars.
// Git passes the common ancestor (%O), ours (%A, where the result goes) and theirs (%B).
// Exit 0 means "merged" to git, including when true conflicts were recorded in the file's
// `conflicts` list for the app to show; exit 1 means git should report a conflict, which we
// do only when ours or theirs cannot be read, leaving %A exactly as it was.
import { readFile } from 'node:fs/promises';
import { SidecarReadError } from '../../../annotations/store/durable-json-adapter';
import { writeFileDurable } from '../../../annotations/store/durable-write';
import { mergeSidecars } from '../../../annotations/store/merge';
import { serialiseSidecar } from '../../../annotations/store/serialise';
import { parseSidecarText } from '../../../annotations/store/sidecar-store';
import type { Sidecar } from '../../../annotations/model/types';
import { UsageError, type CliCommand } from '../command';
import { USAGES } from '../usage';

async function readVersion(path: string, label: string, mayBeEmpty: boolean): Promise<Sidecar | null> {
  const text = await readFile(path, 'utf8');
  // Git gives an empty ancestor when both branches added the file.
  if (mayBeEmpty && text.trim() === '') return null;
  try {
    return parseSidecarText(label, text);
  } catch (error) {
    if (error instanceof SidecarReadError && error.kind === 'newer-format') {
      throw new Error(`${label} was written by a newer Hashiya; update Hashiya (on every machine that merges) to merge it`);
    }
    // The store's messages end with advice for the app ("left as it is; fix or remove it…").
    throw new Error((error as Error).message.replace(/\.?\s*It was left as it is.*$/s, ''));
  }
}

export const command: CliCommand = async (args) => {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    process.stdout.write(`${USAGES['merge-driver']}\n`);
    return 0;
  }
  if (args.length < 3 || args.length > 4) throw new UsageError('usage: hashiya merge-driver %O %A %B [%P]');
  const [basePath, oursPath, theirsPath, shownPath] = args as [string, string, string, string | undefined];
  const name = shownPath ?? oursPath;
  let base: Sidecar | null;
  let ours: Sidecar;
  let theirs: Sidecar;
  try {
    base = await readVersion(basePath, `${name} (common ancestor)`, true);
  } catch (error) {
    // A broken ancestor (say, conflict markers committed long ago) must not block merging two
    // good versions: without it nothing is deleted and differing edits become conflicts.
    process.stderr.write(`hashiya merge-driver: ${(error as Error).message}; merging without it\n`);
    base = null;
  }
  try {
    ours = (await readVersion(oursPath, `${name} (ours)`, false))!;
    theirs = (await readVersion(theirsPath, `${name} (theirs)`, false))!;
  } catch (error) {
    process.stderr.write(`hashiya merge-driver: cannot merge: ${(error as Error).message}\n`);
    process.stderr.write('hashiya merge-driver: the file was left as it was; resolve it by hand.\n');
    return 1;
  }
  const { merged, conflicts, metadataClashes, details } = mergeSidecars(base, ours, theirs);
  await writeFileDurable(oursPath, serialiseSidecar(merged));
  if (details.length > 0) {
    const kept = conflicts > 0 ? `${conflicts} conflict${conflicts === 1 ? '' : 's'} kept side by side for Hashiya to show` : 'merged by annotation id';
    // Details corrected differently on both branches are not kept anywhere in the file: say so here.
    const clashes = metadataClashes.length > 0 ? `; ${metadataClashes.length} article detail${metadataClashes.length === 1 ? '' : 's'} corrected on both branches, ours kept (see below)` : '';
    const summary = kept + clashes;
    process.stderr.write(`hashiya merge-driver: ${name}: ${summary}\n`);
    for (const line of details) process.stderr.write(`  ${line}\n`);
  }
  return 0;
};
