// Side by side: the drafting services over one workspace (pairings, alignment, glossary,
// progress, drafts, segment cuts, hand-off formats), wired to each other once.
import type { WorkspaceContext } from '../workspace-context';
import { AlignmentService } from './alignment';
import { CutService } from './cuts';
import { GlossaryService } from './glossary';
import { InterchangeService } from './interchange';
import { PairingService } from './pairings';
import { ProgressService } from './progress';
import { RenderingService } from './renderings';

export { safeFileStem } from './interchange';

export class DraftingServices {
  readonly pairings: PairingService;
  readonly glossary: GlossaryService;
  readonly alignment: AlignmentService;
  readonly progress: ProgressService;
  readonly renderings: RenderingService;
  readonly cuts: CutService;
  readonly interchange: InterchangeService;

  constructor(ctx: WorkspaceContext) {
    this.pairings = new PairingService(ctx);
    this.glossary = new GlossaryService(ctx);
    this.alignment = new AlignmentService(ctx, this.pairings, this.glossary);
    this.progress = new ProgressService(ctx);
    this.renderings = new RenderingService(ctx);
    this.cuts = new CutService(ctx);
    this.interchange = new InterchangeService(ctx, this.alignment, this.pairings);
  }
}
