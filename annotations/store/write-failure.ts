// What a failed write means to the person, in one sentence. The fs error's own text names the
// errno, the system call and the full path, which say nothing to a reader of Persian news and
// show where their files live; the errno decides the sentence and what the store does next.
//
// - read-only: the disk or folder refuses writing (EROFS, EACCES, EPERM): the article turns
//   read-only with the reason, as for a file the user marked read-only;
// - retry: the disk is full, too many files are open, the file is busy: nothing changed, and
//   the store stays writable so that the next try, once the cause is gone, works;
// - too-large: the file system cannot hold a file this size (EFBIG): trying again will not help.

export type WriteFailureKind = 'read-only' | 'retry' | 'too-large';

/** A save that did not reach the disk; nothing was changed. `code` keeps the errno for logs and tests. */
export class SidecarWriteError extends Error {
  constructor(
    readonly kind: WriteFailureKind,
    readonly code: string,
    message: string,
    /** For kind read-only: why the article is now read-only (shown with it). */
    readonly readOnlyReason: string | null,
  ) {
    super(message);
    this.name = 'SidecarWriteError';
  }
}

const NOT_SAVED = 'this change was not saved; your earlier work is intact.';

interface Plain {
  kind: WriteFailureKind;
  /** What happened, before NOT_SAVED; `name` is the file's base name. */
  what: (name: string) => string;
  /** What to do, after it. */
  next: string;
  readOnly?: (name: string) => string;
}

const READ_ONLY_DISK: Plain = {
  kind: 'read-only',
  what: (name) => `The disk holding ${name} is read-only`,
  next: 'The article is shown read-only until the disk can be written.',
  readOnly: (name) => `The disk holding ${name} is read-only; Hashiya will not change it. Open the corpus from a writable disk to annotate.`,
};

const NO_PERMISSION: Plain = {
  kind: 'read-only',
  what: (name) => `Hashiya has no permission to write ${name} or its folder`,
  next: 'The article is shown read-only until that permission is given.',
  readOnly: (name) => `Hashiya has no permission to write ${name} or its folder; it will not change it. Make them writable to annotate.`,
};

const FULL: Plain = { kind: 'retry', what: () => 'The disk is full', next: 'Free some space and try again.' };

const PLAIN = new Map<string, Plain>(Object.entries({
  EROFS: READ_ONLY_DISK,
  EACCES: NO_PERMISSION,
  EPERM: NO_PERMISSION,
  ENOSPC: FULL,
  EDQUOT: { kind: 'retry', what: () => 'Your disk quota is used up', next: 'Free some space and try again.' },
  EFBIG: {
    kind: 'too-large',
    what: (name) => `The disk cannot hold ${name} at this size`,
    next: 'Shorten long notes or glosses, or move the corpus to a disk without this limit.',
  },
  EMFILE: { kind: 'retry', what: () => 'Too many files are open at once', next: 'Close some programs or windows and try again.' },
  ENFILE: { kind: 'retry', what: () => 'Too many files are open at once', next: 'Close some programs or windows and try again.' },
  EBUSY: { kind: 'retry', what: (name) => `${name} is in use by another program`, next: 'Try again in a moment.' },
  EAGAIN: { kind: 'retry', what: (name) => `${name} is in use by another program`, next: 'Try again in a moment.' },
  EIO: { kind: 'retry', what: () => 'The disk reported an error while saving', next: 'Check the disk (a removed drive, a lost network share), then try again.' },
  ENOENT: { kind: 'retry', what: (name) => `The folder holding ${name} is gone (moved, renamed or unplugged)`, next: 'Open the corpus again, then try again.' },
  ENOTDIR: { kind: 'retry', what: (name) => `The folder holding ${name} is gone (moved, renamed or unplugged)`, next: 'Open the corpus again, then try again.' },
} satisfies Record<string, Plain>));

/**
 * The plain account of a failed write of the file named `name` (a base name, never a path),
 * or null when `error` is not an fs error of a kind listed here (a bug: let it surface).
 */
export function writeFailureOf(error: unknown, name: string): SidecarWriteError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return null;
  const plain = PLAIN.get(code);
  if (!plain) return null;
  return new SidecarWriteError(plain.kind, code, `${plain.what(name)}: ${NOT_SAVED} ${plain.next}`, plain.readOnly?.(name) ?? null);
}

/**
 * Why a file of `bytes` must not be written when `maxBytes` is the most Hashiya reads back
 * (it would then open read-only until a hand edit), or null when it fits.
 */
export function oversizeMessage(bytes: number, maxBytes: number, name: string): string | null {
  if (bytes <= maxBytes) return null;
  return (
    `This change was not saved: ${name} would grow to ${megabytes(bytes)}, more than the ${megabytes(maxBytes)} Hashiya reads back, and the article could no longer be opened. ` +
    'The file was left as it is. Shorten long notes or glosses (or keep them in another file), then try again.'
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}
