// One lowdb instance per sidecar, owned by the process that writes (the main process).
// A sidecar is created on the first change, never just by opening an article; a broken,
// newer-format or user-marked read-only sidecar makes the article read-only, never rewritten.
//
// Someone else may change the file while it is open (another window, another analyst, a
// `git pull`). Before every write the store compares the file's bytes with what it last read
// or wrote; when they differ it merges by annotation id (merge.ts) instead of overwriting,
// and tells its listeners what it did.
import { freeze, produce } from 'immer';
import { Low } from 'lowdb';
import { basename } from 'node:path';
import { DurableJsonFile, MAX_SIDECAR_BYTES, SidecarReadError, parseJsonText, readBytesOrNull, sameBytes, type DurableJsonOptions } from './durable-json-adapter';
import { removeStaleTemporaryFiles } from './durable-write';
import { findForeignLock, LockedElsewhereError, withFileLock } from './file-lock';
import { withUniqueIds } from './unique-ids';
import { withPathLock } from './path-lock';
import type { SidecarEvent } from './sidecar-event';
export type { SidecarEvent } from './sidecar-event';
import { detached } from './detached';
import { markedReadOnly } from './marked-read-only';
import { oversizeMessage, writeFailureOf } from './write-failure';
import { clashSentences, plural } from './sidecar-messages';
import { mergeSidecars, type MetadataClash } from './merge';
import { parseSidecar } from '../model/schema';
import { checkChangedSidecar, parseSidecarRemembered } from './sidecar-check';
import { canonicalSidecar, serialiseSidecarBytes, sortedSidecar } from './serialise';
import { fitToArticle } from '../anchoring/fit-to-article';
import { SIDECAR_FORMAT, type Sidecar } from '../model/types';

import { emptySidecar, SIDECAR_FILE_OPTIONS, type ArticleFingerprint } from './sidecar-file';
import { InvalidSidecarChangeError, ReadOnlySidecarError } from './sidecar-errors';
export { emptySidecar, parseSidecarText, SIDECAR_FILE_OPTIONS, type ArticleFingerprint } from './sidecar-file';
export { InvalidSidecarChangeError, ReadOnlySidecarError } from './sidecar-errors';

export interface SidecarStoreOptions {
  /** Clock for event times and conflict timestamps (tests fix it). */
  now?: () => Date;
  /** How the file's bytes reach the disk; tests pass a failing one to simulate a full disk. */
  writeFile?: (path: string, data: Uint8Array) => Promise<void>;
  /** The largest file written; the default is the largest read (MAX_SIDECAR_BYTES). */
  maxBytes?: number;
}

const MAX_EVENTS = 50;

type DiskState =
  | { kind: 'unchanged' }
  | { kind: 'removed' }
  | { kind: 'changed'; bytes: Uint8Array; sidecar: Sidecar }
  | { kind: 'unreadable'; error: SidecarReadError };

export class SidecarStore {
  /** Null when writable; otherwise the message the user sees. */
  readOnly: string | null = null;
  /** Unreadable file; marked read-only by the user (looked at before each save); a write the disk refused. */
  private readOnlyCause: 'file' | 'marked' | 'refused' | null = null;
  /** The most recent events, oldest first (at most 50). */
  readonly events: SidecarEvent[] = [];
  /**
   * What the person should know that does not stop work (ids renumbered), until the next
   * save settles it; shown with the article.
   */
  notices: string[] = [];
  private readonly listeners = new Set<(event: SidecarEvent) => void>();
  private queue: Promise<void> = Promise.resolve();
  /** What the file held when last read or written: the common ancestor for the next merge. */
  private base: Sidecar;
  /** True while `data` is a stand-in because the file could not be read at all. */
  private placeholder = false;
  /** Set while a write is under way: what the file held before it. */
  private onDisk: Sidecar | null = null;
  /** Set while a lock Hashiya did not make sits at the file's lock: why it is read-only. */
  private lockedElsewhere: string | null = null;

  private constructor(
    private readonly db: Low<Sidecar>,
    readonly adapter: DurableJsonFile<Sidecar>,
    private readonly article: ArticleFingerprint,
    private readonly text: string,
    private readonly options: SidecarStoreOptions,
  ) {
    this.base = emptySidecar(article);
  }

  static async open(sidecarPath: string, article: ArticleFingerprint, text: string, options: SidecarStoreOptions = {}): Promise<SidecarStore> {
    const adapter = new DurableJsonFile<Sidecar>(sidecarPath, { ...SIDECAR_FILE_OPTIONS, writeFile: options.writeFile });
    const db = new Low<Sidecar>(adapter, emptySidecar(article));
    const store = new SidecarStore(db, adapter, article, text, options);
    await removeStaleTemporaryFiles(sidecarPath);
    try {
      await db.read();
    } catch (error) {
      if (!(error instanceof SidecarReadError)) throw error;
      store.readOnly = error.message;
      store.readOnlyCause = 'file';
      store.placeholder = true;
      const shown = error.kind === 'newer-format' ? parseSidecar(error.readable) : null;
      // Shown, never saved: its offsets are checked against the text all the same, so that a
      // newer build's sidecar with edited offsets is not highlighted on other words.
      db.data = freeze(shown?.ok ? fitToArticle(shown.value, article, text) : emptySidecar(article), true);
      return store;
    }
    const unique = withUniqueIds(db.data);
    if (unique.renamed > 0) store.notices = [store.renumberedMessage(unique.renamed)];
    store.base = adapter.lastBytes === null ? emptySidecar(article) : unique.data;
    db.data = freeze(fitToArticle(unique.data, article, text), true);
    const marked = await markedReadOnly(sidecarPath);
    store.lockedElsewhere = (await findForeignLock(sidecarPath))?.message ?? null;
    if (marked) [store.readOnly, store.readOnlyCause] = [marked, 'marked'];
    else store.readOnly = store.lockedElsewhere;
    return store;
  }

  /** Frozen, as on disk; change it through update(). */
  get data(): Sidecar {
    return this.onDisk ?? this.db.data;
  }

  /** Calls `listener` for every event from now on; returns the function that stops it. */
  onEvent(listener: (event: SidecarEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Applies a change and saves it at once, one write after another. The change works on a
   * copy: `data` shows it only once it is on disk, and a change that throws or fails to save
   * leaves `data` as it was. If the file changed on disk meanwhile, the two are merged first.
   */
  update<T>(change: (data: Sidecar) => T): Promise<T> {
    return this.enqueue(async () => {
      if (this.lockedElsewhere !== null) await this.settleForeignLock();
      if (this.readOnly) {
        // The file may have been fixed since; look again before refusing.
        await this.reloadLocked();
        if (this.readOnlyCause === 'marked' || this.readOnlyCause === 'refused') await this.lookAgainAtIntent();
        if (this.readOnly) throw new ReadOnlySidecarError(this.readOnly);
      }
      // immer's draft shares what the change leaves alone, so the check and the serialiser
      // redo only what changed; a change that throws leaves no trace.
      let result!: T;
      const changed = produce(this.db.data, (draft) => {
        result = detached(change(draft));
      });
      const checked = checkChangedSidecar(changed);
      if (!checked.ok) throw new InvalidSidecarChangeError(`the change was not saved: it would make ${this.adapter.path} unreadable (${checked.message})`);
      // In this process one store at a time, and across processes one process at a time:
      // save() reads the file again under both locks, so what another wrote is merged.
      try {
        await withPathLock(this.adapter.path, async () => {
          // Before the lock folder is made: nothing at all is written where the user said no.
          await this.refuseIfMarked();
          await withFileLock(this.adapter.path, () => this.save(checked.value));
        });
      } catch (error) {
        if (error instanceof LockedElsewhereError) throw new ReadOnlySidecarError((await this.settleForeignLock(error)) ?? error.message);
        throw this.writeFailed(error);
      }
      return result;
    });
  }

  /**
   * Reads the file again after a watcher saw it change, merging what this store holds with
   * what is on disk. Resolves true when `data` changed; the store's own writes change nothing.
   */
  reload(): Promise<boolean> {
    return this.enqueue(() => this.reloadLocked());
  }

  /** Resolves when every change asked for so far is on disk. */
  flush(): Promise<void> {
    return this.queue;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async save(ours: Sidecar): Promise<void> {
    const disk = await this.readDisk();
    let next = ours;
    let event: SidecarEvent | null = null;
    if (disk.kind === 'unreadable') {
      this.becomeReadOnly(disk.error);
      throw new ReadOnlySidecarError(disk.error.message);
    }
    if (disk.kind === 'changed') {
      const { merged, conflicts, metadataClashes, details } = mergeSidecars(this.base, ours, disk.sidecar, { now: () => this.now() });
      next = { ...merged, article: this.article };
      event = this.event('merged', conflicts, details, (conflicts > 0
        ? `${this.name()} was changed elsewhere; the changes were merged and ${plural(conflicts, 'conflict')} kept for you to decide.`
        : `${this.name()} was changed elsewhere; the changes were merged.`) + clashSentences(metadataClashes));
    } else if (disk.kind === 'removed') {
      event = this.event('removed', 0, [], `${this.name()} was removed on disk; it was written again with the annotations Hashiya holds.`);
    }
    // What is shown is what is on disk, in its canonical order.
    const saved = freeze(sortedSidecar(next), true);
    const bytes = this.adapter.serialise(saved);
    // Never write what would be refused when read back: the article would be read-only until a hand edit.
    const tooLarge = oversizeMessage(bytes.byteLength, this.options.maxBytes ?? MAX_SIDECAR_BYTES, basename(this.adapter.path));
    if (tooLarge) throw new InvalidSidecarChangeError(tooLarge);
    const nothingToSave =
      sameBytes(bytes, this.adapter.lastBytes) ||
      (this.adapter.lastBytes === null && sameBytes(bytes, serialiseSidecarBytes(emptySidecar(this.article))));
    if (disk.kind === 'unchanged' && nothingToSave) return;
    await this.write(saved);
    this.base = saved;
    this.notices = [];
    if (event) this.emit(event);
  }

  /**
   * Saves through lowdb: `db.data` becomes `saved` and the adapter writes it (atomic, fsynced).
   * Until the write lands `data` still shows what is on disk; a failed write puts it back.
   */
  private async write(saved: Sidecar): Promise<void> {
    this.onDisk = this.db.data;
    this.db.data = saved;
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = this.onDisk;
      throw error;
    } finally {
      this.onDisk = null;
    }
  }

  private async reloadLocked(): Promise<boolean> {
    return withPathLock(this.adapter.path, async () => {
      const disk = await this.readDisk();
      if (disk.kind === 'unchanged') return false;
      if (disk.kind === 'unreadable') {
        if (this.readOnly !== disk.error.message) this.becomeReadOnly(disk.error);
        return false;
      }
      if (disk.kind === 'removed') {
        this.adapter.lastBytes = null;
        if (this.placeholder) {
          // The unreadable file is gone: start afresh, as for an article never annotated.
          this.db.data = freeze(emptySidecar(this.article), true);
          this.base = this.db.data;
          this.readOnly = null;
          this.readOnlyCause = null;
          this.placeholder = false;
          this.emit(this.event('writable', 0, [], `${this.name()} was removed on disk; annotating is possible again.`));
          return true;
        }
        this.emit(this.event('removed', 0, [], `${this.name()} was removed on disk; Hashiya keeps the annotations it holds and saves them with the next change.`));
        return false;
      }
      const wasReadOnly = this.readOnly !== null;
      let next: Sidecar;
      let conflicts = 0;
      let details: string[] = [];
      let metadataClashes: MetadataClash[] = [];
      if (this.placeholder) {
        next = disk.sidecar;
      } else {
        ({ merged: next, conflicts, metadataClashes, details } = mergeSidecars(this.base, this.db.data, disk.sidecar, { now: () => this.now() }));
      }
      this.db.data = freeze(canonicalSidecar({ ...next, article: this.article }), true);
      this.base = disk.sidecar;
      this.adapter.lastBytes = disk.bytes;
      this.placeholder = false;
      // A file the user marked read-only stays so, whatever it now holds; so does a foreign lock.
      if (this.readOnlyCause !== 'marked') {
        [this.readOnly, this.readOnlyCause] = [this.lockedElsewhere, null];
        if (wasReadOnly && this.readOnly === null) this.emit(this.event('writable', 0, [], `${this.name()} can be read again; annotating is possible again.`));
      }
      this.emit(this.event('reloaded', conflicts, details, (conflicts > 0
        ? `${this.name()} was changed elsewhere; Hashiya took the changes in and kept ${plural(conflicts, 'conflict')} for you to decide.`
        : `${this.name()} was changed elsewhere; Hashiya took the changes in.`) + clashSentences(metadataClashes)));
      return true;
    });
  }

  /** Compares the file with what this store last read or wrote, by content (mtime can lie). */
  private async readDisk(): Promise<DiskState> {
    let bytes: Uint8Array | null;
    try {
      bytes = await readBytesOrNull(this.adapter.path);
    } catch (error) {
      if (error instanceof SidecarReadError) return { kind: 'unreadable', error };
      throw error;
    }
    if (sameBytes(bytes, this.adapter.lastBytes)) return { kind: 'unchanged' };
    if (bytes === null) return { kind: 'removed' };
    try {
      const unique = withUniqueIds(this.adapter.parseBytes(bytes));
      if (unique.renamed > 0) {
        this.notices = [this.renumberedMessage(unique.renamed)];
        this.emit(this.event('renumbered', 0, [], this.notices[0]!));
      }
      return { kind: 'changed', bytes, sidecar: fitToArticle(unique.data, this.article, this.text) };
    } catch (error) {
      if (error instanceof SidecarReadError) return { kind: 'unreadable', error };
      throw error;
    }
  }

  /** A lock Hashiya did not make keeps the file read-only until it is deleted, as its message says. */
  private async settleForeignLock(found?: LockedElsewhereError): Promise<string | null> {
    const foreign = found ?? (await findForeignLock(this.adapter.path));
    const was = this.lockedElsewhere;
    this.lockedElsewhere = foreign?.message ?? null;
    if (foreign && this.readOnly !== foreign.message) this.emit(this.event('read-only', 0, [], (this.readOnly = foreign.message)));
    if (!foreign && was !== null && this.readOnly === was) {
      this.readOnly = null;
      this.emit(this.event('writable', 0, [], `${this.name()} is no longer locked by something else; annotating is possible again.`));
    }
    return this.lockedElsewhere;
  }

  private becomeReadOnly(error: SidecarReadError): void {
    this.readOnly = error.message;
    this.readOnlyCause = 'file';
    this.emit(this.event('read-only', 0, [], error.message));
  }

  /** Read-only by the user's or the disk's say: told once, not at every refused try. */
  private turnReadOnly(reason: string, cause: 'marked' | 'refused'): string {
    const told = this.readOnly === reason;
    [this.readOnly, this.readOnlyCause] = [reason, cause];
    if (!told) this.emit(this.event('read-only', 0, [], reason));
    return reason;
  }

  private async refuseIfMarked(): Promise<void> {
    const reason = await markedReadOnly(this.adapter.path);
    if (reason) throw new ReadOnlySidecarError(this.turnReadOnly(reason, 'marked'));
  }

  /** Before refusing: the user may have made it writable since; a refused write is tried again. */
  private async lookAgainAtIntent(): Promise<void> {
    const reason = await markedReadOnly(this.adapter.path);
    if (reason) return void this.turnReadOnly(reason, 'marked');
    const wasMarked = this.readOnlyCause === 'marked';
    [this.readOnly, this.readOnlyCause] = [this.lockedElsewhere, null];
    if (wasMarked) this.emit(this.event('writable', 0, [], `${this.name()} can be changed again; annotating is possible again.`));
  }

  /** A failed save in words for the user; a disk that refuses writing turns the article read-only. */
  private writeFailed(error: unknown): unknown {
    const failure = writeFailureOf(error, basename(this.adapter.path));
    if (!failure) return error;
    if (failure.readOnlyReason) this.turnReadOnly(failure.readOnlyReason, 'refused');
    return failure;
  }

  private renumberedMessage(renamed: number): string {
    return `${this.name()}: ${plural(renamed, 'annotation')} had the id of another (a hand edit or a merge); all are shown, and ${renamed === 1 ? 'it was' : 'they were'} given ${renamed === 1 ? 'a new id' : 'new ids'}, saved with the next change.`;
  }

  private name(): string {
    return this.article.file ? `The annotations of ${this.article.file}` : 'This sidecar';
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  private event(kind: SidecarEvent['kind'], conflicts: number, details: string[], message: string): SidecarEvent {
    return { kind, conflicts, message, details, at: this.now() };
  }

  private emit(event: SidecarEvent): void {
    this.events.push(event);
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener (a closed window) must not undo a save that already happened.
      }
    }
  }
}
