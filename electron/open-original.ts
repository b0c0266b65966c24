// The address the system's viewer is given for "Open PDF at p. N". shell.openExternal with a
// file URL and the `#page=N` fragment (RFC 8118's PDF open parameter): where the default PDF
// viewer is a browser (Edge, Windows' default; Chrome or Firefox, often the default on Linux)
// it opens at that page; Preview (macOS), Evince and Okular ignore the fragment and open the
// file at its start, which shell.openPath would do everywhere. The path comes from the
// Workspace (a real path inside the corpus), never from the window.
import { pathToFileURL } from 'node:url';

export function originalFileUrl(path: string, page: number | null): string {
  const url = pathToFileURL(path);
  if (page !== null && Number.isInteger(page) && page > 0) url.hash = `page=${page}`;
  return url.href;
}

/**
 * The Workspace's opener, given Electron's shell: the one openExternal of the app. Its argument
 * is always a file: URL built here from a path the Workspace resolved inside the corpus (a PDF
 * article's real path), never a string from the window or from a document.
 */
export function originalOpener(shell: { openExternal(url: string): Promise<void> }): (path: string, page: number | null) => Promise<void> {
  return (path, page) => shell.openExternal(originalFileUrl(path, page));
}
