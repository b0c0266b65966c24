// What the window says when a call fails in a way nobody foresaw. The error itself (a stack, a
// 100 KB regular expression, a full path, a raw errno) is for developers and goes to the log;
// the user reads which action failed, whether anything changed, and where the details are.
import type { ApiMethod } from './api';

interface Action {
  /** What the user asked for, after "Could not". */
  doing: string;
  /** Whether the call only reads: then nothing changed on disk. */
  readsOnly: boolean;
}

const read = (doing: string): Action => ({ doing, readsOnly: true });
const write = (doing: string): Action => ({ doing, readsOnly: false });

// Every method has its phrase: a new method without one does not compile.
const ACTIONS: Record<ApiMethod, Action> = {
  getAppState: read('start'),
  setAnalyst: write('save the analyst name'),
  setFontSize: write('change the font size'),
  openFolder: read('open the folder'),
  listArticles: read('list the articles'),
  listUnreadDocuments: read('list the files not read'),
  openArticle: read('open the article'),
  createAnnotation: write('save the annotation'),
  updateAnnotation: write('save the change to the annotation'),
  restoreAnnotation: write('restore the annotation'),
  deleteAnnotation: write('delete the annotation'),
  resolveConflict: write('resolve the conflict'),
  getTaxonomy: read('read the tags'),
  setTaxonomy: write('save the tags'),
  setMetadata: write("save the article's details"),
  parseDate: read('read the date'),
  saveRendering: write('save the draft'),
  setSegments: write('save the segments'),
  listPairings: read('list the pairs'),
  setPairing: write('pair the articles'),
  removePairing: write('unpair the articles'),
  getAlignment: write('align the pair'),
  alignAgain: write('align the pair again'),
  saveAlignment: write('save the alignment'),
  getGlossary: read('build the glossary'),
  getProgress: read('count the progress'),
  exportTranslation: read('export the translation'),
  importXliff: write('import the XLIFF file'),
  importTranslation: write('import the translation'),
  previewNewArticle: read('read the clipboard'),
  createArticleFromText: write('create the article'),
  queryQuotations: read('list the quotations'),
  exportQuotations: read('export the quotations'),
  search: read('search'),
  openOriginal: read('open the original file'),
  ocrAvailability: read('find the OCR programs'),
  readWithOcr: read('read the scan by OCR'),
  stopOcr: read('stop the OCR'),
};

/** No message to the window is longer than this: a file name or a value quoted in it is cut. */
export const MAX_WINDOW_MESSAGE = 500;

/** The sentence the window shows for an unexpected failure of `method` (any name; unknown ones get a general phrase). */
export function unexpectedFailureMessage(method: string): string {
  const action: Action = Object.prototype.hasOwnProperty.call(ACTIONS, method) ? ACTIONS[method as ApiMethod] : write('do that');
  // Writes are atomic (a temporary file renamed over the old one): a failed one leaves the file as it was.
  const kept = action.readsOnly ? 'Nothing was changed' : 'Nothing you saved before was lost';
  return `Could not ${action.doing}: something unexpected went wrong. ${kept}; the details are in the log.`;
}

/** A message cut to MAX_WINDOW_MESSAGE characters, never inside a surrogate pair. */
export function capMessage(message: string): string {
  if (message.length <= MAX_WINDOW_MESSAGE) return message;
  let end = MAX_WINDOW_MESSAGE - 1;
  if (/[\uD800-\uDBFF]/.test(message[end - 1]!)) end--;
  return `${message.slice(0, end)}…`;
}

/** The full error for the log: its stack when it has one (which starts with the message). */
export function errorForLog(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
