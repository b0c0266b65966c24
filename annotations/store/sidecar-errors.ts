// Why a change to a sidecar was not saved, told apart so the API can answer with the right code.
export class ReadOnlySidecarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadOnlySidecarError';
  }
}

/** A change that would produce a file Hashiya could not read back; nothing was written. */
export class InvalidSidecarChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSidecarChangeError';
  }
}
