// Two analysts on one article: changes from outside are merged, true conflicts are shown
// side by side for a person to decide (issue 6).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Annotation, Sidecar } from '../../annotations/model/types';
import { serialiseSidecar } from '../../annotations/store/serialise';
import { findChromium, NO_CHROMIUM, openSession, waitReady, type Session } from './browser-env';

const skip = findChromium() ? false : NO_CHROMIUM;
const FA = '000_4b15f26e11b27dea.txt';

describe('sidecars changed by someone else', { skip }, () => {
  let session: Session;
  const sidecarPath = () => join(session.corpus, `${FA}.annotations.json`);
  const readSidecar = async () => JSON.parse(await readFile(sidecarPath(), 'utf8')) as Sidecar;

  before(async () => {
    session = await openSession();
    await waitReady(session.page);
  });

  after(async () => {
    await session?.close();
  });

  test('an annotation added on disk by another analyst is kept when this app saves its own', async () => {
    const ws = session.harness.workspace;
    const doc = await ws.openArticle(FA);
    const start = doc.text.indexOf('داعش');
    const mine = await ws.createAnnotation(FA, { start, end: start + 4, tags: ['organisation'], gloss: 'ISIS', note: '' });

    // Another analyst's copy (a git pull) adds one annotation while the app holds the sidecar.
    const disk = await readSidecar();
    const s2 = doc.text.indexOf('عراق');
    const theirs: Annotation = {
      ...mine,
      id: 'other-analyst-1',
      analyst: 'Reza',
      target: { position: { start: s2, end: s2 + 4 }, quote: { exact: 'عراق', prefix: doc.text.slice(s2 - 32, s2), suffix: doc.text.slice(s2 + 4, s2 + 36) } },
      tags: ['place'],
      gloss: 'Iraq',
    };
    await writeFile(sidecarPath(), serialiseSidecar({ ...disk, annotations: [...disk.annotations, theirs] }));

    const s3 = doc.text.indexOf('ایران');
    await ws.createAnnotation(FA, { start: s3, end: s3 + 5, tags: ['place'], gloss: 'Iran', note: '' });
    const after = await readSidecar();
    assert.deepEqual(after.annotations.map((a) => a.gloss).sort(), ['ISIS', 'Iran', 'Iraq'], 'nobody’s annotation was lost');
  });

  test('a true conflict is shown with both versions, and the one the user keeps wins', async () => {
    const ws = session.harness.workspace;
    const disk = await readSidecar();
    const target = disk.annotations.find((a) => a.gloss === 'ISIS')!;
    // The same annotation's gloss changed differently here and on disk.
    await writeFile(sidecarPath(), serialiseSidecar({ ...disk, annotations: disk.annotations.map((a) => (a.id === target.id ? { ...a, gloss: 'Daesh (ISIS)', analyst: 'Reza', modified: '2026-11-20T10:00:00.000Z' } : a)) }));
    await ws.updateAnnotation(FA, target.id, { gloss: 'the Islamic State group' });
    const merged = await readSidecar();
    assert.equal(merged.conflicts.length, 1, 'the conflict is recorded, not silently overwritten');

    const page = session.page;
    await page.click(`li.article[data-file="${FA}"]`);
    await page.waitForSelector(`.conflicts:not([hidden]) .conflict[data-id="${target.id}"]`);
    const text = await page.textContent('.conflicts');
    assert.ok(text!.includes('Daesh (ISIS)') && text!.includes('the Islamic State group'), 'both versions are shown');
    const other = merged.conflicts[0]!.theirs!.gloss === 'Daesh (ISIS)' ? 'keep-theirs' : 'keep-ours';
    await page.click(`.conflict[data-id="${target.id}"] button.${other}`);
    await page.waitForSelector('.conflicts[hidden]', { state: 'attached' });
    const settled = await readSidecar();
    assert.equal(settled.conflicts.length, 0);
    assert.equal(settled.annotations.find((a) => a.id === target.id)!.gloss, 'Daesh (ISIS)');
  });
});
