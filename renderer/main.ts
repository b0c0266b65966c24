import { App } from './app/app';

const app = new App();
app.start(document.getElementById('app')!).catch((error: unknown) => {
  const pre = document.createElement('pre');
  pre.className = 'fatal';
  pre.textContent = `Hashiya could not start: ${(error as Error)?.message ?? String(error)}`;
  document.body.append(pre);
});
