// A site's "today" bar: the date (often in two or three calendars) that tops every page of the
// site, above its masthead, adverts and weather, or beside the site clock. On a saved page it
// is the day the page was saved, not the day the article came out (`الجمعة 29 نوفمبر 2024
// الموافق 27 جمادى الأولى 1446` above `رئيس التحرير`, `الجمعة - 26 نيسان 2024` above `إعلان`,
// `چهارشنبه ۹ فروردین ۱۴۰۲ تهران ۱۶:۵۹`). An article's own date line sits by the article: its
// headline, kicker, news code or service label. Only lines above the article are asked; a
// date line after the article may well be followed by a "related news" list.
import type { BoilerplateKind } from './boilerplate';
import { clockPlaceAfter } from './date-cues';
import { flexAlternation, looseKey } from '../text/letter-variants';
import { lineKey } from './line-keys';
import type { Paragraph } from '../text/paragraphs';

// Lines only a site's frame has. A masthead line names the paper's officers (`رئيس التحرير`,
// `مدیر مسئول: ...`); the others are the frame's labels, compared whole.
const MASTHEAD = new RegExp(
  `^\\s*(?:${flexAlternation(['رئيس التحرير', 'رئيس مجلس الإدارة', 'رئيس مجلس الادارة', 'مدير التحرير', 'المدير العام', 'المشرف العام', 'مدیر مسئول', 'مدیرمسئول', 'صاحب امتیاز', 'سردبیر'])})`,
  'u',
);
const MASTHEAD_MAX_WORDS = 8;
const FRAME_LABELS = new Set(
  ['إعلان', 'اعلان', 'إعلانات', 'تبلیغات', 'آگهی', 'advertisement', 'عاجل', 'خبر عاجل', 'خبر فوری', 'فوری', 'breaking news', 'breaking'].map(looseKey),
);
const FRAME_KINDS: ReadonlySet<BoilerplateKind> = new Set(['weather', 'navigation', 'skip-link']);

function isFrame(p: Paragraph | undefined, kind: BoilerplateKind | undefined): boolean {
  if (!p) return false;
  if (kind !== undefined && FRAME_KINDS.has(kind)) return true;
  const text = p.text.trim();
  // lineKey: looseKey kept by the line's text, which the headline and outlet rules have often folded already.
  if (FRAME_LABELS.has(lineKey(text).toLowerCase())) return true;
  return MASTHEAD.test(text) && text.split(/\s+/).length <= MASTHEAD_MAX_WORDS;
}

// `امروز: سه شنبه 25 مرداد 1401 - 17:03`: the bar that says it is today's.
const TODAY_LABEL = new RegExp(`(?:${flexAlternation(['امروز', 'اليوم', 'today'])})\\s*[:：]\\s*$`, 'iu');

/**
 * Why the date line `paragraphs[i]` (its date at `dateStart`–`dateEnd` in the line) is the site's
 * today bar, or null when it is not one as far as the page shows.
 */
export function todayBarReason(
  paragraphs: readonly Paragraph[],
  i: number,
  dateStart: number,
  dateEnd: number,
  boilerplate: ReadonlyMap<number, BoilerplateKind>,
): string | null {
  if (TODAY_LABEL.test(paragraphs[i].text.slice(0, dateStart))) return 'it says it is today\'s';
  const place = clockPlaceAfter(paragraphs[i].text, dateEnd);
  if (place) return `it is the site's clock («${place}» time)`;
  if (isFrame(paragraphs[i + 1], boilerplate.get(i + 1))) return `the site's frame follows it («${paragraphs[i + 1].text.trim()}»)`;
  if (isFrame(paragraphs[i - 1], boilerplate.get(i - 1))) return `it follows the site's frame («${paragraphs[i - 1].text.trim()}»)`;
  return null;
}
