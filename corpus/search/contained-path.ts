// Where a search reads an article from: apart from article-read.ts (which also reads the
// sidecar's encoding choice, with its schema) so that answering a query loads neither.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { isInside } from '../folder/inside';

/**
 * The real path of an article of this corpus (names come from the index's own scan, but a
 * file may have been swapped for a link out since); throws when it leads outside. Synchronous:
 * a query reads up to a hundred articles, and the thread pool would make each wait.
 */
export function containedPath(root: string, file: string): string {
  const real = realpathSync(join(root, file));
  if (!isInside(root, real)) throw new Error(`${file} leads outside the corpus`);
  return real;
}
