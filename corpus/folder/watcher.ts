// Changes made to a corpus folder from outside (a sync tool, `git pull`, another analyst),
// reported in debounced batches. It watches folders, not files (one watch for the corpus and
// one per subfolder, however many articles there are: chokidar would watch every file, and
// 20,000 files exceed common inotify limits), and decides what changed by comparing file
// sizes, times and inodes with what it saw before, so an atomic replace (write a temporary
// file, rename it over) is one change, and bursts of events are one batch.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SIDECAR_SUFFIX, isArticleName } from './corpus-folder';
import { unreadReason } from './unread-documents';

export interface ChangeBatch {
  /** Corpus-relative article names. */
  added: string[];
  changed: string[];
  removed: string[];
  /** Articles whose sidecar was written, created or deleted by someone else (or by us). */
  sidecarsChanged: string[];
  /** Documents the app does not read (a .docx, a saved page) that came, went or changed: only the list's "files not read" line changes. */
  unreadChanged: string[];
}

export interface WatcherOptions {
  /** Quiet time before a batch is reported. */
  debounceMs?: number;
  /** A batch is reported at the latest this long after its first event, even in a storm. */
  maxWaitMs?: number;
  /** Also compare the whole folder this often (network drives send no events). 0: never. */
  pollMs?: number;
  onError?: (error: Error) => void;
}

interface Seen {
  size: number;
  mtimeMs: number;
  ino: number;
}

type Snapshot = Map<string, Seen>;

/** Dot-names cover the app's own folder, temporary files (`.name.tmp`) and hidden files. */
function ignored(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function isSidecarName(name: string): boolean {
  return name.endsWith(SIDECAR_SUFFIX) && isArticleName(name.slice(0, -SIDECAR_SUFFIX.length));
}

/** The names whose coming and going the window hears of: articles, their sidecars, and documents it does not read. */
function isWatchedName(name: string): boolean {
  return isArticleName(name) || isSidecarName(name) || unreadReason(name) !== null;
}

export class CorpusWatcher {
  private snapshot: Snapshot = new Map();
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly touched = new Set<string>();
  private fullScan = false;
  private quiet: NodeJS.Timeout | null = null;
  private deadline: NodeJS.Timeout | null = null;
  private poller: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private closed = false;
  private started: Promise<void> | null = null;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(
    readonly root: string,
    private readonly onBatch: (batch: ChangeBatch) => void,
    private readonly options: WatcherOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 250;
    this.maxWaitMs = options.maxWaitMs ?? 1500;
  }

  /** Takes the first picture of the folder and starts watching; changes after this are reported. */
  start(): Promise<void> {
    this.started ??= this.begin();
    return this.started;
  }

  private async begin(): Promise<void> {
    this.snapshot = await this.scan();
    try {
      this.watchFolder('');
      for (const dir of await this.subfolders()) this.watchFolder(dir);
    } catch (error) {
      // Out of watches, or a file system without events: compare the folder now and then instead.
      this.options.onError?.(error as Error);
      this.startPolling(this.options.pollMs || 5000);
      return;
    }
    if (this.options.pollMs) this.startPolling(this.options.pollMs);
  }

  private startPolling(ms: number): void {
    this.poller = setInterval(() => {
      this.fullScan = true;
      this.schedule();
    }, ms);
    this.poller.unref();
  }

  private async subfolders(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && !ignored(e.name)).map((e) => e.name);
  }

  private watchFolder(dir: string): void {
    if (this.watchers.has(dir) || this.closed) return;
    const w = watch(join(this.root, dir), { persistent: false }, (_event, name) => {
      if (name === null) {
        this.fullScan = true;
      } else {
        const base = String(name);
        if (ignored(base)) return;
        const rel = dir ? `${dir}/${base}` : base;
        if (isWatchedName(base)) this.touched.add(rel);
        else if (!dir) this.fullScan = true; // maybe a subfolder came or went
        else return;
      }
      this.schedule();
    });
    w.on('error', (error) => {
      // The folder went away (a subfolder deleted): the next full scan settles the files.
      w.close();
      this.watchers.delete(dir);
      if (dir === '') this.options.onError?.(error);
      this.fullScan = true;
      this.schedule();
    });
    this.watchers.set(dir, w);
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.quiet) clearTimeout(this.quiet);
    this.quiet = setTimeout(() => void this.flush(), this.debounceMs);
    if (!this.deadline) this.deadline = setTimeout(() => void this.flush(), this.maxWaitMs);
  }

  /** Reports what changed since the last batch (also callable directly, e.g. before a test's assertion). */
  async flush(): Promise<void> {
    await this.started;
    if (this.quiet) clearTimeout(this.quiet);
    if (this.deadline) clearTimeout(this.deadline);
    this.quiet = this.deadline = null;
    while (this.flushing) await this.flushing;
    if (this.closed) return;
    this.flushing = this.compare().finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  private async compare(): Promise<void> {
    const full = this.fullScan;
    const paths = [...this.touched];
    this.fullScan = false;
    this.touched.clear();
    let next: Snapshot;
    if (full) {
      next = await this.scan();
      for (const dir of await this.subfolders().catch(() => [])) this.watchFolder(dir);
    } else {
      next = new Map(this.snapshot);
      await Promise.all(
        paths.map(async (p) => {
          const s = await seen(join(this.root, p));
          if (s) next.set(p, s);
          else next.delete(p);
        }),
      );
    }
    const batch: ChangeBatch = { added: [], changed: [], removed: [], sidecarsChanged: [], unreadChanged: [] };
    const sidecars = new Set<string>();
    const consider = (p: string, before: Seen | undefined, after: Seen | undefined) => {
      if (sameSeen(before, after)) return;
      if (unreadReason(basename(p)) !== null) batch.unreadChanged.push(p);
      else if (p.endsWith(SIDECAR_SUFFIX)) sidecars.add(p.slice(0, -SIDECAR_SUFFIX.length));
      else if (!before) batch.added.push(p);
      else if (!after) batch.removed.push(p);
      else batch.changed.push(p);
    };
    const keys = full ? new Set([...this.snapshot.keys(), ...next.keys()]) : new Set(paths);
    for (const p of keys) consider(p, this.snapshot.get(p), next.get(p));
    this.snapshot = next;
    batch.sidecarsChanged = [...sidecars];
    for (const list of Object.values(batch)) list.sort();
    if (Object.values(batch).some((list) => list.length > 0)) this.onBatch(batch);
  }

  private async scan(): Promise<Snapshot> {
    const out: Snapshot = new Map();
    const walk = async (dir: string, depth: number) => {
      let entries;
      try {
        entries = await readdir(join(this.root, dir), { withFileTypes: true });
      } catch {
        return;
      }
      const files: string[] = [];
      for (const e of entries) {
        if (ignored(e.name)) continue;
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory() && depth < 1) await walk(rel, depth + 1);
        else if (e.isFile() && isWatchedName(e.name)) files.push(rel);
      }
      for (let i = 0; i < files.length; i += 64) {
        await Promise.all(
          files.slice(i, i + 64).map(async (p) => {
            const s = await seen(join(this.root, p));
            if (s) out.set(p, s);
          }),
        );
      }
    };
    await walk('', 0);
    return out;
  }

  close(): void {
    this.closed = true;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    for (const t of [this.quiet, this.deadline]) if (t) clearTimeout(t);
    if (this.poller) clearInterval(this.poller);
  }
}

async function seen(path: string): Promise<Seen | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino } : undefined;
  } catch {
    return undefined;
  }
}

function sameSeen(a: Seen | undefined, b: Seen | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}
