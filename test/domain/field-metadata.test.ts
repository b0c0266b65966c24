// The detectors judged on real articles nobody here wrote (test/fixtures/field/, labelled by
// reading each one): language, headline, outlet, publication date and page furniture, with
// precision and recall printed for each and the issue's goals asserted.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { detectMetadata, type DetectedMetadata } from '../../corpus/metadata/metadata';
import { outletByName } from '../../corpus/metadata/outlet-gazetteer';
import { detectLanguage } from '../../corpus/text/language';
import { looseKey } from '../../corpus/text/letter-variants';
import { splitParagraphs } from '../../corpus/text/paragraphs';
import { detectBoilerplate } from '../../corpus/metadata/metadata';
import { detectFurnitureTails } from '../../corpus/metadata/furniture-tails';

const FIELD = new URL('../fixtures/field/', import.meta.url);

const labelSchema = z.object({
  source: z.string(),
  kind: z.enum(['saved-page', 'dataset']),
  language: z.enum(['fa', 'ar', 'en']),
  headline: z.string().nullable(),
  kicker: z.string().nullable().optional(),
  subtitle: z.string().nullable().optional(),
  outlet: z.object({ english: z.string(), native: z.string() }).nullable(),
  outletEvidence: z.string().nullable().optional(),
  quoted: z.array(z.string()).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  dateEvidence: z.string().nullable().optional(),
  furniture: z.array(z.string()),
  furnitureTails: z.array(z.object({ line: z.string(), tail: z.string() })).optional(),
  notes: z.string().optional(),
});
type Label = z.infer<typeof labelSchema>;

interface Case {
  file: string;
  text: string;
  label: Label;
  found: DetectedMetadata;
  language: string;
  furniture: Set<string>;
}

function loadCases(): Case[] {
  const out: Case[] = [];
  for (const lang of ['fa', 'ar']) {
    const dir = new URL(`${lang}/`, FIELD);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const file = `${lang}/${name.replace(/\.json$/, '.txt')}`;
      const label = labelSchema.parse(JSON.parse(readFileSync(new URL(name, dir), 'utf8')));
      const text = readFileSync(new URL(file, FIELD), 'utf8').replace(/^\uFEFF/, '');
      const language = detectLanguage(text);
      const paragraphs = splitParagraphs(text);
      const marked = detectBoilerplate(paragraphs, label.language);
      out.push({
        file,
        text,
        label,
        found: detectMetadata(text, label.language),
        language,
        furniture: new Set([...marked].map((i) => paragraphs[i].text.trim())),
      });
    }
  }
  return out;
}

const cases = loadCases();

interface Score {
  right: number;
  wrong: number;
  missed: number;
  /** Labelled cases where there was something to find. */
  present: number;
  failures: string[];
}

const score = (): Score => ({ right: 0, wrong: 0, missed: 0, present: 0, failures: [] });
const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);

function sameOutlet(found: string, label: { native: string; english: string }): boolean {
  const a = outletByName(found)?.outlet.id;
  const b = outletByName(label.native)?.outlet.id ?? outletByName(label.english)?.outlet.id;
  if (a && b) return a === b;
  return looseKey(found).replace(/\s+/g, '') === looseKey(label.native).replace(/\s+/g, '');
}

function judge(s: Score, file: string, expected: string | null, found: string | null, same: (a: string, b: string) => boolean): void {
  if (expected !== null) s.present++;
  if (found === null) {
    if (expected !== null) {
      s.missed++;
      s.failures.push(`${file}: missed «${expected}»`);
    }
    return;
  }
  if (expected !== null && same(found, expected)) s.right++;
  else {
    s.wrong++;
    s.failures.push(`${file}: found «${found}», expected ${expected === null ? 'none' : `«${expected}»`}`);
  }
}

function report(name: string, s: Score): void {
  const precision = pct(s.right, s.right + s.wrong);
  const recall = pct(s.right, s.present);
  console.log(`# ${name.padEnd(10)} right ${s.right}/${s.present}  recall ${recall}  precision ${precision}  wrong ${s.wrong}`);
  for (const f of s.failures) console.log(`#   ${f}`);
}

describe('detectors on real articles (test/fixtures/field)', () => {
  test('the labelled set is real and wide: at least 40 articles from at least 20 outlets, in both languages', () => {
    const outlets = new Set(cases.map((c) => c.label.source.replace(/^https?:\/\/(?:www\.)?([^/]+).*$/, '$1')));
    const named = new Set(cases.flatMap((c) => (c.label.outlet ? [c.label.outlet.english] : [])));
    const by = (l: string): number => cases.filter((c) => c.label.language === l).length;
    console.log(`# ${cases.length} articles (${by('fa')} fa, ${by('ar')} ar, ${by('en')} en), ${outlets.size} sources, ${named.size} outlets named`);
    assert.ok(cases.length >= 40, `${cases.length} articles`);
    assert.ok(outlets.size >= 20, `${outlets.size} sources`);
    for (const c of cases) {
      for (const line of c.label.furniture) assert.ok(c.text.split(/\r?\n/).some((l) => l.trim() === line.trim()), `${c.file}: furniture «${line}» is not a line of the text`);
      if (c.label.headline) assert.ok(c.text.includes(c.label.headline), `${c.file}: headline not in the text`);
    }
  });

  test('language: every article', () => {
    const wrong = cases.filter((c) => c.language !== c.label.language).map((c) => `${c.file}: ${c.language}`);
    console.log(`# language   right ${cases.length - wrong.length}/${cases.length}`);
    assert.deepEqual(wrong, []);
  });

  test('headline: at least 95 % right where the text has one; a text with none says so', () => {
    const s = score();
    for (const c of cases) {
      const found = c.found.headlineParagraph === null ? null : c.found.headline.trim();
      judge(s, c.file, c.label.headline?.trim() ?? null, found, (a, b) => a === b);
    }
    report('headline', s);
    assert.ok(s.right >= 0.95 * s.present, `headline recall ${pct(s.right, s.present)}`);
  });

  test('outlet: at least 95 % of the outlets a text names are found, and none is wrong', () => {
    const s = score();
    for (const c of cases) {
      const expected = c.label.outlet;
      if (expected === null) judge(s, c.file, null, c.found.outlet, () => false);
      else judge(s, c.file, expected.native, c.found.outlet, (a) => sameOutlet(a, expected));
    }
    report('outlet', s);
    assert.ok(s.right >= 0.95 * s.present, `outlet recall ${pct(s.right, s.present)}`);
    assert.equal(s.wrong, 0, 'wrong or invented outlets');
  });

  test('publication date: at least 95 % of the dates a text gives are found, and none is wrong', () => {
    const s = score();
    for (const c of cases) judge(s, c.file, c.label.date, c.found.date?.iso ?? null, (a, b) => a === b);
    report('date', s);
    assert.ok(s.right >= 0.95 * s.present, `date recall ${pct(s.right, s.present)}`);
    assert.equal(s.wrong, 0, 'wrong or invented dates');
  });

  test('page furniture: at least 90 % of the furniture lines marked, and no sentence of an article', () => {
    let labelled = 0;
    let marked = 0;
    const missed: string[] = [];
    const falselyMarked: string[] = [];
    for (const c of cases) {
      const expected = new Set(c.label.furniture.map((l) => l.trim()));
      labelled += expected.size;
      for (const line of expected) {
        if (c.furniture.has(line)) marked++;
        else missed.push(`${c.file}: «${line.slice(0, 70)}»`);
      }
      for (const line of c.furniture) if (!expected.has(line)) falselyMarked.push(`${c.file}: «${line.slice(0, 70)}»`);
    }
    console.log(`# furniture  marked ${marked}/${labelled}  recall ${pct(marked, labelled)}  precision ${pct(marked, marked + falselyMarked.length)}  article lines marked ${falselyMarked.length}`);
    for (const m of missed) console.log(`#   missed ${m}`);
    for (const m of falselyMarked) console.log(`#   marked but article text ${m}`);
    assert.ok(marked >= 0.9 * labelled, `furniture recall ${pct(marked, labelled)}`);
    assert.deepEqual(falselyMarked, []);
  });

  test('furniture tails: at least 90 % of the tails glued to article lines found, and none takes an article word', () => {
    let labelled = 0;
    let right = 0;
    const missed: string[] = [];
    const wrong: string[] = [];
    for (const c of cases) {
      const paragraphs = splitParagraphs(c.text);
      const expected = new Map((c.label.furnitureTails ?? []).map((t) => [t.line.trim(), t.tail.trim()]));
      const found = new Map(detectFurnitureTails(paragraphs, c.label.language).map((t) => [t.paragraph, c.text.slice(t.start, t.end).trim()]));
      paragraphs.forEach((p, i) => {
        const tail = expected.get(p.text.trim());
        const got = found.get(i);
        if (tail !== undefined) labelled++;
        if (got === undefined) {
          if (tail !== undefined) missed.push(`${c.file}: «${tail.slice(0, 70)}»`);
        } else if (got === tail) right++;
        else wrong.push(`${c.file}: found «${got.slice(0, 70)}», expected ${tail === undefined ? 'none' : `«${tail.slice(0, 70)}»`}`);
      });
    }
    console.log(`# tails      right ${right}/${labelled}  recall ${pct(right, labelled)}  precision ${pct(right, right + wrong.length)}  wrong ${wrong.length}`);
    for (const m of missed) console.log(`#   missed ${m}`);
    for (const m of wrong) console.log(`#   ${m}`);
    assert.ok(right >= 0.9 * labelled, `tail recall ${pct(right, labelled)}`);
    assert.deepEqual(wrong, []);
  });
});
