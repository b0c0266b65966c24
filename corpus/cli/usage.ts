// Each command's --help text, apart from the command itself: `hashiya COMMAND --help` prints it
// without loading the command's modules (a command chunk is megabytes: search, extraction,
// exports), so that help starts in about node's own time.
import { EXPORT_FORMATS } from '../../annotations/export/export-formats';

export const USAGES = {
  align: 'usage: hashiya align FILE_A FILE_B [--json] [--kind translation|comparable]',
  export: `usage: hashiya export --corpus DIR --format ${EXPORT_FORMATS.join('|')} [--tag T]… [--out FILE]
  --tag T            only quotations with this tag (id or name); repeat for several
  --all-tags         with several --tag, only quotations that have every one of them
  --group-by G       article (default), tag or none: sections of the docx, html and md reports
  --no-sentence      leave out the sentence around each quote
  --title TEXT       the report's title
  --out FILE         write here; without it text formats go to stdout, binary ones (xlsx,
                     docx) only to a pipe or a redirect, never to a terminal
exit codes: 0 done; 1 failed; 2 bad arguments or no such folder; 3 exported, but some
sidecars could not be read (named on stderr; their annotations are missing)`,
  info: `usage: hashiya info --corpus DIR [--json]
  Each article's file, language, annotation count, date, outlet and headline; with --json also
  its format (txt, html, mhtml, docx for a .docx or .docm, pdf), author and web address (null where the article gives none).`,
  search: `usage: hashiya search --corpus DIR "QUERY" [--json] [--strict | --lenient] [--whole-word]
                      [--limit N] [--lang fa,ar] [--outlet NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tag ID]
  Words side by side match in that order, as whole words of the text; Arabic proclitics
  (و ف ب ل ك ال) and common Persian and Arabic suffixes are matched with them. A comma between
  words makes separate terms, each found anywhere in an article; "a phrase" matches its
  characters exactly as written, inside words too.
  --lenient (the default for Persian and Arabic queries) lets a space be missing, added or a
  ZWNJ (گفت و گو = گفتوگو = گفت‌وگو); --strict does not.
  --whole-word matches the words only as typed: no proclitics, no suffixes.
  The app's search box gives the same hits and count for the same query and options.`,
  segment: 'usage: hashiya segment FILE [--json]',
  text: `usage: hashiya text --corpus DIR FILE
  Prints the article's text, exactly the text its annotations' offsets index: a saved page's or
  a Word file's extracted text, a plain text file decoded with the encoding chosen for it in the app. Written
  as UTF-8 with no newline added. FILE is named as \`hashiya info\` lists it (relative to the
  corpus), or by a path from here to a file inside the corpus.
  Offsets in the JSON export (start, end) count UTF-16 code units of this text; the JSON-LD
  export's TextPositionSelector counts code points (what \`wc -m\` counts).
  exit codes: 0 done; 1 the article could not be read (the reason is given); 2 bad arguments,
  no such folder, or FILE is not an article of the corpus (outside it, a link out of it, not a file).`,
  'git-setup': 'usage: hashiya git-setup [--corpus DIR]\n  --corpus DIR       the corpus folder inside a git repository (default: the current folder)',
  'merge-driver': 'usage: hashiya merge-driver %O %A %B [%P]\n  git runs it with the common ancestor, ours and theirs (and the path shown); no options',
} as const;

/** The --help text of a command, or undefined for a name that is not one. */
export function usageOf(command: string): string | undefined {
  return Object.hasOwn(USAGES, command) ? USAGES[command as keyof typeof USAGES] : undefined;
}
