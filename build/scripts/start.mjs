// `npm start`: bundle, then run the app in Electron. Without an Electron binary (npm does
// not download it here) it says so plainly and exits non-zero, with no stack trace.
import { spawn } from 'node:child_process';
import { ROOT, findElectron, missingElectronMessage } from './electron-binary.mjs';

const electron = findElectron();
if (!electron) {
  console.error(missingElectronMessage());
  process.exit(1);
}

try {
  const { bundleRenderer, bundleShell } = await import('./bundle.mjs');
  await bundleRenderer();
  await bundleShell();
} catch (error) {
  console.error(`Hashiya: the bundle step failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const env = { ...process.env };
// Set, it would make Electron behave as plain Node and ignore the app.
delete env.ELECTRON_RUN_AS_NODE;
// `node start.mjs -- --flag` passes a literal '--'; npm strips it.
const args = [ROOT, ...process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'))];
console.log(`Hashiya: starting ${electron.executable} (${electron.source})`);
const child = spawn(electron.executable, args, { stdio: ['inherit', 'inherit', 'pipe'], env });
let refusedRoot = false;
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  if (/Running as root without --no-sandbox/.test(String(chunk))) refusedRoot = true;
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`Hashiya: could not run ${electron.executable}: ${error.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => {
  if (refusedRoot) {
    console.error('Hashiya: Electron will not run as root with its sandbox on. Run as a normal user (or, in a throw-away container only: npm start -- --no-sandbox).');
  }
  process.exit(code ?? (signal ? 1 : 0));
});
