// Pairings: the saved pairs of texts (opened from a picker), and remembering the two shown
// as a translation or a comparable pair, or forgetting them.
import type { Pairing, PairingKind } from '../../annotations/model/types';
import type { HashiyaApi } from '../../corpus/api/api';
import { h, clear } from '../dom';
import { AlignmentSet } from './alignment-set';
import type { ShownTexts } from './shown-texts';

export interface PairingDeps {
  api: HashiyaApi;
  toast(message: string): void;
  texts: Pick<ShownTexts, 'files' | 'setFor' | 'replaceSet'>;
  /** Runs a user action in turn. */
  run(work: () => Promise<void>): void;
  /** Opens these two texts side by side. */
  openFiles(files: string[]): Promise<void>;
  /** An alignment was made again for the pairing's kind: show it. */
  changed(): void;
}

export class PairingControls {
  readonly el: HTMLElement;
  private readonly select = h('select', { class: 'pairings', 'aria-label': 'Saved pairings' }) as HTMLSelectElement;
  private readonly kind = h('select', { class: 'pair-kind', 'aria-label': 'Kind of pairing' }, h('option', { value: 'translation' }, 'translation'), h('option', { value: 'comparable' }, 'comparable')) as HTMLSelectElement;
  private readonly pairButton = h('button', { type: 'button', class: 'pair-these', title: 'Remember these two texts as a pair' }, 'Pair these');
  private readonly unpairButton = h('button', { type: 'button', class: 'unpair', title: 'Forget this pairing' }, 'Unpair');
  private pairings: Pairing[] = [];

  constructor(private readonly deps: PairingDeps) {
    this.select.addEventListener('change', () => {
      const p = this.pairings[Number(this.select.value)];
      this.select.value = '';
      if (p) deps.run(() => deps.openFiles([p.a, p.b]));
    });
    this.pairButton.addEventListener('click', () => deps.run(() => this.pairThese()));
    this.unpairButton.addEventListener('click', () => deps.run(() => this.unpair()));
    this.el = h('span', { class: 'sbs-group sbs-pairing' }, this.select, this.kind, this.pairButton, this.unpairButton);
  }

  fill(pairings: Pairing[]): void {
    this.pairings = pairings;
    clear(this.select);
    this.select.append(h('option', { value: '' }, `Pairings (${pairings.length})…`));
    pairings.forEach((p, i) => this.select.append(h('option', { value: String(i) }, `${p.a} ⇄ ${p.b} (${p.kind})`)));
  }

  /** Shows the kind of the two texts opened: their pairing's, or else their alignment's. */
  showKind(files: readonly string[], alignment: AlignmentSet | undefined): void {
    const pairing = files.length >= 2 ? this.pairingOf(files[0]!, files[1]!) : null;
    if (pairing) this.kind.value = pairing.kind;
    else if (alignment) this.kind.value = alignment.kind;
  }

  /** Pairing needs two articles shown. */
  enable(articles: number): void {
    this.pairButton.disabled = articles < 2;
    this.unpairButton.disabled = articles < 2;
  }

  private pairingOf(a: string, b: string): Pairing | null {
    return this.pairings.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a)) ?? null;
  }

  private async pairThese(): Promise<void> {
    const files = this.deps.texts.files;
    if (files.length < 2) {
      this.deps.toast('Pick two articles to pair.');
      return;
    }
    const kind = this.kind.value as PairingKind;
    this.fill(await this.deps.api.setPairing({ a: files[0]!, b: files[1]!, kind }));
    const set = this.deps.texts.setFor(files[0]!, files[1]!);
    if (set && set.kind !== kind) {
      // The aligner weighs evidence differently for translations and for comparable reports.
      const v = await this.deps.api.alignAgain(files[0]!, files[1]!);
      this.deps.texts.replaceSet(set, new AlignmentSet(v.a, v.b, v.kind, v.links));
      this.deps.changed();
    }
    this.deps.toast(`Paired as ${kind}: ${files[0]} ⇄ ${files[1]}`);
  }

  private async unpair(): Promise<void> {
    const files = this.deps.texts.files;
    if (files.length < 2) return;
    this.fill(await this.deps.api.removePairing(files[0]!, files[1]!));
  }
}
