// What the detectors find in an article's text: its direction, paragraphs, details and page
// furniture. They read the text alone (its language and a saved page's head aside), and on a
// long article they cost more than everything else in opening it, so they run once per text
// and are kept until the text changes, not on every open.
import { nearEdges } from '../metadata/edge-window';
import { detectFurnitureTails } from '../metadata/furniture-tails';
import { detectBoilerplate, detectMetadata, type DetectedMetadata } from '../metadata/metadata';
import { withDeclared, type ArticleDetails } from '../metadata/declared-metadata';
import { languageDirection, paragraphDirection, type Direction } from '../text/language';
import { splitParagraphs, type Paragraph } from '../text/paragraphs';
import type { LoadedArticle } from './article-file';

export interface ArticleDetection {
  dir: Direction;
  paragraphs: Paragraph[];
  /** The detectors' details, a saved page's declared ones put first. */
  detected: DetectedMetadata;
  declared: ArticleDetails;
  /** Paragraphs the detectors take for boilerplate. */
  boilerplate: ReadonlySet<number>;
  /** Paragraph index → where its trailing furniture begins. */
  tails: ReadonlyMap<number, number>;
}

type DetectionInput = Pick<LoadedArticle, 'text' | 'language' | 'pageMeta'>;

export function detectArticle(article: DetectionInput): ArticleDetection {
  const dir = article.language === 'und' ? paragraphDirection(article.text, 'rtl') : languageDirection(article.language);
  const paragraphs = splitParagraphs(article.text, dir);
  // Details and furniture of a book-length text are looked for near its edges only.
  const edges = nearEdges(paragraphs, article.text.length);
  const found = detectMetadata(article.text, article.language, edges);
  // A saved page's head says its headline, site and date: those come before the detectors' guesses.
  const declared = withDeclared({ headline: found.headline, outlet: found.outlet, date: found.date, untitled: found.headlineParagraph === null }, article.pageMeta, article.language);
  return {
    dir,
    paragraphs,
    detected: { ...found, headline: declared.headline, outlet: declared.outlet, date: declared.date },
    declared,
    boilerplate: detectBoilerplate(edges, article.language),
    tails: new Map(detectFurnitureTails(edges, article.language).map((t) => [t.paragraph, t.start])),
  };
}

/** Enough for the few articles a person goes back and forth between; the rest are worked out again. */
const KEPT = 16;

/**
 * Each file's detection, kept while its text, language and page head are the ones it was
 * found in: an article read again from disk with other text is detected anew.
 */
export class ArticleDetections {
  private readonly kept = new Map<string, { input: DetectionInput; detection: ArticleDetection }>();

  for(file: string, article: DetectionInput): ArticleDetection {
    const held = this.kept.get(file);
    this.kept.delete(file);
    const fresh = held && held.input.text === article.text && held.input.language === article.language && held.input.pageMeta === article.pageMeta;
    const detection = fresh ? held.detection : detectArticle(article);
    this.kept.set(file, { input: { text: article.text, language: article.language, pageMeta: article.pageMeta }, detection });
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
    return detection;
  }

  forget(file: string): void {
    this.kept.delete(file);
  }
}
