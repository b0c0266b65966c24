// `hashiya segment FILE [--json]`: the paragraphs and sentences of an article with their
// offsets (UTF-16 code units into the decoded text, as everywhere in Hashiya).
import { furnitureParagraphs } from '../../metadata/furniture-paragraphs';
import { detectLanguage } from '../../text/language';
import { segmentText } from '../../text/segment';
import { readArticleFile, shorten, type ArticleFile } from '../article-file';
import { CliError, EXIT, parseFlags, UsageError, type CliCommand } from '../command';
import { USAGES } from '../usage';

const USAGE = USAGES.segment;

// Keeps a right-to-left sentence from reordering the offsets printed around it.
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

export interface SegmentJson {
  file: string;
  encoding: string;
  language: string;
  length: number;
  paragraphs: Array<{
    start: number;
    end: number;
    furniture: boolean;
    sentences: Array<{ start: number; end: number; text: string }>;
  }>;
}

export function segmentJson(file: ArticleFile): SegmentJson {
  const paragraphs = segmentText(file.text);
  const furniture = furnitureParagraphs(file.text, paragraphs);
  return {
    file: file.path,
    encoding: file.encoding,
    language: detectLanguage(file.text),
    length: file.text.length,
    paragraphs: paragraphs.map((p, i) => ({
      start: p.start,
      end: p.end,
      furniture: furniture.has(i),
      sentences: p.sentences.map((s) => ({ start: s.start, end: s.end, text: file.text.slice(s.start, s.end) })),
    })),
  };
}

function human(json: SegmentJson): string {
  const sentences = json.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
  const lines = [`${json.file}: ${json.language}, ${json.encoding}, ${json.paragraphs.length} paragraphs, ${sentences} sentences`];
  json.paragraphs.forEach((p, i) => {
    lines.push(`¶${i + 1} [${p.start}–${p.end}]${p.furniture ? ' (page furniture)' : ''}`);
    p.sentences.forEach((s, k) => lines.push(`  ${i + 1}.${k + 1} [${s.start}–${s.end}] ${isolate(shorten(s.text))}`));
  });
  return lines.join('\n') + '\n';
}

export const command: CliCommand = async (args) => {
  try {
    const { flags, positional } = parseFlags(args, { flags: ['json', 'help'] });
    if (flags.has('help')) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (positional.length === 0) throw new UsageError('FILE is required');
    if (positional.length > 1) throw new UsageError(`unexpected argument '${positional[1]}'`);
    const file = await readArticleFile(positional[0]!);
    if (file.warning) process.stderr.write(`hashiya segment: ${file.path}: ${file.warning}\n`);
    const json = segmentJson(file);
    process.stdout.write(flags.has('json') ? JSON.stringify(json, null, 2) + '\n' : human(json));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`hashiya segment: ${error.message}\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`hashiya segment: ${error.message}\n`);
      return error.code;
    }
    throw error;
  }
};
