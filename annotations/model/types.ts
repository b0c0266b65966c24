// The data model shared by the store, the API, the exports and the UI.
// Offsets are UTF-16 code units into the article text as decoded from disk
// (BOM removed, nothing else changed): see ../shared/DESIGN.md.

export const SIDECAR_FORMAT = 1;
export const SETTINGS_FORMAT = 1;

export interface TextPosition {
  start: number;
  end: number;
}

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** How an annotation sits on the current text after re-anchoring. */
export const ANCHOR_STATUSES = ['exact', 'moved', 'fuzzy', 'orphaned'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

export interface AnchorState {
  status: AnchorStatus;
  /** 0..1, 1 for exact and moved. */
  score: number;
}

export interface Annotation {
  id: string;
  analyst: string;
  created: string;
  modified: string;
  target: {
    position: TextPosition;
    quote: TextQuote;
  };
  anchor: AnchorState;
  tags: string[];
  gloss: string;
  note: string;
}

export const SEGMENT_STATUSES = ['untranslated', 'draft', 'reviewed'] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

/** An English rendering of one source segment. */
export interface Rendering {
  /** Source segment, offsets into the article text. */
  start: number;
  end: number;
  /** The source words it renders, to place it again when the article changes. */
  source?: string;
  /** Set when the article changed and its source words could not be found again: kept, not shown. */
  orphaned?: boolean;
  text: string;
  status: SegmentStatus;
  analyst: string;
  modified: string;
}

export interface AlignmentLink {
  a: [number, number];
  b: [number, number];
  score: number;
  confirmed: boolean;
}

/** Links between this article and another text (article or imported translation). */
export interface Alignment {
  /** File name of the other text, relative to the corpus root. */
  other: string;
  /**
   * The sha256 of this article's text and of the other text when the links were made. A link
   * holds offsets into both, so when either text has changed since, the links are made again.
   * Missing in sidecars written before it was recorded.
   */
  versions?: AlignmentVersions;
  links: AlignmentLink[];
}

export interface AlignmentVersions {
  self: string;
  other: string;
}

export type { DateValue } from '../../corpus/metadata/date-value';
import type { DateValue } from '../../corpus/metadata/date-value';

/**
 * One line marked (on) or unmarked as page furniture: where the line starts (UTF-16 offset
 * into the article text) and its trimmed text, to find it again when the article changes.
 */
export interface FurnitureMark {
  start: number;
  text: string;
  on: boolean;
}

/** Corrections the user made; they win over detection. */
export interface MetadataOverrides {
  headline?: string;
  outlet?: string;
  date?: DateValue;
  /**
   * The article's web address, given by a person (a correction of a saved page's, or the
   * source address a pasted article came with): its citations carry it.
   */
  url?: string;
  /** Encoding name the user chose for this article (iconv-lite label). */
  encoding?: string;
  /**
   * The older form of furniture marks: lines marked (true) or unmarked (false) as boilerplate,
   * keyed by the trimmed line text, so every copy of a line follows. Still read; the editor
   * now writes `furniture` instead (see furniture-marks.ts).
   */
  boilerplate?: Record<string, boolean>;
  /** Lines the user marked or unmarked as page furniture, by position; ascending by start. */
  furniture?: FurnitureMark[];
  /** User segmentation: explicit segment boundaries, or absent for the automatic ones. */
  segments?: Array<{ start: number; end: number; skip?: boolean }>;
}

/** Two versions of one annotation that a merge could not reconcile; a person decides. */
export interface AnnotationConflict {
  id: string;
  ours: Annotation | null;
  theirs: Annotation | null;
  detected: string;
}

export interface Sidecar {
  format: number;
  article: {
    file: string;
    /** Fingerprint of the text the offsets refer to, to notice edits on disk. */
    sha256: string;
    length: number;
    /**
     * The extractor (`name/version`) that gave the text of a saved page; absent for plain text
     * and in sidecars written before pages were read. A different one means the text may differ.
     */
    extractor?: string;
  };
  metadata: MetadataOverrides;
  annotations: Annotation[];
  renderings: Rendering[];
  alignments: Alignment[];
  conflicts: AnnotationConflict[];
}

export interface Tag {
  id: string;
  name: string;
  /** CSS colour, #rrggbb. */
  color: string;
  /** A single key, '1'..'9', or null. */
  shortcut: string | null;
}

export const PAIRING_KINDS = ['translation', 'comparable'] as const;
export type PairingKind = (typeof PAIRING_KINDS)[number];

export interface Pairing {
  a: string;
  b: string;
  kind: PairingKind;
}

/** The corpus settings file at the corpus root. */
export interface CorpusSettings {
  format: number;
  taxonomy: Tag[];
  pairings: Pairing[];
}
