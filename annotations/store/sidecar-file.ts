// What a sidecar file is: the article it belongs to, its empty form, and how its bytes are
// parsed and written (shared by the store and git's merge driver).
import { parseJsonText, type DurableJsonOptions } from './durable-json-adapter';
import { parseSidecarRemembered } from './sidecar-check';
import { serialiseSidecarBytes } from './serialise';
import { SIDECAR_FORMAT, type Sidecar } from '../model/types';

export interface ArticleFingerprint {
  file: string;
  sha256: string;
  length: number;
  /** A saved page's extractor, `name/version` (see Sidecar['article']). */
  extractor?: string;
}

export function emptySidecar(article: ArticleFingerprint): Sidecar {
  return { format: SIDECAR_FORMAT, article, metadata: {}, annotations: [], renderings: [], alignments: [], conflicts: [] };
}

/** How sidecar files are parsed and written; also used by the git merge driver. */
export const SIDECAR_FILE_OPTIONS: DurableJsonOptions<Sidecar> = {
  parse: parseSidecarRemembered,
  serialise: serialiseSidecarBytes,
  maxFormat: SIDECAR_FORMAT,
};

/** Parses a sidecar's text, or throws a SidecarReadError whose message a user can act on. */
export function parseSidecarText(path: string, text: string): Sidecar {
  return parseJsonText(path, text, SIDECAR_FILE_OPTIONS);
}
