// What the article list shows for each article (language, headline, outlet, date) stays what it
// was when this snapshot was taken: speed work on the detectors must not move a single line.
// The snapshot covers the real articles of test/fixtures/field/ and bench-like synthetic ones.
// A deliberate change of detection rewrites it: HASHIYA_UPDATE_LIST_FACTS=1 npm test -- list-facts
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { articleFacts } from '../../corpus/catalog/article-summary';
import { buildVocabulary, makeArticle, makeRng } from '../bench/synthetic-corpus';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SNAPSHOT = join(ROOT, 'test', 'fixtures', 'list-facts-snapshot.json');
const SYNTHETIC = 300;

async function listFacts(): Promise<Record<string, unknown[]>> {
  const files: Array<[string, Uint8Array]> = [];
  for (const lang of ['fa', 'ar']) {
    const dir = join(ROOT, 'test', 'fixtures', 'field', lang);
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) files.push([`${lang}/${f}`, readFileSync(join(dir, f))]);
  }
  const rng = makeRng(20_241_122);
  const vocab = { fa: buildVocabulary(rng, ROOT, 'fa', 30_000), ar: buildVocabulary(rng, ROOT, 'ar', 30_000) };
  for (let i = 0; i < SYNTHETIC; i++) {
    const a = makeArticle(rng, i, vocab, { paragraphs: [4, 10], words: [35, 100] });
    files.push([a.name, Buffer.from(a.text, 'utf8')]);
  }
  const out: Record<string, unknown[]> = {};
  for (const [name, bytes] of files) {
    const f = await articleFacts(name, bytes, undefined);
    out[name] = [f.language, f.headline, f.untitled ?? false, f.outlet, f.date];
  }
  return out;
}

test('every article keeps the language, headline, outlet and date the list showed for it', async () => {
  const now = await listFacts();
  if (process.env.HASHIYA_UPDATE_LIST_FACTS === '1') writeFileSync(SNAPSHOT, JSON.stringify(now, null, 0).replace(/\],"/g, '],\n"') + '\n');
  const before = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, unknown[]>;
  assert.equal(Object.keys(now).length, 72 + SYNTHETIC);
  for (const [file, facts] of Object.entries(now)) assert.deepEqual(facts, before[file], file);
});
