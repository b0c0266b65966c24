// The helper thread's side of facts-helper.ts: the facts of the articles it takes from the
// shared queue, worked out as the list worker's refresh works them out, posted in batches.
import { plainArticleFacts } from './catalog-state';
import type { FactsJob, FactsResult, FromHelper } from './facts-helper';
import { take, WORKER } from '../search/scan-queue';

/** The helper posts what it has at most this often: the list fills in as it goes, a message per batch. */
const POST_EVERY_MS = 50;

/** The helper's side: facts for the articles it takes until none are left. */
export async function runFactsHelper(job: FactsJob, post: (m: FromHelper) => void): Promise<void> {
  let results: FactsResult[] = [];
  let posted = performance.now();
  for (const at of take(job.queue, WORKER)) {
    results.push({ at, ...(await plainArticleFacts(job.root, job.entries[at]!, job.started)) });
    if (performance.now() - posted > POST_EVERY_MS) {
      post({ type: 'facts', results });
      results = [];
      posted = performance.now();
    }
  }
  if (results.length > 0) post({ type: 'facts', results });
  post({ type: 'done' });
}
