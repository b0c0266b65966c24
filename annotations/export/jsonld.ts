// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD: an
// AnnotationCollection whose first page holds one Annotation per quotation. Offsets are
// converted to code points, as the model's TextPositionSelector requires.
import type { Quotation } from '../quotations/quotations';
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
  const source: WebAnnotation['target']['source'] = { id: sourceIri(q.file), type: 'Text', format: 'text/plain', language };
  if (q.language === 'fa' || q.language === 'ar') source.textDirection = 'rtl';
  else if (q.language === 'en') source.textDirection = 'ltr';
  const annotation: WebAnnotation = {
    id: annotationIri(q.id),
    type: 'Annotation',
    created: q.created,
    modified: q.modified,
    body,
    target: { type: 'SpecificResource', source, selector },
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
