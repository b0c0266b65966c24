// What the search engine needs to read an article into the index: the extractors, the cache
// of extracted pages and the sidecar's encoding choice (both validated with zod). One module
// that search-engine.ts loads (dynamic import) the first time an article is read again or a
// page's hits are shown, so that a worker reopening an index that is current, and answering
// queries on plain text, starts without them.
export { articleText, maxArticleFileBytes, tooLargeToRead } from '../extract/article-text';
export { extractedTextCache, ocrTextSince } from './extracted-text-cache';
export { encodingOverride } from './article-read';
