// Which texts of the corpus go together (a translation, or two reports of one event), kept
// in the corpus settings.
import type { Pairing, PairingKind } from '../../../annotations/model/types';
import { ApiError } from '../../api/api';
import type { OpenArticle, WorkspaceContext } from '../workspace-context';

export class PairingService {
  constructor(private readonly ctx: WorkspaceContext) {}

  async list(): Promise<Pairing[]> {
    return this.ctx.corpusSettings().pairings;
  }

  async set(p: Pairing): Promise<Pairing[]> {
    if (p.a === p.b) throw new ApiError('bad-request', 'an article cannot be paired with itself');
    await this.ctx.resolve(p.a);
    await this.ctx.resolve(p.b);
    return this.keep(p);
  }

  /** Keeps a pairing of two texts the caller has already resolved inside the corpus. */
  async keep(p: Pairing): Promise<Pairing[]> {
    const next = await this.ctx.updateCorpusSettings((s) => ({ ...s, pairings: [...s.pairings.filter((x) => !samePair(x, p.a, p.b)), p] }));
    return next.pairings;
  }

  async remove(a: string, b: string): Promise<Pairing[]> {
    const next = await this.ctx.updateCorpusSettings((s) => ({ ...s, pairings: s.pairings.filter((x) => !samePair(x, a, b)) }));
    return next.pairings;
  }

  /** The kind the person gave the pair, or else the one their languages suggest. */
  kindOf(a: OpenArticle, b: OpenArticle): PairingKind {
    const pairing = this.ctx.corpusSettings().pairings.find((p) => samePair(p, a.file, b.file));
    if (pairing) return pairing.kind;
    // An English text beside a Persian or Arabic one is taken for its translation; two
    // sources are two reports of the same event.
    return (a.language === 'en') !== (b.language === 'en') ? 'translation' : 'comparable';
  }
}

function samePair(p: Pairing, a: string, b: string): boolean {
  return (p.a === a && p.b === b) || (p.a === b && p.b === a);
}
