// Correcting the alignment by hand: link the picked segments of two texts, unlink or confirm
// a picked segment's links, align again from what was confirmed. Each change is saved at once.
import type { HashiyaApi } from '../../corpus/api/api';
import { AlignmentSet, type Side, type Span } from './alignment-set';
import type { Picks } from './picks';
import { realignedMessage, type ShownTexts } from './shown-texts';

export interface LinkEditingDeps {
  api: HashiyaApi;
  toast(message: string): void;
  texts: Pick<ShownTexts, 'sets' | 'setFor'>;
  picks: Pick<Picks, 'list' | 'last'>;
  /** The links changed: show them again. */
  changed(): void;
  /** Every link was made again: whatever was under review is gone. */
  realigned(): void;
}

export class LinkEditing {
  constructor(private readonly deps: LinkEditingDeps) {}

  /** Saves an edited alignment (the store may tidy it) and shows it. */
  async save(set: AlignmentSet): Promise<void> {
    const v = await this.deps.api.saveAlignment(set.a, set.b, [...set.links]);
    set.replace(v.links);
    this.deps.changed();
  }

  async link(): Promise<void> {
    const picks = this.deps.picks.list;
    const first = picks[0];
    const second = first ? picks.find((p) => p.column.file !== first.column.file) : undefined;
    if (!first || !second) {
      this.deps.toast('Pick a segment in each of two texts first (click one, then the other).');
      return;
    }
    const set = this.deps.texts.setFor(first.column.file, second.column.file);
    if (!set) return;
    if (set.a === first.column.file) set.link(first.span, second.span);
    else set.link(second.span, first.span);
    await this.save(set);
  }

  async unlink(): Promise<void> {
    await this.changeLinks((set, side, span) => set.unlink(side, span), 'This segment has no link.');
  }

  async confirm(): Promise<void> {
    await this.changeLinks((set, side, span) => set.confirm(side, span), 'Nothing to confirm here.');
  }

  private async changeLinks(change: (set: AlignmentSet, side: Side, span: Span) => number, nothing: string): Promise<void> {
    const p = this.deps.picks.last;
    if (!p) {
      this.deps.toast('Pick a segment first.');
      return;
    }
    let changed = 0;
    for (const set of this.deps.texts.sets) {
      const side = set.sideOf(p.column.file);
      if (!side) continue;
      const n = change(set, side, p.span);
      if (n > 0) {
        changed += n;
        await this.save(set);
      }
    }
    if (changed === 0) this.deps.toast(nothing);
  }

  /** Aligns every two texts again, keeping and learning from the confirmed links. */
  async alignAgain(): Promise<void> {
    const sets = this.deps.texts.sets;
    if (sets.length === 0) {
      this.deps.toast('Open two articles to align them.');
      return;
    }
    const realigned: string[] = [];
    for (const set of sets) {
      const v = await this.deps.api.alignAgain(set.a, set.b);
      set.replace(v.a === set.a ? v.links : new AlignmentSet(v.a, v.b, v.kind, v.links).from(set.a));
      if (v.realigned) realigned.push(realignedMessage(v.realigned));
    }
    if (realigned.length > 0) this.deps.toast(realigned.join(' '));
    this.deps.realigned();
  }
}
