// `hashiya search --corpus DIR "QUERY" [--json]`: the app's search from the command line,
// folding letter variants, diacritics, ZWNJ and digits, through the same engine function
// (SearchEngine.search) as the app's search box. With --json, exactly one object
// {"hits": [{file, start, end, text, context}]}: start/end are UTF-16 offsets into the
// article's decoded text and text is the original characters there.
import type { Language } from '../../text/language';
import { SearchQueryError, type EngineRequest, type EngineResult } from '../../search/engine-answer';
import { indexOnDisk } from '../../search/index-store';
import { HELPER_SCAN_MIN, startScanInHelper } from '../../search/scan-helper';
import { searchInPlace } from '../../search/search-in-place';
import { checkFilters, type SearchFilters } from '../../search/search-query';
import { CliError, corpusFolder, EXIT, parseFlags, UsageError, type CliCommand } from '../command';
import { USAGES } from '../usage';

const USAGE = USAGES.search;

export interface JsonHit {
  file: string;
  start: number;
  end: number;
  text: string;
  context: string;
}

export const command: CliCommand = async (args) => {
  try {
    const { values, flags, positional } = parseFlags(args, {
      values: ['corpus', 'limit', 'lang', 'outlet', 'from', 'to', 'tag'],
      flags: ['json', 'strict', 'lenient', 'whole-word', 'help'],
    });
    if (flags.has('help')) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const query = positional.join(' ').trim();
    if (!query) throw new UsageError('a query is required');
    if (flags.has('strict') && flags.has('lenient')) throw new UsageError('--strict and --lenient exclude each other');
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError(`--limit must be a whole number above 0, not ${values.limit}`);
    const filters: SearchFilters = {};
    if (values.lang) filters.language = values.lang.split(',').map((l) => l.trim()) as Language[];
    if (values.outlet) filters.outlet = values.outlet;
    if (values.from) filters.from = values.from;
    if (values.to) filters.to = values.to;
    if (values.tag) filters.tag = values.tag;
    const problem = checkFilters(filters);
    if (problem) throw new UsageError(problem);
    const root = await corpusFolder(values.corpus);
    const lenient = flags.has('strict') ? false : flags.has('lenient') ? true : undefined;
    const wholeWord = flags.has('whole-word');
    const result = await answer(root, { query, lenient, wholeWord, filters, limit, exactTotals: true });
    // `hashiya search … | head` closes the pipe early: that is not an error.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
    if (flags.has('json')) {
      const hits: JsonHit[] = result.hits.map((h) => ({ file: h.file, start: h.start, end: h.end, text: h.text, context: h.context }));
      process.stdout.write(JSON.stringify({ hits }) + '\n');
    } else {
      const { ArticleCatalog } = await import('../../catalog/article-catalog');
      process.stdout.write(humanReadable(result, await new ArticleCatalog(root).headlines()));
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof SearchQueryError) {
      process.stderr.write(`hashiya search: ${error.message}\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`hashiya search: ${error.message}\n${error.code === EXIT.usage ? USAGE + '\n' : ''}`);
      return error.code;
    }
    throw error;
  }
};


/**
 * With no index yet, building one first would cost many times a single reading of the
 * articles: they are read once instead, and the index is left for the app to build. A current
 * index answers from its file, read in place; otherwise it is loaded and brought up to date.
 * Each way's modules are loaded only when it is taken.
 */
async function answer(root: string, request: EngineRequest): Promise<EngineResult> {
  if (!(await indexOnDisk(root))) {
    const { scanSearch } = await import('../../search/scan-search');
    const scanned = await scanSearch(root, request);
    if (scanned) return scanned;
  }
  // A large folder's stat calls are made by a helper thread while this one reads the index and ranks.
  const folder = startScanInHelper(root, HELPER_SCAN_MIN);
  folder.scan.catch(() => undefined); // awaited below, or by searchInPlace
  const inPlace = await searchInPlace(root, request, folder);
  if (inPlace) return inPlace;
  const { ArticleCatalog } = await import('../../catalog/article-catalog');
  return new ArticleCatalog(root).searchInline(request, await folder.scan);
}

/** One block per hit: where it is and the article's headline, then its line of context with the hit between ⟦ ⟧. */
function humanReadable(r: EngineResult, headlines: ReadonlyMap<string, string>): string {
  const lines: string[] = [];
  for (const h of r.hits) {
    const at = h.start - h.contextStart;
    const marked = `${h.context.slice(0, at)}⟦${h.context.slice(at, at + h.text.length)}⟧${h.context.slice(at + h.text.length)}`;
    lines.push(`${h.file}:${h.start}-${h.end}`, `  ${headlines.get(h.file) ?? h.file}`, `    ${marked}`);
  }
  const articles = r.totalArticles === 1 ? '1 article' : `${r.totalArticles} articles`;
  const modes = [...(r.lenient ? ['lenient'] : []), ...(r.wholeWord ? ['whole words'] : [])];
  const mode = modes.length > 0 ? ` (${modes.join(', ')})` : '';
  if (r.hits.length === 0) lines.push('no hits');
  else if (r.truncated) lines.push(`first ${r.hits.length} hits shown; the query's words occur ${r.totalHits} times in ${articles}${mode}`);
  else lines.push(`${r.hits.length} ${r.hits.length === 1 ? 'hit' : 'hits'} in ${articles}${mode}`);
  return lines.join('\n') + '\n';
}
