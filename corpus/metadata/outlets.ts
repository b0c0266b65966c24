// The outlet that published an article, as its reader would name it. outlet-evidence.ts reads
// every place a text names an outlet; here the findings are weighed. The publisher is named where
// a newsroom names itself: its label or dateline opening the lead, the lead's `به گزارش X،`, its
// masthead, follow and rights lines, its web address, a closing source line. A name the story
// only quotes (`نقلاً عن رويترز`, `به نقل از ایرنا`, an attribution deep in the body) is never
// the publisher. When two outlets both have a publisher's evidence, the text is ambiguous: the
// best is taken and both are offered, with what was read, for the person to pick.
import {
  attributionAt,
  citedIn,
  datedDatelineAt,
  datelineAt,
  domainsIn,
  followAt,
  labelAt,
  mastheadAt,
  rightsAt,
  sourceAt,
  toldIn,
  type OutletEvidence,
  type OutletFinding,
} from './outlet-evidence';
import { labelGluedToHeadline } from './headline';
import { outletByName } from './outlet-gazetteer';
import { looseKey } from '../text/letter-variants';
import { sameLineKey } from './line-keys';
import type { Paragraph } from '../text/paragraphs';
import { wordCount } from '../text/words';
import { paragraphWordsUpTo } from './paragraph-words';

export type { OutletEvidence, OutletFinding } from './outlet-evidence';

export interface OutletCandidate {
  name: string;
  /** The English name for citations, or null for an outlet the gazetteer lacks. */
  english: string | null;
  /** What speaks for it as the publisher; 0 when the text only quotes it. */
  score: number;
  evidence: OutletFinding[];
}

export interface OutletReading {
  best: OutletFinding | null;
  /** Every outlet the text names, the likeliest publisher first. */
  candidates: OutletCandidate[];
  /** True when more than one outlet has a publisher's evidence. */
  uncertain: boolean;
}

export interface OutletContext {
  /** Paragraph index of the headline, or -1. */
  headline: number;
  /** Paragraph indexes of page furniture. */
  boilerplate: ReadonlySet<number>;
}

// A newsroom names itself on its own page (masthead, rights and follow lines, its own link)
// more surely than in the lead, where a site that republishes keeps the source's `به گزارش X،`.
const WEIGHT: Record<OutletEvidence, number> = {
  masthead: 5,
  rights: 5,
  follow: 5,
  domain: 5,
  label: 4,
  dateline: 4,
  attribution: 4,
  interview: 3,
  byline: 3,
  source: 3,
  cited: 0,
};

/** How many body paragraphs may open with the publisher's own label, dateline or attribution. */
const LEAD_PARAGRAPHS = 2;
/** How many body paragraphs may hold the publisher's `به گزارش X،`. */
const ATTRIBUTION_PARAGRAPHS = 3;
/** Short lines after the headline where a dateline or label line may stand. */
const DATELINE_WINDOW = 4;
/** Lines from the top where a masthead or page title may stand. */
const MASTHEAD_WINDOW = 12;
const BODY_MIN_WORDS = 8;
const PROSE_MIN_WORDS = 15;

/** A paragraph of the article's prose: long, or a sentence (a headline-like line of eight words is not). */
function isProse(p: Paragraph): boolean {
  const n = paragraphWordsUpTo(p, PROSE_MIN_WORDS);
  return n >= PROSE_MIN_WORDS || (n >= BODY_MIN_WORDS && /[.!؟?:»"”]\s*$/u.test(p.text.trim()));
}

function keyOf(f: OutletFinding): string {
  return f.known?.id ?? looseKey(f.written).replace(/[\s\u200C]+/g, '');
}

function collect(paragraphs: readonly Paragraph[], ctx: OutletContext): OutletFinding[] {
  const found: OutletFinding[] = [];
  const push = (f: OutletFinding | null | OutletFinding[]): void => {
    if (Array.isArray(f)) found.push(...f);
    else if (f) found.push(f);
  };
  // The lead: the first sentences of the article, wherever they stand (some pages put the
  // standfirst above the headline), never the headline or a copy of it. Compared by key
  // (sameLineKey: a line whose first letter differs is not folded).
  const seen: string[] = ctx.headline >= 0 ? [paragraphs[ctx.headline].text] : [];
  // Only the first few are read (the lead, the attribution's reach): the rest of the article is
  // not looked at here, nor its lines folded.
  const body: Array<{ p: Paragraph; i: number }> = [];
  for (let i = 0; i < paragraphs.length && body.length < Math.max(LEAD_PARAGRAPHS, ATTRIBUTION_PARAGRAPHS); i++) {
    const p = paragraphs[i];
    if (i === ctx.headline || ctx.boilerplate.has(i) || !isProse(p)) continue;
    // A page that prints its standfirst twice has one lead paragraph, not two.
    if (seen.some((text) => sameLineKey(text, p.text))) continue;
    seen.push(p.text);
    body.push({ p, i });
  }
  const lead = body.slice(0, LEAD_PARAGRAPHS);
  const leadIndexes = new Set(lead.map(({ i }) => i));

  for (let i = 0; i < Math.min(paragraphs.length, MASTHEAD_WINDOW); i++) {
    // A dateline line (`زاكروس عربية – أربيل`) is read as one below.
    if (leadIndexes.has(i) || datelineAt(paragraphs[i], i)) continue;
    const named = mastheadAt(paragraphs[i], i);
    // Under the headline a name line is a byline or a source credit (`خبرگزاری مهر` under a
    // Fars Online headline), which says less than a logo above it or the page title.
    push(named && ctx.headline >= 0 && i > ctx.headline ? { ...named, how: 'byline' } : named);
  }
  const afterHeadline = paragraphs.map((p, i) => ({ p, i })).filter(({ i }) => i > ctx.headline && !ctx.boilerplate.has(i));
  for (const { p, i } of afterHeadline.slice(0, DATELINE_WINDOW)) {
    if (paragraphWordsUpTo(p, BODY_MIN_WORDS) >= BODY_MIN_WORDS) break;
    push(datelineAt(p, i) ?? labelAt(p, i));
  }
  // A short line just above the lead (`به گزارش گروه رسانه‌ای شرق،`, `المعلومة/ بغداد...`) opens it.
  for (const { i } of lead) {
    const above = i - 1;
    if (above > ctx.headline && above >= 0 && !ctx.boilerplate.has(above) && paragraphWordsUpTo(paragraphs[above], BODY_MIN_WORDS) < BODY_MIN_WORDS) {
      const p = paragraphs[above];
      push(datelineAt(p, above) ?? labelAt(p, above));
      push(attributionAt(p, above));
    }
  }
  for (const { p, i } of lead) push(datelineAt(p, i) ?? datedDatelineAt(p, i) ?? labelAt(p, i));
  // A lead that opens with a bare `:` lost its label to the headline line (`الخبر مثـقفون…`).
  if (ctx.headline >= 0 && lead[0]) {
    const h = paragraphs[ctx.headline];
    const name = labelGluedToHeadline(h.text.trimStart(), lead[0].p.text);
    const known = name ? outletByName(name) : null;
    if (name && known) push({ name: known.outlet.native[0], written: name, known: known.outlet, how: 'label', paragraph: ctx.headline, start: h.start + h.text.indexOf(name), end: h.start + h.text.indexOf(name) + name.length });
  }
  // The publisher's `به گزارش X،` opens the body, which may come after a standfirst or two.
  for (const { p, i } of body.slice(0, ATTRIBUTION_PARAGRAPHS)) push(attributionAt(p, i));
  paragraphs.forEach((p, i) => {
    push(sourceAt(p, i));
    push(followAt(p, i));
    push(rightsAt(p, i));
    push(domainsIn(p, i));
    push(toldIn(p, i));
    // Past the lead, even `به گزارش X` quotes someone else.
    push(citedIn(p, i));
  });
  // One place read by two rules counts once, as the rule that says more.
  const best = new Map<number, OutletFinding>();
  for (const f of found) {
    const seen = best.get(f.start);
    if (!seen || WEIGHT[f.how] > WEIGHT[seen.how]) best.set(f.start, f);
  }
  return [...best.values()];
}

/**
 * `به گزارش همشهری` in a text that also names `همشهری آنلاین`: a bare name that is part of a
 * fuller name the same text gives stands for that fuller name.
 */
function withFullerNames(findings: OutletFinding[]): OutletFinding[] {
  // Each spelling is folded once and the fuller names are looked for among the distinct ones:
  // a text that names its outlet thousands of times (a book-length file) stays linear.
  const keys = findings.map((f) => looseKey(f.written).replace(/[\s\u200C]+/g, ' ').trim());
  const firstOfKey = new Map<string, number>();
  keys.forEach((k, i) => {
    const f = findings[i]!;
    if (f.known && !firstOfKey.has(`${k}\u0000${f.known.id}`)) firstOfKey.set(`${k}\u0000${f.known.id}`, i);
  });
  const fullerByKey = new Map<string, OutletFinding | null>();
  return findings.map((f, i) => {
    const k = keys[i]!;
    const memo = `${k}\u0000${f.known?.id ?? ''}`;
    let fuller = fullerByKey.get(memo);
    if (fuller === undefined) {
      const j = [...firstOfKey.values()].find((j) => findings[j]!.known !== f.known && keys[j]!.length > k.length && ` ${keys[j]} `.includes(` ${k} `));
      fuller = j === undefined ? null : findings[j]!;
      fullerByKey.set(memo, fuller);
    }
    return fuller ? { ...f, name: fuller.name, known: fuller.known } : f;
  });
}

export function readOutlet(paragraphs: readonly Paragraph[], ctx: OutletContext): OutletReading {
  const findings = withFullerNames(collect(paragraphs, ctx));
  const byOutlet = new Map<string, OutletCandidate>();
  for (const f of findings) {
    const key = keyOf(f);
    const c = byOutlet.get(key) ?? { name: f.name, english: f.known?.english ?? null, score: 0, evidence: [] };
    c.score += WEIGHT[f.how];
    c.evidence.push(f);
    byOutlet.set(key, c);
  }
  const candidates = [...byOutlet.values()].sort((a, b) => b.score - a.score || a.evidence[0].start - b.evidence[0].start);
  const publishers = candidates.filter((c) => c.score > 0);
  const best = publishers[0]?.evidence.filter((f) => f.how !== 'cited').sort((a, b) => WEIGHT[b.how] - WEIGHT[a.how] || a.start - b.start)[0] ?? null;
  return { best, candidates, uncertain: publishers.length > 1 };
}
