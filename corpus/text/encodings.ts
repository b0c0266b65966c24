// The encodings an article may be in; a plain list so the UI can offer it without a decoder.

/** Every encoding a user can choose for an article, in the order a menu shows them. */
export const SUPPORTED_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1256',
  'iso-8859-6',
  'cp720',
  'cp864',
  'windows-1252',
  'iso-8859-1',
  'utf-32le',
  'utf-32be',
] as const;

export type EncodingId = (typeof SUPPORTED_ENCODINGS)[number];

export interface EncodingChoice {
  id: EncodingId;
  label: string;
}

const LABELS: Record<EncodingId, string> = {
  'utf-8': 'Unicode (UTF-8)',
  'utf-16le': 'Unicode (UTF-16 little-endian)',
  'utf-16be': 'Unicode (UTF-16 big-endian)',
  'windows-1256': 'Arabic / Persian (Windows-1256)',
  'iso-8859-6': 'Arabic (ISO-8859-6)',
  cp720: 'Arabic (DOS 720)',
  cp864: 'Arabic (DOS 864)',
  'windows-1252': 'Western (Windows-1252)',
  'iso-8859-1': 'Western (ISO-8859-1)',
  'utf-32le': 'Unicode (UTF-32 little-endian)',
  'utf-32be': 'Unicode (UTF-32 big-endian)',
};

/** The encodings a user can choose as a per-article override. */
export function listEncodings(): EncodingChoice[] {
  return SUPPORTED_ENCODINGS.map((id) => ({ id, label: LABELS[id] }));
}

// Names people and other tools write for the same encodings.
const ALIASES: Record<string, EncodingId> = {
  utf8: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  ucs2: 'utf-16le',
  utf32le: 'utf-32le',
  utf32be: 'utf-32be',
  windows1256: 'windows-1256',
  win1256: 'windows-1256',
  cp1256: 'windows-1256',
  iso88596: 'iso-8859-6',
  arabic: 'iso-8859-6',
  asmo708: 'iso-8859-6',
  ecma114: 'iso-8859-6',
  cp720: 'cp720',
  ibm720: 'cp720',
  dos720: 'cp720',
  cp864: 'cp864',
  ibm864: 'cp864',
  windows1252: 'windows-1252',
  win1252: 'windows-1252',
  cp1252: 'windows-1252',
  iso88591: 'iso-8859-1',
  latin1: 'iso-8859-1',
};

/** The supported id for an encoding name or alias (`CP1256`, `utf8`, `latin1`), or null. */
export function canonicalEncoding(name: string): EncodingId | null {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  // Own keys only: `constructor` or `toString` must not find Object.prototype's.
  return Object.hasOwn(ALIASES, key) ? ALIASES[key]! : null;
}
