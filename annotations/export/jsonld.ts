// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD: an
// AnnotationCollection whose first page holds one Annotation per quotation. Offsets are
// converted to code points, as the model's TextPositionSelector requires.
import type { Quotation } from '../quotations/quotations';
import { isLinkableUrl } from '../quotations/citation';
import type { ResolvedOptions } from './options';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An IRI for an annotation id: urn:uuid for the app's own ids, a tag-free URN otherwise. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:hashiya:annotation:${encodeURIComponent(id)}`;
}

/** The article as a relative IRI (each path segment percent-encoded where IRIs need it). */
export function sourceIri(file: string): string {
  return file.split('/').map((seg) => encodeURI(seg).replace(/[?#]/g, encodeURIComponent)).join('/');
}

/**
 * The target's source: the article's web address when it has one (an http or https address, so
 * that the annotation points at the page a reader can open), else the file name as a relative
 * IRI. With an address and an access date, the file stays in the export as the TimeState's
 * `cached` copy (the model's own place for "the representation that was annotated").
 */
export function sourceId(q: Pick<Quotation, 'file' | 'url'>): string {
  return q.url && isLinkableUrl(q.url) ? q.url : sourceIri(q.file);
}

/** An ISO access date as the xsd:dateTime a TimeState needs: a bare date is read as its start, in UTC. */
export function xsdDateTime(iso: string | undefined): string | null {
  const text = iso?.trim() ?? '';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return text;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text}T00:00:00Z`;
  return null;
}

type Body = { type: 'TextualBody'; value: string; purpose: 'describing' | 'tagging' | 'commenting'; format: 'text/plain'; language?: string };

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  creator?: { type: 'Person'; name: string };
  body: Body[];
  target: {
    type: 'SpecificResource';
    source: { id: string; type: 'Text'; format: 'text/plain'; language: string; textDirection?: 'rtl' | 'ltr' };
    /** With a web address: when it was read (the page's saved time) and the local copy annotated. */
    state?: { type: 'TimeState'; sourceDate: string; cached: string };
    selector: Array<{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | { type: 'TextPositionSelector'; start: number; end: number }>;
  };
}

export function quotationToAnnotation(q: Quotation): WebAnnotation {
  const body: Body[] = [];
  if (q.gloss) body.push({ type: 'TextualBody', value: q.gloss, purpose: 'describing', format: 'text/plain', language: 'en' });
  q.tagNames.forEach((name) => body.push({ type: 'TextualBody', value: name, purpose: 'tagging', format: 'text/plain' }));
  if (q.note) body.push({ type: 'TextualBody', value: q.note, purpose: 'commenting', format: 'text/plain' });
  const selector: WebAnnotation['target']['selector'] = [{ type: 'TextQuoteSelector', exact: q.quote, prefix: q.prefix, suffix: q.suffix }];
  // An orphaned annotation has no trustworthy position: only its quote is exported.
  if (q.codePoints) selector.push({ type: 'TextPositionSelector', start: q.codePoints.start, end: q.codePoints.end });
  const language = q.language === 'und' ? 'und' : q.language;
  const source: WebAnnotation['target']['source'] = { id: sourceId(q), type: 'Text', format: 'text/plain', language };
  if (q.language === 'fa' || q.language === 'ar') source.textDirection = 'rtl';
  else if (q.language === 'en') source.textDirection = 'ltr';
  const target: WebAnnotation['target'] = { type: 'SpecificResource', source, selector };
  const sourceDate = source.id !== sourceIri(q.file) ? xsdDateTime(q.accessed) : null;
  if (sourceDate) target.state = { type: 'TimeState', sourceDate, cached: sourceIri(q.file) };
  const annotation: WebAnnotation = {
    id: annotationIri(q.id),
    type: 'Annotation',
    created: q.created,
    modified: q.modified,
    body,
    target,
  };
  if (q.analyst) annotation.creator = { type: 'Person', name: q.analyst };
  return annotation;
}

export function quotationsToJsonLd(quotations: readonly Quotation[], options: Pick<ResolvedOptions, 'title' | 'now'>): string {
  const items = quotations.map(quotationToAnnotation);
  const collection = {
    '@context': ANNO_CONTEXT,
    id: `urn:hashiya:export:${options.now.toISOString()}`,
    type: 'AnnotationCollection',
    label: options.title,
    total: items.length,
    generated: options.now.toISOString(),
    generator: { type: 'Software', name: 'Hashiya' },
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}
