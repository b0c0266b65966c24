// Autosave of drafts: a segment is saved a moment after the typing in it pauses, and never
// later than about a second after its first unsaved change, so a crash loses at most that.
import type { SaveRenderingRequest } from '../../corpus/api/api';

export interface SaveQueueOptions {
  /** The segment's current draft, or null when it is gone. */
  read(key: string): SaveRenderingRequest | null;
  save(rendering: SaveRenderingRequest): Promise<unknown>;
  onState(state: 'saving' | 'saved' | 'error', message?: string): void;
  /** Quiet time after the last change (ms). */
  pause?: number;
  /** Longest an unsaved change waits (ms). */
  longest?: number;
}

export class SaveQueue {
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstChange = 0;
  private running: Promise<void> = Promise.resolve();
  private inFlight = 0;
  /** What was last saved per segment, so an undo back to it is not saved twice. */
  private readonly saved = new Map<string, string>();

  constructor(private readonly options: SaveQueueOptions) {}

  get pending(): boolean {
    return this.dirty.size > 0 || this.inFlight > 0;
  }

  touch(key: string): void {
    const now = Date.now();
    if (this.dirty.size === 0) this.firstChange = now;
    this.dirty.add(key);
    if (this.timer !== null) clearTimeout(this.timer);
    const pause = this.options.pause ?? 400;
    const longest = this.options.longest ?? 900;
    const wait = Math.max(0, Math.min(pause, this.firstChange + longest - now));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Saves everything waiting; resolves when those saves (and earlier ones) are done. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const keys = [...this.dirty];
    this.dirty.clear();
    if (keys.length === 0) return this.running;
    const batch = keys.map((k) => this.options.read(k)).filter((r): r is SaveRenderingRequest => r !== null);
    const previous = this.running;
    this.inFlight++;
    this.options.onState('saving');
    this.running = (async () => {
      await previous;
      try {
        for (const r of batch) {
          const key = `${r.start}:${r.end}`;
          const fingerprint = `${r.status}\u0000${r.text}`;
          if (this.saved.get(key) === fingerprint) continue;
          await this.options.save(r);
          this.saved.set(key, fingerprint);
        }
        this.inFlight--;
        if (!this.pending) this.options.onState('saved');
      } catch (error) {
        this.inFlight--;
        // Keep them waiting: the next change or flush tries again.
        for (const r of batch) if (this.saved.get(`${r.start}:${r.end}`) !== `${r.status}\u0000${r.text}`) this.dirty.add(`${r.start}:${r.end}`);
        this.options.onState('error', (error as Error).message);
      }
    })();
    return this.running;
  }
}
