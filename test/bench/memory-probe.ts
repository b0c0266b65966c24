// Peak memory as the app would have it: a fresh process opens the corpus with nothing cached
// (the worst case: the index is built), waits until the list and the index are complete,
// runs a few searches, and prints its peak resident memory and the workers' heaps as JSON.
// The bench bundles this file and runs it with plain Node:
//   node memory-probe.mjs CORPUS_DIR WORKER_URL
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleCatalog } from '../../corpus/catalog/article-catalog';
import { APP_FOLDER } from '../../corpus/folder/corpus-folder';
import { RssSampler } from './measure';

const [dir, workerUrl] = process.argv.slice(2);
if (!dir || !workerUrl) {
  process.stderr.write('usage: memory-probe CORPUS_DIR WORKER_URL\n');
  process.exit(2);
}
rmSync(join(dir, APP_FOLDER), { recursive: true, force: true });
const sampler = new RssSampler();
sampler.start(20);
const catalog = new ArticleCatalog(dir, { background: { workerUrl: new URL(workerUrl) } });
await catalog.list();
await catalog.whenSearchable();
await catalog.whenListed();
for (const query of ['ایران', 'رئیسجمهور', '"نخست وزیر"', 'الإيرانية العراق', 'است']) await catalog.search({ query });
const workers = await Promise.all(catalog.workers.map(async (w) => ({ role: w.role, ...(await w.memory()) })));
await catalog.close();
process.stdout.write(JSON.stringify({ peakRss: sampler.stop(), workers }) + '\n');
