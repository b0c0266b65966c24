// `npm run dist`: bundle minified, then package with electron-builder
// (build/electron-builder.config.cjs).
//
//   npm run dist                 installers for this OS (Linux: AppImage + deb)
//   npm run dist -- --dir        an unpacked app only (dist/<os>-unpacked), no installer tools
//   npm run dist -- --linux --win --mac   choose platforms (Windows needs wine on Linux; dmg needs macOS)
//   npm run dist -- --no-bundle  package the bundles already in out/ as they are
//   HASHIYA_DIST_OUTPUT=<dir>    write there instead of dist/
//
// Electron itself: a local unpacked Electron is used when one is found (HASHIYA_ELECTRON_DIST,
// else ELECTRON_OVERRIDE_DIST_PATH, else node_modules/electron/dist), passed to
// electron-builder as `electronDist`; otherwise electron-builder downloads it. When that
// download (or one of electron-builder's own tool downloads) fails, this says what to do.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, electronPackageVersion, executableIn, findElectron } from './electron-binary.mjs';

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'EPROTO', 'CERT_HAS_EXPIRED', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']);

/** The unpacked Electron to package, or null to let electron-builder download one. */
export function localElectronDist(env = process.env, root = ROOT) {
  if (env.HASHIYA_ELECTRON_DIST) return { dist: env.HASHIYA_ELECTRON_DIST, source: 'HASHIYA_ELECTRON_DIST' };
  const found = findElectron({ env, root });
  return found ? { dist: found.dist, source: found.source } : null;
}

/** True for the errors a failed download gives (no DNS, no route, refused, HTTP error). */
export function isDownloadFailure(error) {
  for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (NETWORK_CODES.has(e.code)) return true;
    if (e.name === 'RequestError' || e.name === 'HTTPError') return true;
    if (typeof e.message === 'string' && /getaddrinfo|download|socket hang up|network/i.test(e.message)) return true;
  }
  return false;
}

/** What to tell the user when packaging could not download what it needs. */
export function downloadFailureMessage({ error, local, platform = process.platform, arch = process.arch, root = ROOT }) {
  const version = electronPackageVersion(root) ?? '(see package.json)';
  const why = `${error?.code ? `${error.code}: ` : ''}${String(error?.message ?? error).split('\n')[0]}`;
  if (!local) {
    return [
      `Hashiya: packaging needs Electron ${version}, no local copy was found, and downloading it failed`,
      `  (${why}).`,
      '',
      '  Point the build at an unpacked Electron instead (electron-builder\'s `electronDist`):',
      `    1. get electron-v${version}-${platform}-${arch}.zip from the Electron releases page on a machine`,
      '       with network access, and unzip it, e.g. into /opt/electron-' + version,
      `       (it must hold ${executableIn(platform)});`,
      `    2. HASHIYA_ELECTRON_DIST=/opt/electron-${version} npm run dist`,
      '       (ELECTRON_OVERRIDE_DIST_PATH, also used by `npm start`, works too; so does',
      '       `node node_modules/electron/install.js`, which fills node_modules/electron/dist).',
      '',
      '  electron-builder also downloads its installer tools (AppImage runtime, fpm for deb, NSIS).',
      '  Offline, build the unpacked app only:   HASHIYA_ELECTRON_DIST=... npm run dist -- --dir',
    ].join('\n');
  }
  return [
    `Hashiya: Electron was found (${local.source}: ${local.dist}), but electron-builder could not`,
    `  download one of its installer tools (${why}).`,
    '',
    '  Offline, build the unpacked app only:   npm run dist -- --dir',
    '  or fill electron-builder\'s cache (ELECTRON_BUILDER_CACHE) on a machine with network access,',
    '  or set ELECTRON_BUILDER_BINARIES_MIRROR to a mirror you can reach.',
  ].join('\n');
}

function targetsFor(args, Platform) {
  const wanted = [];
  if (args.includes('--linux')) wanted.push(Platform.LINUX);
  if (args.includes('--win')) wanted.push(Platform.WINDOWS);
  if (args.includes('--mac')) wanted.push(Platform.MAC);
  if (wanted.length === 0) wanted.push(Platform.current());
  const dirOnly = args.includes('--dir');
  return wanted.map((p) => (dirOnly ? p.createTarget('dir') : p.createTarget())).reduce((all, map) => {
    for (const [k, v] of map) all.set(k, v);
    return all;
  }, new Map());
}

async function main() {
  const args = process.argv.slice(2);
  const require = createRequire(import.meta.url);
  const config = { ...require(join(ROOT, 'build', 'electron-builder.config.cjs')) };
  // out/cli/ is the repository's `hashiya` command (bundle-cli.mjs); the app never loads it.
  config.files = [...config.files, '!out/cli/**/*'];
  const local = localElectronDist();
  if (local) {
    config.electronDist = local.dist;
    console.log(`Hashiya: packaging with the local Electron in ${local.dist} (${local.source})`);
  } else {
    console.log(`Hashiya: no local Electron found; electron-builder will try to download Electron ${electronPackageVersion() ?? ''}`);
  }

  if (process.env.HASHIYA_DIST_OUTPUT) config.directories = { ...config.directories, output: process.env.HASHIYA_DIST_OUTPUT };

  if (!args.includes('--no-bundle')) {
    const { bundleRenderer, bundleShell } = await import('./bundle.mjs');
    try {
      await bundleRenderer({ minify: true });
      await bundleShell({ minify: true });
    } catch (error) {
      console.error(`Hashiya: the bundle step failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }

  const builder = require('electron-builder');
  try {
    const files = await builder.build({ projectDir: ROOT, config, targets: targetsFor(args, builder.Platform), publish: 'never' });
    console.log(`Hashiya: packaged into ${resolve(ROOT, config.directories.output)}${files.length ? `:\n  ${files.join('\n  ')}` : ''}`);
  } catch (error) {
    if (isDownloadFailure(error)) console.error(`\n${downloadFailureMessage({ error, local })}`);
    else console.error(`\nHashiya: packaging failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
