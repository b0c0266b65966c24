// What two texts share beyond sentence links: spans with the same gloss (annotated, or a
// glossed term of the corpus found in the text) and entities tagged in both (a Person,
// Organisation or Place whose words fold to the same key: روحانی and روحاني are one).
// No DOM.
import type { Annotation, Tag } from '../../annotations/model/types';
import type { Language } from '../../corpus/text/language';
import { findGlossPhrases, findGlossedTerms, type GlossIndex } from '../../annotations/translation/draft-checks';
import { foldKey } from '../../corpus/text/normalise';
import type { Span } from './alignment-set';

export interface SharedText {
  text: string;
  language: Language;
  annotations: readonly Annotation[];
}

export interface SharedGroup {
  key: string;
  /** What to show for it: the gloss, or the entity's words. */
  label: string;
  a: Span[];
  b: Span[];
}

const ENTITY = /^(person|people|organi[sz]ation|org|place|location|country|city)$/i;

/** Tag ids of the taxonomy that name entities. */
export function entityTagIds(taxonomy: readonly Tag[]): Set<string> {
  return new Set(taxonomy.filter((t) => ENTITY.test(t.id) || ENTITY.test(t.name)).map((t) => t.id));
}

interface Keyed {
  key: string;
  label: string;
  span: Span;
}

function keyedSpans(t: SharedText, entities: ReadonlySet<string>, glossary: GlossIndex): Keyed[] {
  const out: Keyed[] = [];
  for (const a of t.annotations) {
    if (a.anchor.status === 'orphaned') continue;
    const span = { start: a.target.position.start, end: a.target.position.end };
    const gloss = a.gloss.trim().replace(/\s+/g, ' ');
    if (gloss) out.push({ key: `g:${gloss.toLowerCase()}`, label: gloss, span });
    if (a.tags.some((x) => entities.has(x))) {
      const key = foldKey(a.target.quote.exact, { lenient: true });
      if (key.length >= 2) out.push({ key: `e:${key}`, label: a.target.quote.exact, span });
    }
  }
  const found = t.language === 'en' ? findGlossPhrases(t.text, glossary) : findGlossedTerms(t.text, glossary);
  for (const m of found) {
    const gloss = m.glosses[0]!;
    out.push({ key: `g:${gloss.toLowerCase()}`, label: gloss, span: { start: m.start, end: m.end } });
  }
  return out;
}

/** The groups of spans that occur in both texts, in the order of their first span in `a`. */
export function sharedSpans(a: SharedText, b: SharedText, entities: ReadonlySet<string>, glossary: GlossIndex): SharedGroup[] {
  const group = (items: Keyed[]) => {
    const m = new Map<string, { label: string; spans: Span[] }>();
    for (const k of items) {
      const g = m.get(k.key);
      if (g) {
        if (!g.spans.some((s) => s.start === k.span.start && s.end === k.span.end)) g.spans.push(k.span);
      } else m.set(k.key, { label: k.label, spans: [k.span] });
    }
    return m;
  };
  const ga = group(keyedSpans(a, entities, glossary));
  const gb = group(keyedSpans(b, entities, glossary));
  const out: SharedGroup[] = [];
  for (const [key, x] of ga) {
    const y = gb.get(key);
    if (!y) continue;
    out.push({ key, label: x.label, a: x.spans.sort((p, q) => p.start - q.start), b: y.spans.sort((p, q) => p.start - q.start) });
  }
  return out.sort((x, y) => x.a[0]!.start - y.a[0]!.start);
}
