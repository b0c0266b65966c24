// A date typed as people write it (ISO, Solar Hijri `۱۴۰۰/۰۶/۲۲` or `22 شهریور 1400`, Hijri
// `1445/06/06`), read by the app's date parser, with the Gregorian day it means shown beside it.
import type { DateValue } from '../../annotations/model/types';
import type { Language } from '../../corpus/text/language';
import { asciiDigits } from '../../corpus/text/letter-variants';
import { h } from '../dom';

export type ParseDate = (text: string, language: Language) => Promise<DateValue | null>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The language to read `text` in. A bare numeric date names no calendar: the parser reads a
 * year 1300–1499 as Hijri in Arabic and Solar Hijri otherwise. Solar Hijri 1410 is still years
 * ahead (2031), so a later year is taken for a Hijri (lunar) one.
 */
export function languageForTypedDate(text: string): Language {
  const year = /^\s*([0-9۰-۹٠-٩]{4})[/.-]/.exec(text)?.[1];
  const n = year ? Number(asciiDigits(year)) : 0;
  return n > 1410 && n < 1500 ? 'ar' : 'fa';
}

/** `13 September 2021` for `2021-09-13`. */
function gregorianDay(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', weekday: 'short', timeZone: 'UTC' });
}

export class DateField {
  readonly input: HTMLInputElement;
  readonly el: HTMLElement;
  private readonly shown = h('span', { class: 'q-date-means', 'aria-live': 'polite' });
  /** The ISO day the field means, or null when empty or not a date. */
  iso: string | null = null;
  private asked = 0;

  constructor(label: string, cls: string, caption: string, private readonly parse: ParseDate, private readonly onChange: () => void) {
    this.input = h('input', { type: 'text', class: cls, dir: 'auto', size: 14, 'aria-label': label, placeholder: 'YYYY-MM-DD, ۱۴۰۰/۰۶/۲۲…' });
    this.el = h('label', { class: 'q-dates' }, caption, this.input, this.shown);
    this.input.addEventListener('input', () => void this.read());
  }

  private async read(): Promise<void> {
    const text = this.input.value.trim();
    const ticket = ++this.asked;
    const found = text === '' ? null : ISO_DAY.test(text) ? { iso: text, original: text } : await this.parse(text, languageForTypedDate(text)).catch(() => null);
    // A slower answer to what was typed before is not the field's meaning any more.
    if (ticket !== this.asked) return;
    const iso = found?.iso && ISO_DAY.test(found.iso) ? found.iso : null;
    this.shown.textContent = text === '' ? '' : iso ? `= ${gregorianDay(iso)}` : 'not a date';
    this.shown.classList.toggle('invalid', text !== '' && !iso);
    if (iso !== this.iso) {
      this.iso = iso;
      this.onChange();
    }
  }

  clear(): void {
    this.asked++;
    this.input.value = '';
    this.shown.textContent = '';
    this.shown.classList.remove('invalid');
    this.iso = null;
  }
}
