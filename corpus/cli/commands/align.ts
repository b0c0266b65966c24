// `hashiya align FILE_A FILE_B [--json] [--kind translation|comparable]`: sentence links
// between two texts. With --json exactly one object, {"links": [{"a": [start, end],
// "b": [start, end], "score": 0..1}, ...]}, offsets in UTF-16 code units into each decoded
// file, in reading order.
import { alignTexts, type AlignKind } from '../../align/align';
import { scriptOf } from '../../align/align-anchors';
import { detectLanguage } from '../../text/language';
import { readArticleFile, shorten, type ArticleFile } from '../article-file';
import { CliError, EXIT, parseFlags, UsageError, type CliCommand } from '../command';
import { USAGES } from '../usage';

const USAGE = USAGES.align;

export interface AlignJson {
  links: Array<{ a: [number, number]; b: [number, number]; score: number }>;
}

/**
 * Two texts in different scripts are taken for a source and its translation; two in the same
 * script (a Persian and an Arabic report) for comparable reports, unless the user says.
 */
export function guessKind(a: string, b: string): AlignKind {
  return scriptOf(a) === scriptOf(b) ? 'comparable' : 'translation';
}

export function alignJson(a: ArticleFile, b: ArticleFile, kind: AlignKind): AlignJson {
  const links = alignTexts(a.text, b.text, { kind });
  return { links: links.map((l) => ({ a: [l.a[0], l.a[1]], b: [l.b[0], l.b[1]], score: Math.round(l.score * 1000) / 1000 })) };
}

function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

function human(a: ArticleFile, b: ArticleFile, kind: AlignKind, json: AlignJson): string {
  const lines = [`${a.path} (${detectLanguage(a.text)}) ↔ ${b.path} (${detectLanguage(b.text)}): ${kind}, ${json.links.length} links`];
  for (const l of json.links) {
    lines.push(`${l.score.toFixed(2)}  a[${l.a[0]}–${l.a[1]}] ${isolate(shorten(a.text.slice(l.a[0], l.a[1]), 50))}`);
    lines.push(`      b[${l.b[0]}–${l.b[1]}] ${isolate(shorten(b.text.slice(l.b[0], l.b[1]), 50))}`);
  }
  return lines.join('\n') + '\n';
}

export const command: CliCommand = async (args) => {
  try {
    const { values, flags, positional } = parseFlags(args, { values: ['kind'], flags: ['json', 'help'] });
    if (flags.has('help')) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (positional.length < 2) throw new UsageError('FILE_A and FILE_B are required');
    if (positional.length > 2) throw new UsageError(`unexpected argument '${positional[2]}'`);
    const kindFlag = values.kind;
    if (kindFlag !== undefined && kindFlag !== 'translation' && kindFlag !== 'comparable') {
      throw new UsageError(`--kind must be translation or comparable, not '${kindFlag}'`);
    }
    const a = await readArticleFile(positional[0]!);
    const b = await readArticleFile(positional[1]!);
    for (const f of [a, b]) if (f.warning) process.stderr.write(`hashiya align: ${f.path}: ${f.warning}\n`);
    const kind = kindFlag ?? guessKind(a.text, b.text);
    const json = alignJson(a, b, kind);
    process.stdout.write(flags.has('json') ? JSON.stringify(json) + '\n' : human(a, b, kind, json));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`hashiya align: ${error.message}\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`hashiya align: ${error.message}\n`);
      return error.code;
    }
    throw error;
  }
};
