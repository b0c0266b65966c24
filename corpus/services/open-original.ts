// "Open PDF at p. N": the original file of a PDF article handed to the system's viewer. The
// name is resolved as every article name is (inside the corpus, its real path inside too), and
// only a PDF is handed over: a saved web page or a Word file opened by the system could run
// what it carries, and the window has no need of it. The shell does the opening itself.
import { ApiError } from '../folder/errors';

/** The shell's part: opens `path` (a real path inside the corpus) at `page` when the viewer can. */
export type OriginalOpener = (path: string, page: number | null) => Promise<void>;

export async function openOriginalFile(resolve: (file: string) => Promise<string>, opener: OriginalOpener | undefined, file: string, page: number | null): Promise<null> {
  if (!/\.pdf$/i.test(file)) throw new ApiError('forbidden', `refused: only a PDF article is opened in the system's viewer, not ${JSON.stringify(file.slice(0, 80))}`);
  const path = await resolve(file);
  if (!opener) throw new ApiError('bad-request', 'Opening the original file needs the app: this window cannot hand files to the system.');
  await opener(path, page);
  return null;
}
