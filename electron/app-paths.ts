// Where the shell finds its own files, in development (`electron .` on the repository)
// and in a packaged build (the app inside app.asar, the sample corpus in resources/).
import { join } from 'node:path';

export interface AppLocation {
  /** Electron's app.getAppPath(): the folder (or app.asar) holding package.json. */
  appPath: string;
  /** process.resourcesPath. */
  resourcesPath: string;
  isPackaged: boolean;
}

export interface AppPaths {
  rendererRoot: string;
  preload: string;
  /** The sample corpus as shipped (read-only in a package). */
  bundledSampleCorpus: string;
  windowIcon: string | undefined;
}

export function appPaths(where: AppLocation): AppPaths {
  return {
    rendererRoot: join(where.appPath, 'out', 'renderer'),
    preload: join(where.appPath, 'out', 'preload', 'preload.cjs'),
    bundledSampleCorpus: where.isPackaged ? join(where.resourcesPath, 'corpus', 'sample') : join(where.appPath, 'corpus', 'sample'),
    // build/ is not packed; a packaged window takes its icon from the executable/desktop entry.
    windowIcon: where.isPackaged ? undefined : join(where.appPath, 'build', 'icons', '512x512.png'),
  };
}
