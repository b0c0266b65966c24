// Undo/redo of annotation changes. Each command knows how to undo and redo itself through
// the API, so undo is saved to the sidecar like any other change.

export interface Command {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export class UndoStack {
  private done: Command[] = [];
  private undone: Command[] = [];
  private busy: Promise<void> = Promise.resolve();

  constructor(private readonly onChange: () => void = () => undefined) {}

  /** Records a command whose change has already been applied. */
  push(command: Command): void {
    this.done.push(command);
    this.undone = [];
    this.onChange();
  }

  undo(): Promise<void> {
    return this.step(this.done, this.undone, (c) => c.undo());
  }

  redo(): Promise<void> {
    return this.step(this.undone, this.done, (c) => c.redo());
  }

  private step(from: Command[], to: Command[], run: (c: Command) => Promise<void>): Promise<void> {
    // One at a time: a quick double Ctrl+Z must not interleave two API calls. A failed step
    // must not poison the chain, or every later undo would fail with it.
    const next = this.busy.then(async () => {
      const c = from.pop();
      if (!c) return;
      try {
        await run(c);
        to.push(c);
      } catch (error) {
        from.push(c);
        throw error;
      } finally {
        this.onChange();
      }
    });
    this.busy = next.catch(() => undefined);
    return next;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.onChange();
  }
}
