// `hashiya info --corpus DIR [--json]`: the articles of a corpus with format, language,
// headline, outlet, date, author, address and annotation count, from the same summaries as the
// app's article list, then the documents it does not read with the reason.
import type { ArticleSummary, UnreadDocument } from '../../api/api';
import { unreadCountLine } from '../../folder/unread-documents';
import { parseFlags, UsageError, type CliCommand } from '../command';
import { USAGES } from '../usage';
import { CliError, EXIT, openCorpusForCli } from '../open-corpus';

const USAGE = USAGES.info;

export interface InfoArticle {
  file: string;
  /** `txt`, `html`, `mhtml`, `docx` (a .docx or a macro-enabled .docm) or `pdf`. */
  format: string | null;
  language: string | null;
  headline: string | null;
  outlet: string | null;
  date: { iso: string | null; original: string } | null;
  /** From a saved page's or a Word file's metadata; null for plain text, which names no author Hashiya reads. */
  author: string | null;
  /** The article's web address (a saved page's canonical address), or null. */
  url: string | null;
  /** Null when the sidecar could not be read, so the count is unknown. */
  annotations: number | null;
}

function sidecarProblem(a: ArticleSummary): boolean {
  return a.openable && a.note !== null;
}

export function infoArticle(a: ArticleSummary): InfoArticle {
  return {
    file: a.file,
    format: a.format ?? null,
    language: a.language,
    headline: a.openable && a.headline.trim() ? a.headline : null,
    outlet: a.outlet || null,
    date: a.date ? { iso: a.date.iso, original: a.date.original } : null,
    author: a.author || null,
    url: a.url || null,
    annotations: sidecarProblem(a) && a.annotations === 0 ? null : a.annotations,
  };
}

function table(rows: InfoArticle[]): string {
  const head = ['FILE', 'LANG', 'NOTES', 'DATE', 'OUTLET', 'HEADLINE'];
  const cells = rows.map((r) => [r.file, r.language ?? '-', r.annotations === null ? '?' : String(r.annotations), r.date?.iso ?? r.date?.original ?? '-', r.outlet ?? '-', r.headline ?? '-']);
  const widths = head.slice(0, 5).map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]!].length)));
  const line = (c: string[]) => c.map((v, i) => (i < 5 ? v + ' '.repeat(widths[i]! - [...v].length) : v)).join('  ');
  return [line(head), ...cells.map(line)].join('\n') + '\n';
}

/** The files not read, one a line under the table: `3 files not read:` then `  FILE: reason`. */
function unreadLines(unread: UnreadDocument[]): string {
  if (unread.length === 0) return '';
  return [`\n${unreadCountLine(unread.length)}:`, ...unread.map((u) => `  ${u.file}: ${u.reason}`)].join('\n') + '\n';
}

export const command: CliCommand = async (args) => {
  try {
    const { values, flags, positional } = parseFlags(args, { values: ['corpus'], flags: ['json', 'help'] });
    if (flags.has('help')) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const ws = await openCorpusForCli(values.corpus);
    const summaries = await ws.listArticles();
    const unread = await ws.listUnreadDocuments();
    const rows = summaries.map(infoArticle);
    if (flags.has('json')) process.stdout.write(JSON.stringify({ articles: rows, unread }, null, 2) + '\n');
    else process.stdout.write(table(rows) + unreadLines(unread));
    let code: number = EXIT.ok;
    summaries.forEach((a, i) => {
      if (!a.note) return;
      process.stderr.write(`hashiya info: ${a.file}: ${a.note}\n`);
      if (rows[i]!.annotations === null) code = EXIT.partial;
    });
    return code;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`hashiya info: ${error.message}\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`hashiya info: ${error.message}\n${error.code === EXIT.usage ? USAGE + '\n' : ''}`);
      return error.code;
    }
    throw error;
  }
};
