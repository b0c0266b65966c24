// Types for dist.mjs's helpers (used by the shell tests).
export interface LocalElectron {
  dist: string;
  source: string;
}
export declare function localElectronDist(env?: NodeJS.ProcessEnv, root?: string): LocalElectron | null;
export declare function isDownloadFailure(error: unknown): boolean;
export declare function downloadFailureMessage(options: { error: unknown; local: LocalElectron | null; platform?: NodeJS.Platform; arch?: string; root?: string }): string;
