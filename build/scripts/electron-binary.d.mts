// Types for electron-binary.mjs (used by the shell tests).
export declare const ROOT: string;
export interface FoundElectron {
  /** The unpacked Electron folder (electron-builder's electronDist). */
  dist: string;
  executable: string;
  source: 'ELECTRON_OVERRIDE_DIST_PATH' | 'node_modules/electron/dist';
}
export declare function executableIn(platform?: NodeJS.Platform): string;
export declare function electronPackageVersion(root?: string): string | null;
export declare function findElectron(options?: { env?: NodeJS.ProcessEnv; root?: string; platform?: NodeJS.Platform }): FoundElectron | null;
export declare function missingElectronMessage(options?: { env?: NodeJS.ProcessEnv; root?: string; platform?: NodeJS.Platform; arch?: string; purpose?: string }): string;
