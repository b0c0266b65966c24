// What a PDF says of itself: title, author and creation date from its info dictionary, or
// from its XMP metadata (dc:title, dc:creator, xmp:CreateDate) when the dictionary lacks them.
import type { ExtractedMeta } from '../types';

/** `D:20190403221549+02'00'` → `2019-04-03T22:15:49+02:00`; null when it is not a PDF date. */
export function pdfDateToIso(value: string): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-])?(\d{2})?'?(\d{2})?'?/.exec(value.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(y) < 1900) return null;
  if (h === undefined) return `${y}-${mo}-${d}`;
  const zone = sign === undefined ? '' : sign === 'Z' ? 'Z' : `${sign}${oh}:${om}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (Array.isArray(value)) return text(value.filter((v) => typeof v === 'string').join(', '));
  return undefined;
}

/** A title that is only the file name the producing program had (`BidiSample.pages`, `Microsoft Word - a.doc`) says nothing. */
function usefulTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  if (/^microsoft word - /i.test(title) || /\.(pages|docx?|odt|rtf|txt|indd|tex|pdf)$/i.test(title)) return undefined;
  return title;
}

export function pdfMeta(info: Record<string, unknown> | undefined, xmp: { get(name: string): unknown } | null | undefined): ExtractedMeta {
  const title = usefulTitle(text(info?.['Title']) ?? text(xmp?.get('dc:title')));
  const author = text(info?.['Author']) ?? text(xmp?.get('dc:creator'));
  const createdRaw = text(info?.['CreationDate']);
  const created = (createdRaw ? pdfDateToIso(createdRaw) : null) ?? text(xmp?.get('xmp:createdate'));
  return { ...(title ? { title } : {}), ...(author ? { author } : {}), ...(created && !created.startsWith('1969') && !created.startsWith('1970') ? { saved: created } : {}) };
}
