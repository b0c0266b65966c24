// The errors a request to the corpus can end in. The API carries the code to the window, which
// shows the message; the domain throws them so that a refusal is told apart from a crash.
export const API_ERROR_CODES = ['bad-request', 'not-found', 'forbidden', 'read-only', 'no-corpus', 'stale', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
