// Finds a runnable Electron without downloading anything, the way node_modules/electron
// would (ELECTRON_OVERRIDE_DIST_PATH first, then the package's own dist/), and says
// plainly what to do when there is none. Used by start.mjs, dist.mjs and the shell tests.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');

/** The executable's path inside an unpacked Electron folder, per platform. */
export function executableIn(platform = process.platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return join('Electron.app', 'Contents', 'MacOS', 'Electron');
  return 'electron';
}

export function electronPackageVersion(root = ROOT) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * { dist, executable, source } for a usable Electron, or null. `dist` is the unpacked
 * folder (what electron-builder calls electronDist).
 */
export function findElectron({ env = process.env, root = ROOT, platform = process.platform } = {}) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathTxt = join(pkg, 'path.txt');
  const relative = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : executableIn(platform);
  // An override that holds no Electron is reported, not silently replaced by another copy.
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const dist = env.ELECTRON_OVERRIDE_DIST_PATH;
    if (isExecutableFile(join(dist, relative))) return { dist, executable: join(dist, relative), source: 'ELECTRON_OVERRIDE_DIST_PATH' };
    // It may name the executable itself rather than its folder.
    if (isExecutableFile(dist)) return { dist: join(dist, '..'), executable: dist, source: 'ELECTRON_OVERRIDE_DIST_PATH' };
    return null;
  }
  const dist = join(pkg, 'dist');
  return isExecutableFile(join(dist, relative)) ? { dist, executable: join(dist, relative), source: 'node_modules/electron/dist' } : null;
}

/** The plain explanation printed when no Electron binary is present. */
export function missingElectronMessage({ env = process.env, root = ROOT, platform = process.platform, arch = process.arch, purpose = 'start the desktop app' } = {}) {
  const version = electronPackageVersion(root) ?? '(the version in package.json)';
  const lines = [
    `Hashiya: the Electron binary is missing, so I cannot ${purpose}.`,
    '',
    ...(env.ELECTRON_OVERRIDE_DIST_PATH
      ? [`  ELECTRON_OVERRIDE_DIST_PATH is set to ${env.ELECTRON_OVERRIDE_DIST_PATH}, but there is no ${executableIn(platform)} in that folder.`]
      : [
          `  npm installed the electron package (${version}) without its binary (its download script did`,
          '  not run), and there is no unpacked Electron in node_modules/electron/dist.',
        ]),
    '',
    '  To get it:',
    '    • on a machine with network access:   node node_modules/electron/install.js',
    `    • or unpack electron-v${version}-${platform}-${arch}.zip (from the Electron releases page) into a`,
    '      folder and point ELECTRON_OVERRIDE_DIST_PATH at it, e.g.',
    '        ELECTRON_OVERRIDE_DIST_PATH=/opt/electron npm start',
    '',
    '  To use the UI without Electron, in a browser:   npm run harness',
  ];
  return lines.join('\n');
}
