// Side by side in a real Chromium against the harness (issue 3): two texts in columns, reading
// in step, drafting with autosave and undo, gloss memory, merge and split, review of links,
// and the XLIFF round trip through the UI.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, NO_CHROMIUM, openSession, screenshot, waitReady, type Session } from './browser-env';
import {
  alignmentKind,
  clickAtEnd,
  counterpartsOfTop,
  eventually,
  links,
  nextFrames,
  openTexts,
  segmentAtTop,
  segmentSpans,
  showSideBySide,
  sidecar,
  storedLinks,
  waitIdle,
  waitSaved,
  type Span,
} from './side-by-side-screen';

const skip = findChromium() ? false : NO_CHROMIUM;
const FA = '000_4b15f26e11b27dea.txt';
const FA_EN = '000_4b15f26e11b27dea.en.txt';
const AR = '002_b7e8f03d4cd73c5b.txt';
const FA2 = '004_df093c946d86f816.txt';
const BUNDLE = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'out', 'renderer', 'app.js');

test('the production bundle carries no hook for tests into the side-by-side view', async () => {
  assert.ok(!(await readFile(BUNDLE, 'utf8')).includes('hashiyaSideBySide'));
});

const overlaps = (a: Span, b: Span) => a.start < b.end && a.end > b.start;

describe('side by side: parallel reading, alignment and drafting', { skip }, () => {
  let session: Session;

  before(async () => {
    session = await openSession();
    await waitReady(session.page);
    await showSideBySide(session.page);
  });

  after(async () => {
    await session?.close();
  });

  test('a Persian and an Arabic article open side by side, each right-to-left in its own font, with their links drawn between them', async () => {
    const page = session.page;
    await openTexts(page, [FA, AR]);
    const columns = await page.evaluate(() =>
      [...document.querySelectorAll('.sbs-col')].map((c) => {
        const text = c.querySelector('.col-text') as HTMLElement;
        const para = [...c.querySelectorAll('.para')].find((p) => !p.classList.contains('boilerplate')) as HTMLElement;
        return { file: (c as HTMLElement).dataset.file, dir: text.dir, lang: text.lang, paraDir: para.dir, align: getComputedStyle(para).textAlign, font: getComputedStyle(para).fontFamily };
      }),
    );
    assert.deepEqual(
      columns.map((c) => [c.file, c.dir, c.lang, c.paraDir, c.align]),
      [
        [FA, 'rtl', 'fa', 'rtl', 'right'],
        [AR, 'rtl', 'ar', 'rtl', 'right'],
      ],
    );
    assert.match(columns[0]!.font, /^"?Vazirmatn/);
    assert.match(columns[1]!.font, /^"?Noto Naskh Arabic/);
    const kind = await alignmentKind(page);
    assert.equal(kind, 'comparable');
    const bands = await page.locator('.sbs-gutter path.band').count();
    assert.ok(bands > 0, 'connector bands are drawn');
    // The Arabic weather bar is page furniture: dimmed, not for translation.
    const ar = await session.harness.workspace.openArticle(AR);
    const weather = ar.segments[0]!;
    assert.equal(weather.skip, true);
    assert.equal(await page.locator(`.sbs-col[data-column="1"] .seg.skip`).first().textContent(), ar.text.slice(weather.start, weather.end));

    // Hovering a linked segment lights up its counterpart in the other column.
    const link = (await links(session))[0]!;
    await page.hover(`.sbs-col[data-column="0"] .seg[data-start="${link.a[0]}"]`);
    const lit = await page.evaluate(() => [...document.querySelectorAll('.sbs-col[data-column="1"] .seg.counterpart')].map((e) => Number((e as HTMLElement).dataset.start)));
    assert.ok(lit.length > 0);
    for (const start of lit) assert.ok(start >= link.b[0] && start < link.b[1], `lit segment ${start} lies in the linked span ${link.b}`);
    const shot = await screenshot(page, 'side-by-side-fa-ar.png');
    console.log(`# screenshot: ${shot}`);
  });

  test('scrolling one column scrolls the other to the aligned segment', async () => {
    const page = session.page;
    await openTexts(page, [FA, FA_EN]);
    assert.equal(await alignmentKind(page), 'translation');
    const box = (await page.locator('.sbs-col[data-column="0"] .col-scroll').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    let compared = 0;
    for (const step of [300, 300, 300, 300]) {
      const was = await page.evaluate(() => document.querySelectorAll('.col-scroll')[0]!.scrollTop);
      await page.mouse.wheel(0, step);
      await page.waitForFunction((w) => {
        const s = document.querySelectorAll('.col-scroll');
        return s[0]!.scrollTop > w && s[1]!.scrollTop > 0;
      }, was);
      await nextFrames(page);
      const top = await segmentAtTop(page, 0);
      const counterpart = await counterpartsOfTop(page, 0, 1);
      const other = await segmentAtTop(page, 1);
      if (counterpart.length > 0) {
        compared++;
        assert.ok(
          counterpart.some((c) => overlaps(c, other)),
          `the English column shows ${JSON.stringify(other)} at the top, the counterpart of ${JSON.stringify(top)} is ${JSON.stringify(counterpart)}`,
        );
      }
    }
    assert.ok(compared >= 3, `${compared} positions compared`);
    const moved = await page.evaluate(() => [...document.querySelectorAll('.col-scroll')].map((s) => s.scrollTop));
    assert.ok(moved[1]! > 200, `the English column followed (${moved})`);

    // And the other way round: scrolling the English column moves the Persian one.
    const box1 = (await page.locator('.sbs-col[data-column="1"] .col-scroll').boundingBox())!;
    await page.mouse.move(box1.x + box1.width / 2, box1.y + box1.height / 2);
    await page.mouse.wheel(0, -1200);
    await page.waitForFunction((before) => document.querySelectorAll('.col-scroll')[0]!.scrollTop < before, moved[0]!);
    await nextFrames(page);
    const back = await counterpartsOfTop(page, 1, 0);
    const topFa = await segmentAtTop(page, 0);
    if (back.length > 0) assert.ok(back.some((c) => overlaps(c, topFa)));
    await page.mouse.move(box1.x + box1.width / 2, box1.y + box1.height / 2);
    const shot = await screenshot(page, 'side-by-side-fa-en.png');
    console.log(`# screenshot: ${shot}`);
  });

  test('a draft typed in the English column is saved to the sidecar on its own and is there after a restart; undo takes it back', async () => {
    let page = session.page;
    await openTexts(page, [FA, '#draft']);
    const segs = await segmentSpans(page, 1);
    const target = segs[1]!;
    const block = `.draft-seg[data-start="${target.start}"]`;
    await page.click(`${block} .seg-text`);
    await page.keyboard.type('In a telephone conversation with the Iraqi prime minister, the President');
    await waitSaved(page);
    assert.equal(await page.locator(`${block} .seg-status`).inputValue(), 'draft', 'typing makes an untranslated segment a draft');
    const saved = await eventually(
      () => sidecar(session, FA),
      (s) => s.renderings.some((r) => r.start === target.start && r.end === target.end && r.text.startsWith('In a telephone')),
      'the draft is in the sidecar',
    );
    const r = saved.renderings.find((x) => x.start === target.start)!;
    assert.equal(r.status, 'draft');
    assert.equal(r.analyst, 'Test Analyst');

    // Undo and redo inside the editor (and not the app's annotation undo).
    await page.keyboard.press('Control+z');
    assert.equal(await page.locator(`${block} .seg-text`).textContent(), '');
    await page.keyboard.press('Control+Shift+z');
    assert.match((await page.locator(`${block} .seg-text`).textContent())!, /^In a telephone/);
    // Mark it reviewed from its status menu.
    await page.selectOption(`${block} .seg-status`, 'reviewed');
    await waitSaved(page);
    await eventually(
      () => sidecar(session, FA),
      (s) => s.renderings.some((x) => x.start === target.start && x.status === 'reviewed'),
      'the status is saved',
    );
    await page.waitForFunction(() => /^1\/\d+ \(1 reviewed\)/.test(document.querySelector('.sbs-progress .meter-article .progress-figures')?.textContent ?? ''));

    page = await session.reload();
    await showSideBySide(page);
    // After a restart the view starts from the article in Read and its translation; the person
    // opens the draft beside the article again.
    await openTexts(page, [FA, '#draft']);
    assert.deepEqual(await page.locator('.sbs-col').evaluateAll((cols) => cols.map((c) => (c.classList.contains('draft-col') ? 'draft' : c.classList.contains('article-col') ? 'article' : '?'))), ['article', 'draft']);
    assert.equal(await page.locator(`${block} .seg-text`).textContent(), 'In a telephone conversation with the Iraqi prime minister, the President');
    assert.equal(await page.locator(`${block} .seg-status`).inputValue(), 'reviewed');
  });

  test('checks show per segment what a draft lacks (a number, an attribution) and never stop it from being saved', async () => {
    const page = session.page;
    await openTexts(page, [AR, '#draft']);
    const doc = await session.harness.workspace.openArticle(AR);
    const dated = doc.segments.find((s) => doc.text.slice(s.start, s.end).startsWith('أكد الرئيس'))!;
    const attributed = doc.segments.find((s) => doc.text.slice(s.start, s.end).startsWith('هذا وبحسب'))!;
    const type = async (span: Span, text: string) => {
      await page.click(`.draft-seg[data-start="${span.start}"] .seg-text`);
      await page.keyboard.press('Control+a');
      await page.keyboard.type(text);
    };
    const checksOf = (span: Span) => page.locator(`.draft-seg[data-start="${span.start}"] .draft-check`).allTextContents();

    await type(dated, 'Iranian President Hassan Rouhani affirmed on Monday (17 May) Tehran’s support for Iraq.');
    assert.deepEqual(await checksOf(dated), ['⚠ 2021 missing']);
    await type(attributed, 'The call also saw shared praise for the constructive bilateral cooperation.');
    assert.deepEqual(await checksOf(attributed), ['⚠ attribution']);
    await waitSaved(page);
    await eventually(
      () => sidecar(session, AR),
      (s) => s.renderings.some((r) => r.start === attributed.start && r.text.startsWith('The call also saw')),
      'a draft with a warning is saved all the same',
    );
    await type(dated, 'Iranian President Hassan Rouhani affirmed on Monday (17 May 2021) Tehran’s support for Iraq.');
    await type(attributed, 'According to a statement from the media office, the call also saw shared praise.');
    assert.deepEqual(await checksOf(dated), []);
    assert.deepEqual(await checksOf(attributed), []);
    await waitSaved(page);
  });

  test('a glossed term of the corpus is offered beside its segment and Alt+1 inserts the gloss at the caret', async () => {
    let page = session.page;
    // Another article's analyst glossed داعش; the draft of this article should offer it.
    const other = await session.harness.workspace.openArticle(FA2);
    const at = other.text.indexOf('داعش');
    await session.harness.workspace.createAnnotation(FA2, { start: at, end: at + 4, tags: ['organisation'], gloss: 'Daesh', note: '' });
    await session.harness.workspace.flush();
    page = await session.reload();
    await showSideBySide(page);
    await openTexts(page, [FA, '#draft']);
    const doc = await session.harness.workspace.openArticle(FA);
    const seg = doc.segments.find((s) => !s.skip && doc.text.slice(s.start, s.end).includes('داعش'))!;
    const block = `.draft-seg[data-start="${seg.start}"]`;
    const offer = page.locator(`${block} .gloss-offer`).first();
    assert.equal(await offer.locator('.gloss-text').textContent(), 'Daesh');
    assert.equal(await offer.locator('bdi').textContent(), 'داعش');
    // The caret at the end of the segment's draft (where a click after its last word puts it).
    await clickAtEnd(page, `${block} .seg-text`);
    await page.keyboard.type(' groups such as');
    await page.keyboard.press('Alt+1');
    await page.keyboard.type(', he said.');
    const text = await page.locator(`${block} .seg-text`).textContent();
    assert.ok(text!.endsWith('groups such as Daesh, he said.'), text!);
    await waitSaved(page);
    await eventually(
      () => sidecar(session, FA),
      (s) => s.renderings.some((r) => r.start === seg.start && r.text.endsWith('such as Daesh, he said.')),
      'the draft with the gloss is saved',
    );
    // A segment whose draft renders the term otherwise is flagged, without blocking anything.
    await page.click(`${block} .seg-text`);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('The fight against ISIS');
    const check = page.locator(`${block} .draft-check.check-gloss-inconsistent`);
    await check.waitFor();
    assert.match((await check.getAttribute('title'))!, /داعش is glossed “Daesh”/);
  });

  test('a segment is split at the caret and merged back, and the segmentation is saved', async () => {
    const page = session.page;
    await openTexts(page, [AR, '#draft']);
    const doc = await session.harness.workspace.openArticle(AR);
    const whole = doc.segments.find((s) => doc.text.slice(s.start, s.end).startsWith('جاء ذلك'))!;
    const comma = doc.text.indexOf('،', whole.start) + 1;
    const before = (await segmentSpans(page, 0)).length;
    // Click into the sentence, then put the caret just after the comma.
    await page.click(`.sbs-col[data-column="0"] .seg[data-start="${whole.start}"]`);
    await page.evaluate(
      ([start, offset]) => {
        const seg = document.querySelector(`.sbs-col[data-column="0"] .seg[data-start="${start}"]`)!;
        const walker = document.createTreeWalker(seg, NodeFilter.SHOW_TEXT);
        let left = offset;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent!.length;
          if (left <= len) {
            getSelection()!.collapse(n, left);
            return;
          }
          left -= len;
        }
      },
      [whole.start, comma - whole.start],
    );
    await page.click('.sbs-action.act-split');
    await page.waitForFunction((n) => document.querySelectorAll('.sbs-col[data-column="0"] .seg').length === n + 1, before);
    const cuts = await eventually(
      () => sidecar(session, AR),
      (s) => (s.metadata.segments?.length ?? 0) === doc.segments.length + 1,
      'the split is saved',
    );
    const parts = cuts.metadata.segments!.filter((s) => s.start >= whole.start && s.end <= whole.end);
    assert.deepEqual(parts, [{ start: whole.start, end: comma }, { start: comma + 1, end: whole.end }]);
    assert.equal(await page.locator(`.draft-seg[data-start="${comma + 1}"]`).count(), 1, 'the draft column has a block for each part');

    // Pick the first part and merge it with the next one.
    await page.click(`.sbs-col[data-column="0"] .seg[data-start="${whole.start}"]`);
    await page.keyboard.press('m');
    await page.waitForFunction((n) => document.querySelectorAll('.sbs-col[data-column="0"] .seg').length === n, before);
    await eventually(
      () => sidecar(session, AR),
      (s) => s.metadata.segments?.some((x) => x.start === whole.start && x.end === whole.end) === true,
      'the merge is saved',
    );
  });

  test('the review queue steps through the doubtful links with the keyboard, and a confirmed link is saved', async () => {
    const page = session.page;
    await openTexts(page, [FA, AR]);
    const queue = await page.locator('.review-item').count();
    assert.ok(queue > 0, 'comparable reports leave links to review');
    const scores = await page.locator('.review-item .score').allTextContents();
    const values = scores.map((s) => Number(s.replace('%', '')));
    assert.deepEqual(values, [...values].sort((x, y) => x - y), 'least sure first');
    await page.click('.sbs-col[data-column="0"] .col-head');
    await page.keyboard.press('j');
    const current = Number(await page.locator('.review-item.current').getAttribute('data-index'));
    const link = (await links(session))[current]!;
    assert.ok((await page.locator('.sbs-col .seg.review-current').count()) >= 2, 'both sides of the link are marked');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.review-item').length === n - 1, queue);
    const stored = await eventually(
      () => sidecar(session, FA),
      (s) => s.alignments.some((a) => a.other === AR && a.links.some((l) => l.confirmed && l.a[0] === link.a[0] && l.b[0] === link.b[0])),
      'the confirmed link is saved',
    );
    assert.ok(stored);

    // Link two segments by hand: pick one in each column, then L.
    const a = (await segmentSpans(page, 0)).at(-5)!;
    const b = (await segmentSpans(page, 1)).at(-8)!;
    await page.click(`.sbs-col[data-column="0"] .seg[data-start="${a.start}"]`);
    await page.click(`.sbs-col[data-column="1"] .seg[data-start="${b.start}"]`);
    await page.keyboard.press('l');
    await eventually(() => storedLinks(session, FA, AR), (ls) => ls!.some((l) => l.a[0] === a.start && l.b[0] === b.start && l.confirmed), 'the link made by hand is saved, confirmed');
    await page.keyboard.press('u');
    await eventually(() => storedLinks(session, FA, AR), (ls) => !ls!.some((l) => l.b[0] === b.start), 'the unlinking is saved');
  });

  test('spans the two reports share (a tagged person) are marked in both, and "only in one" dims what both say', async () => {
    let page = session.page;
    const ws = session.harness.workspace;
    for (const [file, words] of [
      [FA, 'حیدر العبادی'],
      [AR, 'الكاظمي'],
      [FA, 'روحانی'],
      [AR, 'روحاني'],
    ] as const) {
      const d = await ws.openArticle(file);
      const at = d.text.indexOf(words);
      await ws.createAnnotation(file, { start: at, end: at + words.length, tags: ['person'], gloss: '', note: '' });
    }
    await ws.flush();
    page = await session.reload();
    await showSideBySide(page);
    await openTexts(page, [FA, AR]);
    const keys = await page.evaluate(() =>
      [0, 1].map((k) => [...new Set([...document.querySelectorAll(`.sbs-col[data-column="${k}"] mark.shared`)].map((m) => (m as HTMLElement).dataset.key))]),
    );
    assert.ok(keys[0]!.length > 0 && keys[0]!.every((k) => keys[1]!.includes(k)), JSON.stringify(keys));
    await page.hover(`.sbs-col[data-column="0"] mark.shared`);
    assert.ok((await page.locator('.sbs-col[data-column="1"] mark.shared.hot').count()) > 0, 'its counterpart lights up');
    await page.check('.only-in-one');
    const dimmed = await page.evaluate(() => getComputedStyle(document.querySelector('.sbs-col .seg.in-both')!).opacity);
    assert.ok(Number(dimmed) < 0.5);
    await page.uncheck('.only-in-one');
  });

  test('an XLIFF exported from the view and edited in a CAT tool comes back into the drafts', async () => {
    const page = session.page;
    await openTexts(page, [FA, '#draft']);
    await page.selectOption('.export-format', 'xliff');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export-translation')]);
    assert.equal(download.suggestedFilename(), '000_4b15f26e11b27dea.xlf');
    const xml = await readFile((await download.path())!, 'utf8');
    assert.match(xml, /version="2.1"/);
    const doc = await session.harness.workspace.openArticle(FA);
    const seg = doc.segments.filter((s) => !s.skip)[3]!;
    const id = `s${seg.start}-${seg.end}`;
    const edited = xml.replace(
      new RegExp(`(<segment id="${id}") state="initial"(>\\s*<source[^>]*>[^<]*</source>)`),
      '$1 state="reviewed"$2<target xml:space="preserve">Referring to the latest measures against the terrorists, Rouhani said…</target>',
    );
    assert.notEqual(edited, xml);
    await page.setInputFiles('.import-xliff-file', { name: 'from-cat-tool.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(edited, 'utf8') });
    const block = `.draft-seg[data-start="${seg.start}"]`;
    await page
      .waitForFunction((sel) => document.querySelector(`${sel} .seg-text`)?.textContent?.startsWith('Referring to the latest'), block, { timeout: 10_000 })
      .catch(async (error) => {
        throw new Error(`${(error as Error).message}; toast: ${await page.locator('.toast').textContent()}`);
      });
    assert.equal(await page.locator(`${block} .seg-status`).inputValue(), 'reviewed');
    const s = await eventually(
      () => sidecar(session, FA),
      (x) => x.renderings.some((r) => r.start === seg.start && r.status === 'reviewed'),
      'the imported draft is in the sidecar',
    );
    // Nothing else was lost on the way.
    assert.ok(s.renderings.some((r) => r.text.endsWith('such as Daesh, he said.') || r.text === 'The fight against ISIS'));
  });

  test('a translation .txt imported from the view becomes an article beside the source, paired and aligned with it', async () => {
    const page = session.page;
    await openTexts(page, [FA2, '#draft']);
    const english = 'Hassan Rouhani calls for Iran and Turkey to cooperate against Daesh\n\nThe presidents of Turkey and Iran exchanged views by telephone on unity against Daesh.\n';
    await page.setInputFiles('.import-translation-file', { name: 'rouhani-turkey.txt', mimeType: 'text/plain', buffer: Buffer.from(english, 'utf8') });
    await page.waitForSelector('.sbs-col[data-column="1"][data-file="rouhani-turkey.txt"]').catch(async (error) => {
      const shown = await page.evaluate(() => ({
        toast: document.querySelector('.toast')?.textContent,
        picks: [...document.querySelectorAll('.side-by-side-view .pick-text')].map((s) => (s as HTMLSelectElement).value),
        columns: [...document.querySelectorAll('.sbs-col')].map((c) => `${(c as HTMLElement).dataset.column}:${(c as HTMLElement).dataset.file}`),
        busy: document.querySelector('.side-by-side-view')?.getAttribute('aria-busy'),
      }));
      throw new Error(`${(error as Error).message}; on screen: ${JSON.stringify(shown)}`);
    });
    await waitIdle(page);
    assert.equal(await readFile(join(session.corpus, 'rouhani-turkey.txt'), 'utf8'), english);
    assert.equal(await alignmentKind(page), 'translation');
    assert.ok((await links(session)).length > 0);
    assert.ok((await page.locator('.pairings option').allTextContents()).some((t) => t.includes('rouhani-turkey.txt')));
  });

  test('when a text changed on disk since its links were made, the two are aligned again and the user is told', async () => {
    const page = session.page;
    await openTexts(page, [FA, FA_EN]);
    const before = await links(session);
    assert.ok(before.length > 0);
    const path = join(session.corpus, FA_EN);
    const edited = `Translator's note: second pass, with a new first line.\n\n${await readFile(path, 'utf8')}`;
    await writeFile(path, edited);
    // Looking at the texts again (another view, then back) shows them as they are on disk.
    await page.click('.tab-read');
    await page.click('.tab-side-by-side');
    await page.waitForFunction(() => /changed on disk since the links were made/.test(document.querySelector('.toast:not([hidden])')?.textContent ?? ''));
    assert.match((await page.locator('.toast').textContent()) ?? '', new RegExp(`${FA_EN.replace(/\./g, '\\.')} changed on disk since the links were made, so the texts were aligned again`));
    await screenshot(page, 'side-by-side-realigned.png');
    const fa = await readFile(join(session.corpus, FA), 'utf8');
    await waitIdle(page);
    const now = await eventually(() => storedLinks(session, FA, FA_EN), (ls) => ls !== null && JSON.stringify(ls) !== JSON.stringify(before), 'the links made again are kept');
    assert.ok(now!.length > 0);
    for (const l of now!) {
      assert.ok(l.b[1] <= edited.length && edited.slice(l.b[0], l.b[1]).trim() !== '', 'each link joins words of the text as it is now');
      assert.ok(fa.slice(l.a[0], l.a[1]).trim() !== '');
    }
    const stored = await eventually(() => sidecar(session, FA), (s) => s.alignments.some((x) => x.other === FA_EN && x.versions !== undefined), 'the alignment records the texts');
    assert.ok(stored.alignments.find((x) => x.other === FA_EN)!.versions!.other.length === 64);
  });

  test('screenshots of Persian beside its English draft and of the three-way view', async () => {
    const page = session.page;
    await openTexts(page, [FA, '#draft']);
    const doc = await session.harness.workspace.openArticle(FA);
    const seg = doc.segments.find((s) => !s.skip && doc.text.slice(s.start, s.end).includes('داعش'))!;
    await page.click(`.draft-seg[data-start="${seg.start}"] .seg-text`);
    const shot = await screenshot(page, 'side-by-side-fa-draft.png');
    console.log(`# screenshot: ${shot}`);
    await openTexts(page, [FA, AR, '#draft']);
    const three = await screenshot(page, 'side-by-side-three-way.png');
    console.log(`# screenshot: ${three}`);
    assert.equal(await page.locator('.sbs-col').count(), 3);
  });
});
