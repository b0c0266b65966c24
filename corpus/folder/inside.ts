// The app's one containment check, in a module of its own so that the search worker and the
// scan's reader can use it without loading the folder's other modules (extractors, encodings).
import { isAbsolute, relative, sep } from 'node:path';

/** True when `candidate` lies strictly below `root` (both absolute). The one containment check of the app. */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}
