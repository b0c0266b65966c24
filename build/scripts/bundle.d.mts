export function bundleRenderer(options?: { minify?: boolean }): Promise<void>;
export function bundleShell(options?: { minify?: boolean }): Promise<void>;
export function bundleIndexWorker(dir: string, options?: { minify?: boolean }): Promise<void>;
