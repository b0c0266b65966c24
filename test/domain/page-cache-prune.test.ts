// The extracted text of a saved page is kept under `.hashiya/` by the hash of its bytes: when
// the page is saved again (or deleted), the old entry is no longer anybody's, and the list's
// worker removes it after its next look at the folder. Recent entries, and anything that is
// not the app's own ordinary file, are left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleSummary } from '../../corpus/api/api';
import { Workspace } from '../../corpus/services/workspace';

const PAGE = (headline: string, body: string) =>
  `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>${headline}</title><meta property="og:title" content="${headline}"></head><body><article><h1>${headline}</h1><p>${body}</p><p>${body} ${body}</p></article></body></html>`;

async function until<T>(what: string, get: () => Promise<T | null>): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const v = await get();
    if (v !== null) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never: ${what}`);
}

const pageEntries = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).filter((n) => /^page-[0-9a-f]{64}\.json$/.test(n)).sort();

test("a page saved again leaves no stale copy of its old text under .hashiya; a recent or foreign entry is left alone", async () => {
  const base = await mkdtemp(join(tmpdir(), 'hashiya-prune-'));
  const corpus = join(base, 'corpus');
  const hidden = join(corpus, '.hashiya');
  await mkdir(corpus);
  await writeFile(join(corpus, 'page.html'), PAGE('الخبر الأول', 'قال المتحدث باسم الوزارة إن المفاوضات ستستأنف الأسبوع المقبل في الدوحة.'));
  const ws = await Workspace.create({ appDataDir: join(base, 'app'), pickFolder: async () => null, live: true });
  try {
    await ws.openCorpus(corpus, false);
    const listed = async (headline: string) => {
      const list: ArticleSummary[] = await ws.listArticles();
      return list.some((a) => a.file === 'page.html' && a.headline === headline) ? list : null;
    };
    await until('the first version is listed', () => listed('الخبر الأول'));
    const [first] = await until('its text is cached', async () => ((await pageEntries(hidden)).length === 1 ? pageEntries(hidden) : null));
    assert.ok(first);
    // As if written long ago; a stranger's recent entry, and a link with an entry's name.
    const old = new Date(Date.now() - 3 * 60 * 60 * 1000);
    await utimes(join(hidden, first), old, old);
    const recent = `page-${'a'.repeat(64)}.json`;
    await writeFile(join(hidden, recent), '{}');
    const outside = join(base, 'outside.json');
    await writeFile(outside, 'not the app\'s');
    const link = `page-${'b'.repeat(64)}.json`;
    await symlink(outside, join(hidden, link));
    await utimes(outside, old, old);

    await writeFile(join(corpus, 'page.html'), PAGE('الخبر الثاني', 'وأضاف أن الوفدين سيلتقيان مرة أخرى بعد عطلة العيد لمناقشة تفاصيل الاتفاق.'));
    await until('the page saved again is listed', () => listed('الخبر الثاني'));
    const entries = await until('the old entry is removed', async () => {
      const now = await pageEntries(hidden);
      return now.includes(first) ? null : now;
    });
    console.log(`entries before: 1 (+2 planted); after the page was saved again: ${entries.length}: ${entries.map((e) => e.slice(0, 13)).join(', ')}`);
    assert.ok(entries.includes(recent), 'a recent entry is kept');
    assert.ok(entries.includes(link), 'a link is not the app\'s file: left alone');
    assert.equal(await readFile(outside, 'utf8'), 'not the app\'s');
    assert.equal(entries.length, 3, 'the new version\'s entry, the recent one, the link and nothing else');
    const opened = await ws.openArticle('page.html');
    assert.match(opened.text, /وأضاف أن الوفدين/);
  } finally {
    await ws.close();
    await rm(base, { recursive: true, force: true });
  }
});
