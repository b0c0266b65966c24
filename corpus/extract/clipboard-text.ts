// What the clipboard holds, as the text of a new article: paragraphs separated by a blank line,
// as the corpus's .txt files are. Its HTML flavour, when there is one, says where paragraphs
// end (a copied page gives <p>, headings, list items, <div>s); it is read as inert data by the
// saved-page reader's own parser and paragraph walk, so no script runs and nothing is fetched.
import { parseInert } from './html/dom';
import { paragraphsOf } from './html/paragraphs';

/** The most a clipboard flavour may hold to be read: a whole saved page is far less. */
export const MAX_CLIPBOARD_CHARS = 20 * 1024 * 1024;

export interface ClipboardContent {
  text: string;
  html?: string | null;
}

/** The paragraphs of the clipboard joined by blank lines; '' when it holds no text. */
export function clipboardArticleText(clip: ClipboardContent): string {
  const fromHtml = clip.html ? htmlParagraphs(clip.html) : [];
  const paragraphs = fromHtml.length > 0 ? fromHtml : plainParagraphs(clip.text);
  return paragraphs.join('\n\n');
}

/** Plain text: every non-empty line is a paragraph (a copied page gives one line per block). */
function plainParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '');
}

function htmlParagraphs(html: string): string[] {
  // Windows puts a CF_HTML header (Version:, StartHTML:, SourceURL:) before the markup.
  const start = html.indexOf('<');
  if (start < 0) return [];
  try {
    const page = parseInert(html.slice(start));
    try {
      return page.document.body ? paragraphsOf(page.document.body) : [];
    } finally {
      page.close();
    }
  } catch (e) {
    // A fragment nested deeper than jsdom can build: the plain flavour is used instead.
    if (e instanceof RangeError) return [];
    throw e;
  }
}
