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
