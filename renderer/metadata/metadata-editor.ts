// The article details editor: headline, outlet and date as detected, each correctable and
// resettable, and the article's lines with a boilerplate tick each. Corrections go to the
// sidecar (api.setMetadata) and win over detection; the article comes with what detection
// found (ArticleDoc.metadata.detected), so that the person sees what a reset would bring back.
import type { DateValue, MetadataOverrides } from '../../annotations/model/types';
import type { ArticleDoc } from '../../corpus/api/api';
import { h, textAttrs } from '../dom';
import type { ViewContext } from '../view-context';

/** `2021`, `2021-09` or `2021-09-13`, a real month and day. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  if (!m[2]) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (!m[3]) return true;
  const day = Number(m[3]);
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

const sameDate = (a: DateValue | null, b: DateValue | null) => (a?.original ?? '') === (b?.original ?? '') && (a?.iso ?? null) === (b?.iso ?? null);

interface Detected {
  headline: string;
  outlet: string | null;
  date: DateValue | null;
  boilerplate: Set<number>;
}

function detectedOf(doc: ArticleDoc): Detected {
  const found = doc.metadata.detected;
  return { headline: found.headline, outlet: found.outlet, date: found.date, boilerplate: new Set(found.boilerplate) };
}

/** A "Detected: …" line under a field, with the button that puts the detected value back. */
function detectedLine(field: string, value: string | null, extra: string | null, reset: () => void, lang: string): HTMLElement {
  return h(
    'p',
    { class: 'md-detected' },
    'Detected: ',
    value ? h('bdi', { dir: 'auto', lang }, value) : h('em', {}, 'nothing'),
    extra ? ` → ${extra}` : '',
    ' ',
    h('button', { type: 'button', class: `link md-reset md-reset-${field}`, onclick: reset }, 'use detected'),
  );
}

const EVIDENCE_WORDS: Record<string, string> = {
  label: 'label',
  dateline: 'dateline',
  attribution: 'attribution',
  source: 'source line',
  follow: 'follow line',
  rights: 'rights line',
  domain: 'web address',
  masthead: 'masthead',
  byline: 'byline',
  interview: 'someone in the story talks to it',
  cited: 'quoted in the story',
};

/**
 * The other outlets the text names, each a button that puts it in the field, with where it was
 * read: when two read as the publisher, the person is told to pick. Nothing when only one is named.
 */
function outletChoices(doc: ArticleDoc, lang: string, pick: (name: string) => void): HTMLElement[] {
  const choices = doc.metadata.detected.outletCandidates ?? [];
  if (choices.length < 2) return [];
  const items = choices.map((c) => {
    const where = [...new Set(c.evidence.map((e) => EVIDENCE_WORDS[e.how] ?? e.how))].join(', ');
    return h(
      'li',
      {},
      h('button', { type: 'button', class: 'link md-outlet-choice', onclick: () => pick(c.name) }, h('bdi', { dir: 'auto', lang }, c.name)),
      c.english ? ` (${c.english})` : '',
      ` — ${where}`,
    );
  });
  const lead = doc.metadata.detected.outletUncertain ? 'More than one outlet reads as the publisher; pick one:' : 'Also named in the text:';
  return [h('span'), h('div', { class: 'md-outlet-choices' }, h('p', {}, lead), h('ul', {}, ...items))];
}

/**
 * Opens the editor on an article. Resolves with the article as it is after saving (new
 * metadata and boilerplate), or null when the user cancels.
 */
export function openMetadataEditor(ctx: ViewContext, doc: ArticleDoc): Promise<ArticleDoc | null> {
  const detected = detectedOf(doc);
  const lang = doc.language;
  const existing = doc.metadata.overrides;

  return new Promise((resolve) => {
    const headline = h('input', { type: 'text', name: 'headline', class: 'md-headline', value: doc.metadata.headline, ...textAttrs(lang), 'aria-label': 'Headline' });
    const outlet = h('input', { type: 'text', name: 'outlet', class: 'md-outlet', value: doc.metadata.outlet ?? '', dir: 'auto', lang, 'aria-label': 'Outlet or news agency' });
    const original = h('input', { type: 'text', name: 'date-original', class: 'md-original', value: doc.metadata.date?.original ?? '', dir: 'auto', lang, 'aria-label': 'Date as written', placeholder: 'as written: ۲۲ شهریور ۱۴۰۰, 17 أيار 2021…' });
    const iso = h('input', { type: 'text', name: 'date-iso', class: 'md-iso', value: doc.metadata.date?.iso ?? '', dir: 'ltr', lang: 'en', 'aria-label': 'Date (ISO)', placeholder: 'YYYY-MM-DD', inputmode: 'numeric' });
    // Until the user types an ISO date, it follows the date as written.
    let isoTyped = false;
    const error = h('p', { class: 'error', role: 'alert' });

    const fieldChanged = () => {
      headline.classList.toggle('md-field-changed', headline.value.trim() !== detected.headline);
      outlet.classList.toggle('md-field-changed', outlet.value.trim() !== (detected.outlet ?? ''));
      const changed = !sameDate(currentDate(), detected.date);
      original.classList.toggle('md-field-changed', changed);
      iso.classList.toggle('md-field-changed', changed);
      iso.classList.toggle('invalid', iso.value.trim() !== '' && !isIsoDate(iso.value.trim()));
    };
    const currentDate = (): DateValue | null => {
      const o = original.value.trim();
      const i = iso.value.trim();
      if (!o && !i) return null;
      return { iso: i || null, original: o || i };
    };
    headline.addEventListener('input', fieldChanged);
    outlet.addEventListener('input', fieldChanged);
    // The date as written is read by the API (the date parser is domain code, not the
    // window's); an answer counts only while the field still says what was asked about.
    let parsing: Promise<void> = Promise.resolve();
    original.addEventListener('input', () => {
      const asked = original.value;
      const follow = (found: DateValue | null) => {
        if (isoTyped || original.value !== asked) return;
        iso.value = found?.iso ?? '';
        fieldChanged();
      };
      parsing = asked.trim() === '' ? Promise.resolve(follow(null)) : ctx.api.parseDate(asked, lang).then(follow, () => follow(null));
      fieldChanged();
    });
    iso.addEventListener('input', () => {
      isoTyped = iso.value.trim() !== '';
      fieldChanged();
    });

    const fields = h(
      'div',
      { class: 'md-fields' },
      h('label', {}, 'Headline'),
      headline,
      h('span'),
      detectedLine('headline', detected.headline, null, () => {
        headline.value = detected.headline;
        fieldChanged();
      }, lang),
      h('label', {}, 'Outlet'),
      outlet,
      h('span'),
      detectedLine('outlet', detected.outlet, null, () => {
        outlet.value = detected.outlet ?? '';
        fieldChanged();
      }, lang),
      ...outletChoices(doc, lang, (name) => {
        outlet.value = name;
        fieldChanged();
        outlet.focus();
      }),
      h('label', {}, 'Date'),
      h('div', { class: 'md-date' }, original, iso),
      h('span'),
      detectedLine('date', detected.date?.original ?? null, detected.date?.iso ?? (detected.date ? 'no ISO date' : null), () => {
        original.value = detected.date?.original ?? '';
        iso.value = detected.date?.iso ?? '';
        isoTyped = false;
        fieldChanged();
      }, lang),
    );

    // ---- lines
    const boxes: Array<{ box: HTMLInputElement; li: HTMLElement; tag: HTMLElement; start: number; text: string; detected: boolean }> = [];
    const lineState = (entry: (typeof boxes)[number]) => {
      const on = entry.box.checked;
      entry.li.classList.toggle('boilerplate', on);
      entry.li.classList.toggle('changed', on !== entry.detected);
      entry.tag.textContent = on === entry.detected ? (entry.detected ? 'detected' : '') : on ? 'marked by you' : 'unmarked by you';
    };
    const list = h('ol', { class: 'md-lines', 'aria-label': 'Lines of the article' });
    doc.paragraphs.forEach((p, i) => {
      const box = h('input', { type: 'checkbox', checked: p.boilerplate, 'aria-label': 'Boilerplate' });
      const tag = h('span', { class: 'md-line-tag' });
      const li = h('li', { class: 'md-line', 'data-index': i }, box, h('span', { class: 'md-line-text', dir: p.dir, lang: p.dir === 'rtl' ? (lang === 'en' ? 'und' : lang) : 'en' }, p.text), tag);
      const entry = { box, li, tag, start: p.start, text: p.text.trim(), detected: detected.boilerplate.has(i) };
      boxes.push(entry);
      // A mark is this line's alone (by position): a headline repeated as furniture stays a headline.
      box.addEventListener('change', () => lineState(entry));
      lineState(entry);
      list.append(li);
    });
    const resetLines = h('button', { type: 'button', class: 'link md-reset-lines' }, 'use detected for every line');
    resetLines.addEventListener('click', () => {
      for (const entry of boxes) {
        entry.box.checked = entry.detected;
        lineState(entry);
      }
    });

    const save = h('button', { type: 'button', class: 'primary md-save', disabled: !!doc.readOnly }, 'Save');
    const cancel = h('button', { type: 'button', class: 'md-cancel' }, 'Cancel');
    const dialog = h(
      'dialog',
      { class: 'modal metadata-editor', 'aria-label': 'Article details' },
      h('h2', {}, 'Article details'),
      doc.readOnly ? h('p', { class: 'banner' }, `Read-only: ${doc.readOnly}`) : null,
      fields,
      h(
        'div',
        { class: 'md-lines-head' },
        h('h3', {}, 'Boilerplate lines'),
        h('p', {}, 'Ticked lines are page furniture: shown dimmed, left out of quotations, search and translation. ', resetLines),
      ),
      list,
      error,
      h('div', { class: 'buttons' }, cancel, save),
    );
    document.body.append(dialog);
    let result: ArticleDoc | null = null;
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
    cancel.addEventListener('click', () => dialog.close());

    save.addEventListener('click', async () => {
      // The ISO date may still be on its way from the date as written.
      await parsing;
      const isoValue = iso.value.trim();
      if (isoValue && !isIsoDate(isoValue)) {
        error.textContent = 'The ISO date must be YYYY-MM-DD (or YYYY-MM, or YYYY), a day that exists.';
        iso.focus();
        return;
      }
      const overrides = overridesFrom({
        headline: headline.value.trim(),
        outlet: outlet.value.trim(),
        date: currentDate(),
        lines: boxes.map((b) => ({ start: b.start, text: b.text, on: b.box.checked, detected: b.detected })),
        detected,
        existing,
      });
      save.disabled = true;
      error.textContent = '';
      ctx.api.setMetadata(doc.file, overrides).then(
        (next) => {
          result = next;
          dialog.close();
        },
        (e: unknown) => {
          error.textContent = (e as Error).message;
          save.disabled = false;
        },
      );
    });

    fieldChanged();
    dialog.showModal();
    headline.focus();
  });
}

/**
 * What to store: a field equal to the detected value stores nothing (a stored one is
 * removed), so that a better detection later is not masked by a stale copy.
 */
export function overridesFrom(input: {
  headline: string;
  outlet: string;
  date: DateValue | null;
  lines: ReadonlyArray<{ start: number; text: string; on: boolean; detected: boolean }>;
  detected: Omit<Detected, 'boilerplate'>;
  existing: MetadataOverrides;
}): MetadataOverrides {
  const { detected, existing } = input;
  const out: MetadataOverrides = {};
  // An empty string removes a stored correction (see Workspace.setMetadata).
  if (input.headline && input.headline !== detected.headline) out.headline = input.headline;
  else if (existing.headline !== undefined) out.headline = '';
  if (input.outlet !== (detected.outlet ?? '')) out.outlet = input.outlet;
  else if (existing.outlet !== undefined) out.outlet = '';
  if (!sameDate(input.date, detected.date)) out.date = input.date ?? { iso: null, original: '' };
  // Storing the detected value is how a stored date correction is undone today:
  // setMetadata has no way to remove a date.
  else if (existing.date !== undefined) out.date = detected.date ?? { iso: null, original: '' };
  // Every line's state is written by position; the older text-keyed marks, already shown
  // line by line, are replaced by them. Both always sent: an empty one removes the stored one.
  out.furniture = input.lines.filter((l) => l.on !== l.detected).map((l) => ({ start: l.start, text: l.text, on: l.on }));
  out.boilerplate = {};
  return out;
}
