// Channel names shared by main and preload (kept apart from ipc.ts so the preload bundle
// does not pull in the validation code and zod).
export const API_CHANNEL = 'hashiya:api';
export const EVENT_CHANNEL = 'hashiya:event';
/** The shell's own calls beside the API: the Save dialog for an export, and showing it in its folder. */
export const SAVE_FILE_CHANNEL = 'hashiya:save-file';
export const SHOW_IN_FOLDER_CHANNEL = 'hashiya:show-in-folder';
/** The system clipboard, read for a new article: the sandboxed window cannot read it itself. */
export const READ_CLIPBOARD_CHANNEL = 'hashiya:read-clipboard';
