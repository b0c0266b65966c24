// The article on screen as the controllers share it: its document, its annotations, its text view.
import type { Annotation, Tag } from '../../annotations/model/types';
import type { ArticleDoc } from '../../corpus/api/api';
import type { HighlightSpan, ReadingView } from '../reading/reading-view';
import { tagClass } from '../tag-styles';

export interface OpenArticle {
  readonly doc: ArticleDoc;
  /** The annotations as last saved, by id; the editing controller keeps it current. */
  readonly annotations: Map<string, Annotation>;
  readonly reading: ReadingView;
}

/** Annotations in text order: by start, then by end. */
export function sortedAnnotations(annotations: ReadonlyMap<string, Annotation>): Annotation[] {
  return [...annotations.values()].sort(
    (x, y) => x.target.position.start - y.target.position.start || x.target.position.end - y.target.position.end,
  );
}

/** How an annotation is drawn in the text: its span, coloured by its first tag. */
export function highlightSpan(taxonomy: Tag[], a: Annotation): HighlightSpan {
  return { id: a.id, start: a.target.position.start, end: a.target.position.end, colour: tagClass(taxonomy, a.tags[0]) };
}

/** A quote shortened to one line for a title or a menu. */
