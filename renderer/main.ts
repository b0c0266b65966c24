import { App } from './app';

const app = new App();
// Exposed for the browser tests and the developer console; it holds no privileges.
Object.defineProperty(window, 'hashiyaDebug', { get: () => app.debug });
app.start(document.getElementById('app')!).catch((error: unknown) => {
  const pre = document.createElement('pre');
  pre.className = 'fatal';
  pre.textContent = `Hashiya could not start: ${(error as Error)?.message ?? String(error)}`;
  document.body.append(pre);
});
