// Where a search reads an article from, and with which encoding: the same for the index,
// its hits, and the scan of a corpus with no index, so that all decode it alike.
import { join } from 'node:path';
import { NO_SIDECAR, sidecarFacts } from '../../annotations/store/sidecar-facts';
import { MAX_SIDECAR_BYTES } from '../../annotations/store/durable-json-adapter';
import { readOrdinaryFileSync } from '../../annotations/store/safe-read';
import { SIDECAR_SUFFIX } from '../folder/corpus-folder';
import { canonicalEncoding } from '../text/decode';
import type { ScanEntry } from './index-store';

export { containedPath } from './contained-path';

/** The encoding the article's sidecar chooses for it, or null. */
export function encodingOverride(root: string, e: ScanEntry): string | null {
  if (!e.sidecar) return null;
  let text: string;
  try {
    text = readOrdinaryFileSync(join(root, e.file + SIDECAR_SUFFIX), { maxBytes: MAX_SIDECAR_BYTES })?.toString('utf8') ?? '';
  } catch {
    return null;
  }
  const facts = text ? sidecarFacts(text, e.file) : NO_SIDECAR;
  const chosen = facts.overrides.encoding;
  // A name this build does not know is ignored, as when the article is opened.
  return chosen && canonicalEncoding(chosen) ? chosen : null;
}

