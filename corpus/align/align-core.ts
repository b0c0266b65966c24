// Paragraphs first, then sentences inside aligned paragraphs. Links a person has confirmed
// are fixed points: the texts between two of them are aligned on their own, so a correction
// is never undone by the next run, and the length model learns its ratio and variance from
// them.
import type { AlignmentLink } from '../../annotations/model/types';
import {
  COMPARABLE_WEIGHTS,
  EvidenceIndex,
  TRANSLATION_WEIGHTS,
  prepareGlossary,
  scriptOf,
  unitFeatures,
  type EvidenceWeights,
  type GlossEntry,
  type UnitFeatures,
} from './align-anchors';
import { alignSequences, type Bead } from './align-dp';
import { DELETION_LOG_PER_LETTER, beadCategories, defaultParams, estimateParams, lengthLogProb, measure, type AlignKind, type AlignParams, type BeadCategory } from './align-model';
import type { SegmentedParagraph } from '../text/segment';

export interface AlignOptions {
  /** 'comparable' for two reports of one event that do not translate each other. */
  kind?: AlignKind;
  /** Links the user confirmed: kept as they are, and used to re-estimate the length model. */
  confirmed?: readonly AlignmentLink[];
  /** Terms with a gloss: a link is favoured when the term is in one segment and its gloss in the other. */
  glossary?: readonly GlossEntry[];
  /** Fixed length-model parameters; missing ones are estimated. */
  params?: Partial<AlignParams>;
  /** Use numbers, Latin tokens, glosses and shared words besides lengths; default true. */
  anchors?: boolean;
  /** Indexes of the paragraphs of each text that are page furniture (see corpus/boilerplate.ts). */
  furnitureA?: ReadonlySet<number>;
  furnitureB?: ReadonlySet<number>;
}

const NO_ANCHORS: EvidenceWeights = { numberShared: 0, numberMissing: 0, latinShared: 0, latinMissing: 0, glossShared: 0, glossMissing: 0, words: 0 };

interface Sentence {
  start: number;
  end: number;
  paragraph: number;
  features: UnitFeatures;
}

interface Side {
  text: string;
  sentences: Sentence[];
}

interface Model {
  params: AlignParams;
  weights: EvidenceWeights;
  kind: AlignKind;
}

function sentencesOf(
  text: string,
  paragraphs: readonly SegmentedParagraph[],
  features: (s: string) => UnitFeatures,
  furniture: ReadonlySet<number> | undefined,
): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, paragraph) => {
    const spans = p.sentences.length > 0 ? p.sentences : [{ start: p.start, end: p.end }];
    for (const s of spans) {
      if (s.end <= s.start || text.slice(s.start, s.end).trim() === '') continue;
      const f = features(text.slice(s.start, s.end));
      f.furniture = furniture?.has(paragraph) ?? false;
      out.push({ start: s.start, end: s.end, paragraph, features: f });
    }
  });
  return out;
}

function merge(units: readonly UnitFeatures[]): UnitFeatures {
  const vocab = new Set<string>();
  let anyVocab = false;
  for (const u of units) {
    if (u.vocabulary) {
      anyVocab = true;
      for (const w of u.vocabulary) vocab.add(w);
    }
  }
  const union = (pick: (u: UnitFeatures) => readonly string[]) => [...new Set(units.flatMap(pick))];
  return {
    len: units.reduce((s, u) => s + u.len, 0),
    furniture: units.length > 0 && units.every((u) => u.furniture),
    numbers: union((u) => u.numbers),
    latin: union((u) => u.latin),
    vocabulary: anyVocab ? vocab : null,
    glosses: union((u) => u.glosses),
    words: union((u) => u.words),
  };
}

// Leaving a furniture line out of a translation is what translators do.
const FURNITURE_DELETION = Math.log(0.5);
// A furniture line is not part of the sentence next to it.
const FURNITURE_IN_GROUP = -6;
// A furniture line is rarely translated; when it is, it still links one to one.
const FURNITURE_MATCHED = -2;
// A bead this unlikely by its lengths (e^-40) plays no part in any alignment.
const HOPELESS = -40;

function scorer(unitsA: readonly UnitFeatures[], unitsB: readonly UnitFeatures[], categories: readonly BeadCategory[], model: Model, evidence: EvidenceIndex) {
  const prefix = (units: readonly UnitFeatures[], pick: (u: UnitFeatures) => number) => {
    const out = new Float64Array(units.length + 1);
    units.forEach((u, k) => (out[k + 1] = out[k]! + pick(u)));
    return out;
  };
  const lettersA = prefix(unitsA, (u) => u.len);
  const lettersB = prefix(unitsB, (u) => u.len);
  const furnitureA = prefix(unitsA, (u) => (u.furniture ? 1 : 0));
  const furnitureB = prefix(unitsB, (u) => (u.furniture ? 1 : 0));
  const maxA = Math.max(...categories.map((c) => c.a));
  const maxB = Math.max(...categories.map((c) => c.b));
  const priors: number[][] = Array.from({ length: maxA + 1 }, () => new Array<number>(maxB + 1).fill(-Infinity));
  for (const c of categories) priors[c.a]![c.b] = c.logPrior;
  return (i0: number, j0: number, da: number, db: number): number => {
    const furniture = furnitureA[i0 + da]! - furnitureA[i0]! + furnitureB[j0 + db]! - furnitureB[j0]!;
    const deletion = da === 0 || db === 0;
    if (deletion && furniture === da + db) return FURNITURE_DELETION;
    const la = lettersA[i0 + da]! - lettersA[i0]!;
    const lb = lettersB[j0 + db]! - lettersB[j0]!;
    let score = priors[da]![db]! + (deletion ? DELETION_LOG_PER_LETTER * (la + lb / model.params.c) : lengthLogProb(la, lb, model.params));
    if (furniture > 0) score += da + db > 2 ? FURNITURE_IN_GROUP * furniture : FURNITURE_MATCHED;
    // Beyond this no anchor can rescue the bead; skipping it keeps long articles fast.
    if (score < HOPELESS) return -Infinity;
    return score + evidence.evidence(i0, da, j0, db);
  };
}

function align(unitsA: readonly UnitFeatures[], unitsB: readonly UnitFeatures[], level: 'paragraph' | 'sentence', model: Model, evidence = new EvidenceIndex(unitsA, unitsB, model.weights)): Bead[] {
  const categories = beadCategories(model.kind, level);
  return alignSequences(unitsA.length, unitsB.length, categories, scorer(unitsA, unitsB, categories, model, evidence));
}

interface Group {
  a: Sentence[];
  b: Sentence[];
}

function paragraphsOf(sentences: readonly Sentence[]): Sentence[][] {
  const out: Sentence[][] = [];
  for (const s of sentences) {
    const last = out[out.length - 1];
    if (last && last[0]!.paragraph === s.paragraph) last.push(s);
    else out.push([s]);
  }
  return out;
}

/** The paragraph beads that have text on both sides: the groups whose sentences are aligned. */
function paragraphGroups(a: readonly Sentence[], b: readonly Sentence[], model: Model, refine: boolean): Array<Group & { posterior: number }> {
  const pa = paragraphsOf(a);
  const pb = paragraphsOf(b);
  if (pa.length === 0 || pb.length === 0) return [];
  // A text without its paragraph breaks (a pasted translation on one line) has nothing to
  // align paragraphs with: its sentences are aligned in one run.
  const ratio = Math.min(pa.length, pb.length) / Math.max(pa.length, pb.length);
  if (ratio < 0.4 && Math.max(pa.length, pb.length) > 3) return [{ a: [...a], b: [...b], posterior: 1 }];
  const ua = pa.map((p) => merge(p.map((s) => s.features)));
  const ub = pb.map((p) => merge(p.map((s) => s.features)));
  const evidence = new EvidenceIndex(ua, ub, model.weights);
  let beads = align(ua, ub, 'paragraph', model, evidence);
  if (refine) {
    // The ratio of the whole texts counts the furniture that the translation leaves out; the
    // paragraphs that did align give a better one.
    let sumA = 0;
    let sumB = 0;
    for (const bead of beads) {
      if (bead.a1 === bead.a0 || bead.b1 === bead.b0 || bead.posterior < 0.5) continue;
      for (let i = bead.a0; i < bead.a1; i++) if (!ua[i]!.furniture) sumA += ua[i]!.len;
      for (let j = bead.b0; j < bead.b1; j++) if (!ub[j]!.furniture) sumB += ub[j]!.len;
    }
    if (sumA > 0 && sumB > 0) {
      const refined: Model = { ...model, params: { ...model.params, c: sumB / sumA } };
      beads = align(ua, ub, 'paragraph', refined, evidence);
      model.params = refined.params;
    }
  }
  return beads
    .filter((bead) => bead.a1 > bead.a0 && bead.b1 > bead.b0)
    .map((bead) => ({ a: pa.slice(bead.a0, bead.a1).flat(), b: pb.slice(bead.b0, bead.b1).flat(), posterior: bead.posterior }));
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function alignRegion(a: readonly Sentence[], b: readonly Sentence[], model: Model, refine: boolean): AlignmentLink[] {
  const links: AlignmentLink[] = [];
  for (const group of paragraphGroups(a, b, model, refine)) {
    const ua = group.a.map((s) => s.features);
    const ub = group.b.map((s) => s.features);
    const evidence = new EvidenceIndex(ua, ub, model.weights);
    for (const bead of align(ua, ub, 'sentence', model, evidence)) {
      const da = bead.a1 - bead.a0;
      const db = bead.b1 - bead.b0;
      if (da === 0 || db === 0) continue;
      let score = group.posterior * bead.posterior;
      // Two reports line up by length alone all too easily: only what they share makes a
      // link between them believable.
      if (model.kind === 'comparable') score *= sigmoid(evidence.evidence(bead.a0, da, bead.b0, db) - 1.5);
      const first = (side: Sentence[], k: number) => side[k]!.start;
      const last = (side: Sentence[], k: number) => side[k]!.end;
      links.push({ a: [first(group.a, bead.a0), last(group.a, bead.a1 - 1)], b: [first(group.b, bead.b0), last(group.b, bead.b1 - 1)], score, confirmed: false });
    }
  }
  return links;
}

/** Confirmed links in reading order, dropping any that cross an earlier one. */
function confirmedChain(confirmed: readonly AlignmentLink[], lengthA: number, lengthB: number): AlignmentLink[] {
  const valid = confirmed
    .filter((l) => l.a[0] < l.a[1] && l.b[0] < l.b[1] && l.a[1] <= lengthA && l.b[1] <= lengthB && l.a[0] >= 0 && l.b[0] >= 0)
    .slice()
    .sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0]);
  const chain: AlignmentLink[] = [];
  for (const l of valid) {
    const last = chain[chain.length - 1];
    if (!last || (l.a[0] >= last.a[1] && l.b[0] >= last.b[1])) chain.push(l);
  }
  return chain;
}

/** Aligns two segmented texts; links come in reading order, confirmed ones included as given. */
export function alignSegmented(
  textA: string,
  paragraphsA: readonly SegmentedParagraph[],
  textB: string,
  paragraphsB: readonly SegmentedParagraph[],
  options: AlignOptions = {},
): AlignmentLink[] {
  const kind = options.kind ?? 'translation';
  const scriptA = scriptOf(textA);
  const scriptB = scriptOf(textB);
  const same = scriptA === scriptB;
  const glossary = prepareGlossary(options.glossary ?? []);
  const features = (script: typeof scriptA) => (s: string) => unitFeatures(s, script, same, glossary, measure(s));
  const a: Side = { text: textA, sentences: sentencesOf(textA, paragraphsA, features(scriptA), options.furnitureA) };
  const b: Side = { text: textB, sentences: sentencesOf(textB, paragraphsB, features(scriptB), options.furnitureB) };

  const chain = confirmedChain(options.confirmed ?? [], textA.length, textB.length);
  const base = defaultParams(
    a.sentences.reduce((s, x) => s + (x.features.furniture ? 0 : x.features.len), 0),
    b.sentences.reduce((s, x) => s + (x.features.furniture ? 0 : x.features.len), 0),
  );
  let params = chain.length > 0 ? estimateParams(chain, textA, textB, base) : base;
  params = { ...params, ...options.params };
  if (kind === 'comparable') params = { ...params, s2: params.s2 * 4 };
  const weights = options.anchors === false ? NO_ANCHORS : kind === 'comparable' ? COMPARABLE_WEIGHTS : TRANSLATION_WEIGHTS;
  const model: Model = { params, weights, kind };
  const refine = options.params?.c === undefined && chain.length < 3 && kind === 'translation';

  const links: AlignmentLink[] = chain.map((l) => ({ a: [l.a[0], l.a[1]], b: [l.b[0], l.b[1]], score: 1, confirmed: true }));
  const fences = [{ a: [0, 0], b: [0, 0] }, ...chain, { a: [textA.length, textA.length], b: [textB.length, textB.length] }];
  for (let k = 1; k < fences.length; k++) {
    const lowA = fences[k - 1]!.a[1]!;
    const highA = fences[k]!.a[0]!;
    const lowB = fences[k - 1]!.b[1]!;
    const highB = fences[k]!.b[0]!;
    const inA = a.sentences.filter((s) => s.start >= lowA && s.end <= highA);
    const inB = b.sentences.filter((s) => s.start >= lowB && s.end <= highB);
    if (inA.length === 0 || inB.length === 0) continue;
    links.push(...alignRegion(inA, inB, model, refine && k === 1 && chain.length === 0));
  }
  return links.sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0]);
}
