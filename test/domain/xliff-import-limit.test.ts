// A big XLIFF never holds the process (issue 12, point 8): one over the stated limit is
// refused with a message before any of it is parsed, and the article's drafts stay as they were.
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MAX_XLIFF_BYTES } from '../../annotations/translation/xliff-reader';
import { dispatch } from '../../corpus/api/api-schema';
import { Workspace } from '../../corpus/services/workspace';

const SAMPLE = fileURLToPath(new URL('../../corpus/sample', import.meta.url));
const FA = '000_4b15f26e11b27dea.txt';

let dir: string;
let corpus: string;

async function workspace(): Promise<Workspace> {
  const ws = await Workspace.create({ appDataDir: join(dir, 'app'), pickFolder: async () => null });
  await ws.openCorpus(corpus, false);
  await ws.setAnalyst('Maryam');
  return ws;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hashiya-xliff-limit-'));
  corpus = join(dir, 'corpus');
  await mkdir(corpus);
  await copyFile(join(SAMPLE, FA), join(corpus, FA));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fromBase64 = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

test('a 60 MB XLIFF is refused with the limit in the message, before it is read, and the drafts stay as they were', async (t) => {
  const ws = await workspace();
  const doc = await ws.openArticle(FA);
  const [s0, s1] = doc.segments.filter((s) => !s.skip);
  await ws.saveRendering(FA, { start: s0!.start, end: s0!.end, text: 'President: fighting terrorism is a duty', status: 'draft' });
  await ws.flush();
  const sidecarPath = join(corpus, `${FA}.annotations.json`);
  const before = await readFile(sidecarPath);
  const xml = fromBase64((await ws.exportTranslation(FA, 'xliff')).base64);

  // The article's own XLIFF, a translator's target in its second segment, and 60 MB of a
  // comment: well-formed and fitting the article, so only its size can refuse it.
  const id1 = `s${s1!.start}-${s1!.end}`;
  const filled = xml.replace(new RegExp(`(<segment id="${id1}") state="initial"(>\\s*<source[^>]*>[^<]*</source>)`), '$1 state="translated"$2<target>In a telephone call…</target>');
  assert.notEqual(filled, xml);
  const unit = 'حاشیه padding ';
  const padding = `<!-- ${unit.repeat(Math.ceil((60 * 1024 * 1024) / Buffer.byteLength(unit, 'utf8')))} -->`;
  const huge = filled.replace('</xliff>', `${padding}\n</xliff>`);
  const bytes = Buffer.byteLength(huge, 'utf8');
  assert.ok(bytes > 60 * 1024 * 1024, 'the test XLIFF is over 60 MB');

  const res = await dispatch(ws, 'importXliff', [FA, huge]);
  assert.equal(res.ok, false);
  if (!res.ok) {
    assert.equal(res.error.code, 'bad-request');
    assert.match(res.error.message, new RegExp(`this XLIFF is ${(bytes / 1024 / 1024).toFixed(1)} MB; Hashiya imports XLIFF files of up to 8 MB`));
    assert.match(res.error.message, /Nothing was imported or changed/);
    t.diagnostic(`refused: ${(bytes / 1024 / 1024).toFixed(1)} MB XLIFF, limit ${MAX_XLIFF_BYTES / 1024 / 1024} MB; the window is told: "${res.error.message}"`);
  }
  assert.deepEqual(await readFile(sidecarPath), before, 'the sidecar is byte for byte as it was');
  assert.deepEqual((await ws.openArticle(FA)).renderings.map((r) => r.text), ['President: fighting terrorism is a duty']);

  // The same XLIFF without the padding comes in.
  const back = await ws.importXliff(FA, filled);
  assert.deepEqual(back.renderings.map((r) => r.text), ['President: fighting terrorism is a duty', 'In a telephone call…']);
  t.diagnostic(`the same XLIFF at ${(Buffer.byteLength(filled, 'utf8') / 1024).toFixed(1)} KB imported: ${back.renderings.length} drafts`);
  await ws.close();
});
