// Channel names shared by main and preload (kept apart from ipc.ts so the preload bundle
// does not pull in the validation code and zod).
export const API_CHANNEL = 'hashiya:api';
export const EVENT_CHANNEL = 'hashiya:event';
