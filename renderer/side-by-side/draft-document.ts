// The draft editor's document: one block per source segment (a `segment` to translate, or a
// `skipped` one not for translation), built from an article and its saved renderings.
import { Schema, type Node as PMNode } from 'prosemirror-model';
import type { ArticleDoc } from '../../corpus/api/api';
import type { GlossIndex } from '../../annotations/translation/draft-checks';
import type { Span } from './alignment-set';
import { segmentKey } from './column';
import { glossSuggestions, type GlossSuggestion } from './gloss-suggestions';

export const draftSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    segment: {
      group: 'block',
      content: 'text*',
      marks: '',
      isolating: true,
      defining: true,
      attrs: { start: { default: 0 }, end: { default: 0 }, status: { default: 'untranslated' }, first: { default: false } },
      toDOM: (node: PMNode) => ['div', { class: 'seg draft-seg', 'data-start': String(node.attrs.start), 'data-end': String(node.attrs.end) }, 0],
    },
    skipped: {
      group: 'block',
      atom: true,
      selectable: false,
      attrs: { start: { default: 0 }, end: { default: 0 }, first: { default: false } },
      toDOM: (node: PMNode) => [
        'div',
        { class: `seg draft-seg skipped${node.attrs.first ? ' para-start' : ''}`, contenteditable: 'false', 'data-start': String(node.attrs.start), 'data-end': String(node.attrs.end) },
        'not for translation',
      ],
    },
    text: {},
  },
});

export interface DraftDocument {
  doc: PMNode;
  /** Each segment's source text, by segment key. */
  sources: Map<string, string>;
  /** The glosses offered for each segment's terms, by segment key. */
  suggestions: Map<string, GlossSuggestion[]>;
}

export function draftDocument(article: ArticleDoc, glossary: GlossIndex): DraftDocument {
  const rendering = new Map(article.renderings.map((r) => [segmentKey(r), r]));
  const sources = new Map<string, string>();
  const suggestions = new Map<string, GlossSuggestion[]>();
  let lastParagraph = -1;
  const blocks: PMNode[] = [];
  for (const s of [...article.segments].sort((x, y) => x.start - y.start)) {
    const key = segmentKey(s);
    const source = article.text.slice(s.start, s.end);
    sources.set(key, source);
    const first = s.paragraph !== lastParagraph;
    lastParagraph = s.paragraph;
    if (s.skip) {
      blocks.push(draftSchema.nodes.skipped!.create({ start: s.start, end: s.end, first }));
      continue;
    }
    suggestions.set(key, glossSuggestions(source, glossary));
    const r = rendering.get(key);
    const text = r?.text ?? '';
    blocks.push(draftSchema.nodes.segment!.create({ start: s.start, end: s.end, status: r?.status ?? 'untranslated', first }, text ? draftSchema.text(text) : null));
  }
  if (blocks.length === 0) blocks.push(draftSchema.nodes.skipped!.create({ start: 0, end: 0, first: true }));
  return { doc: draftSchema.node('doc', null, blocks), sources, suggestions };
}

/** The source offsets a block stands for. */
export function blockSpan(node: PMNode): Span {
  return { start: node.attrs.start as number, end: node.attrs.end as number };
}

/** Whether two documents have the same blocks, for the same source segments. */
export function sameBlocks(a: PMNode, b: PMNode): boolean {
  if (a.childCount !== b.childCount) return false;
  for (let i = 0; i < a.childCount; i++) {
    const x = a.child(i);
    const y = b.child(i);
    if (x.type !== y.type || x.attrs.start !== y.attrs.start || x.attrs.end !== y.attrs.end) return false;
  }
  return true;
}
