// Journey: a sidecar with two annotations of one id (a hand edit, a bad merge) opens with both
// shown and a line saying what was put right; editing the second by hand changes the second
// only (issue 12, point 5). Judged by the screen and the sidecar on disk.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { annotationAt } from '../fixtures/annotations';
import { serialiseSidecar } from '../../annotations/store/serialise';
import { SIDECAR_FORMAT, type Annotation, type Sidecar } from '../../annotations/model/types';
import { findChromium, NO_CHROMIUM, useSession, type Session } from '../browser/browser-env';
import { waitSaved } from '../browser/test-hooks';
import { clickOn, openArticle, press, screenshotsAtBothSizes, type } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;
const FA = '004_df093c946d86f816.txt';

/** A hand-written annotation on `words`, every one of them with the same id. */
function annotation(text: string, words: string, gloss: string): Annotation {
  const start = text.indexOf(words);
  assert.ok(start >= 0, words);
  return annotationAt(text, 'same-id', start, start + words.length, { analyst: 'hand edit', tags: [], gloss });
}

describe('a sidecar with a repeated id', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s), {
    viewport: { width: 1440, height: 900 },
    prepare: async (corpus) => {
      const text = await readFile(join(corpus, FA), 'utf8');
      const sha256 = createHash('sha256').update(text).digest('hex');
      const sidecar: Sidecar = {
        format: SIDECAR_FORMAT,
        article: { file: FA, sha256, length: text.length },
        metadata: {},
        annotations: [annotation(text, 'حسن روحانی', 'Hassan Rouhani'), annotation(text, 'داعش', 'Daesh')],
        renderings: [],
        alignments: [],
        conflicts: [],
      };
      await writeFile(join(corpus, `${FA}.annotations.json`), serialiseSidecar(sidecar));
    },
  });

  test('opens with both annotations shown and says so; an edit of the second changes the second only', async () => {
    const page = session.page;
    await openArticle(page, FA);
    await page.waitForSelector('.banner:not([hidden])');
    const banner = (await page.locator('.banner').textContent())!;
    console.log(`# banner: ${banner}`);
    assert.match(banner, /had the id of another/, 'the person is told what was put right');
    assert.deepEqual(await page.locator('.annotation-list li.annotation .gloss').allTextContents(), ['Hassan Rouhani', 'Daesh']);
    await screenshotsAtBothSizes(page, 'repeated-ids-banner');

    await clickOn(page, '.annotation-list li.annotation:nth-child(2)');
    await page.waitForSelector('.popover:not([hidden]) input.gloss');
    await clickOn(page, '.popover:not([hidden]) input.gloss');
    await press(page, 'End');
    await type(page, ' (ISIS)');
    await press(page, 'Enter');
    const saved = await waitSaved(session.corpus, FA, (list) => list.some((a) => a.gloss === 'Daesh (ISIS)'), 15_000);
    const onDisk = saved.map((a) => [a.gloss, a.id]);
    console.log(`# on disk: ${JSON.stringify(onDisk)}`);
    assert.deepEqual(saved.map((a) => a.gloss).sort(), ['Daesh (ISIS)', 'Hassan Rouhani'], 'the first is as it was, the second edited');
    assert.equal(new Set(saved.map((a) => a.id)).size, 2, 'each has its own id on disk');
    assert.equal(saved.find((a) => a.gloss === 'Hassan Rouhani')!.id, 'same-id', 'the first keeps its id');
  });
});
