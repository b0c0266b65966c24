// Offsets from the window belong to the text it showed; if the file changed since, they
// would mark other words.
import { ApiError } from '../api/api';
import type { OpenArticle } from './workspace-context';

/** Refuses offsets taken from another version of the article's text (`version` undefined: not said). */
export function checkVersion(article: OpenArticle, version: string | undefined): void {
  if (version !== undefined && version !== article.sha256) {
    throw new ApiError('stale', `${article.file} changed on disk since it was opened; it has been read again. Select the text again.`);
  }
}
