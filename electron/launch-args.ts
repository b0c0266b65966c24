// A folder named on the command line (an "Open with Hashiya" from a file manager, a
// desktop entry's %F, a second launch while the app runs) becomes the corpus.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The last argument that names an existing folder, or null. `defaultApp` is Electron's
 * `process.defaultApp`: under `electron <app>` the app path is argv[1] and is skipped.
 */
export function folderFromArgv(argv: readonly string[], options: { cwd: string; defaultApp: boolean }): string | null {
  const args = argv.slice(options.defaultApp ? 2 : 1);
  for (let i = args.length - 1; i >= 0; i--) {
    const arg = args[i]!;
    if (arg === '' || arg.startsWith('-') || arg.includes('\0')) continue;
    let path: string;
    try {
      // A desktop entry's %U hands local folders over as file:// URLs.
      path = arg.startsWith('file://') ? fileURLToPath(arg) : resolve(options.cwd, arg);
    } catch {
      continue;
    }
    try {
      if (statSync(path).isDirectory()) return path;
    } catch {
      // Not a path on this machine: a Chromium switch value or a typo, ignored.
    }
  }
  return null;
}
