// The API's method names as a plain list, for the preload: the sandboxed preload must stay
// small and must not pull zod in through api-schema.ts. A test checks it equals API_METHODS,
// and the type below fails to compile if a method of HashiyaApi is missing here.
import type { ApiMethod } from '../corpus/api/api';

export const API_METHOD_NAMES = [
  'getAppState',
  'setAnalyst',
  'setFontSize',
  'openFolder',
  'listArticles',
  'listUnreadDocuments',
  'openArticle',
  'createAnnotation',
  'updateAnnotation',
  'restoreAnnotation',
  'deleteAnnotation',
  'getTaxonomy',
  'setTaxonomy',
  'setMetadata',
  'parseDate',
  'saveRendering',
  'setSegments',
  'listPairings',
  'setPairing',
  'removePairing',
  'getAlignment',
  'alignAgain',
  'saveAlignment',
  'getGlossary',
  'getProgress',
  'exportTranslation',
  'importXliff',
  'importTranslation',
  'previewNewArticle',
  'createArticleFromText',
  'queryQuotations',
  'exportQuotations',
  'search',
  'openOriginal',
  'ocrAvailability',
  'readWithOcr',
  'stopOcr',
  'resolveConflict',
] as const satisfies readonly ApiMethod[];

type Missing = Exclude<ApiMethod, (typeof API_METHOD_NAMES)[number]>;
// If this line fails to compile, add the missing method name(s) to API_METHOD_NAMES.
export const API_METHODS_COMPLETE: [Missing] extends [never] ? true : Missing = true;
