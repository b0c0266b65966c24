// Sentence alignment of a source article with its translation (or with a comparable report
// of the same event): Gale–Church lengths, helped by numbers, Latin tokens and glossed terms.
// Runs in Node and in the browser.
import type { AlignmentLink } from '../../annotations/model/types';
import { alignSegmented, type AlignOptions } from './align-core';
import { furnitureParagraphs } from '../metadata/furniture-paragraphs';
import { segmentText, type SegmentedParagraph } from '../text/segment';


export type { AlignOptions } from './align-core';
export type { GlossEntry } from './align-anchors';
export { defaultParams, estimateParams, measure, type AlignKind, type AlignParams } from './align-model';

export interface AlignTextsOptions extends AlignOptions {
  /** The user's own segmentation of either text (merged or split segments); automatic otherwise. */
  segmentsA?: readonly SegmentedParagraph[];
  segmentsB?: readonly SegmentedParagraph[];
  /** Recognise page furniture (navigation, widgets, news codes) and let it go unmatched; default true. */
  detectFurniture?: boolean;
}


/**
 * Links between the sentences of `a` and `b`, in reading order, each with a score 0..1: the
 * model's probability that the link is right. Segments with no counterpart get no link.
 * Offsets are UTF-16 code units into `a` and `b`.
 */
export function alignTexts(a: string, b: string, options: AlignTextsOptions = {}): AlignmentLink[] {
  const { segmentsA, segmentsB, detectFurniture = true, ...rest } = options;
  const pa = segmentsA ?? segmentText(a);
  const pb = segmentsB ?? segmentText(b);
  const furniture = detectFurniture ? { furnitureA: furnitureParagraphs(a, pa), furnitureB: furnitureParagraphs(b, pb) } : {};
  return alignSegmented(a, pa, b, pb, { ...furniture, ...rest });
}
