// `hashiya <command> …`: each command lives in its own module under commands/.
import type { CliCommand } from './command';

const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  info: () => import('./commands/info'),
  export: () => import('./commands/export'),
  search: () => import('./commands/search'),
  text: () => import('./commands/text'),
  segment: () => import('./commands/segment'),
  align: () => import('./commands/align'),
  'merge-driver': () => import('./commands/merge-driver'),
  'git-setup': () => import('./commands/git-setup'),
};

const USAGE = `usage: hashiya <command> [options]

commands:
  info --corpus DIR [--json]                 list the articles with language, headline, outlet, date
                                             (--json: also format, author, url), and the files not
                                             read with the reason
  text --corpus DIR FILE                     print an article's text exactly as offsets index it
  export --corpus DIR --format FORMAT [--tag T]… [--all-tags] [--group-by G] [--no-sentence]
         [--title TEXT] [--out FILE]         export annotated quotations (csv|xlsx|docx|html|md|json|jsonld)
  search --corpus DIR "QUERY" [--json] [--strict | --lenient] [--whole-word] [--limit N]
         [--lang fa,ar] [--outlet NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tag ID]
                                             search the corpus, folding letter variants and digits
  segment FILE [--json]                      paragraphs and sentences with their offsets
  align FILE_A FILE_B [--json] [--kind translation|comparable]
                                             align two texts and print the links
  merge-driver %O %A %B                      git merge driver for sidecars (see README)
  git-setup [--corpus DIR]                   install the merge driver into a corpus repository

hashiya COMMAND --help shows a command's options.
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (Object.hasOwn(COMMANDS, name) && rest.length === 1 && rest[0] === '--help') {
    // The help text without the command's modules (megabytes for search and export).
    const { usageOf } = await import('./usage');
    const usage = usageOf(name);
    if (usage !== undefined) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
  }
  if (!load) {
    process.stderr.write(`hashiya: unknown command '${name}'\n\n${USAGE}`);
    return 2;
  }
  const { command } = await load();
  try {
    return await command(rest);
  } catch (error) {
    process.stderr.write(`hashiya ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}
