// Running an OCR program: always by its path with an argument array (no shell ever reads a
// file name), its output collected up to a bound, killed on a timeout or when the person stops.
import { spawn } from 'node:child_process';

export interface RunOptions {
  /** Killed after this many milliseconds; the promise rejects with a RunTimeout. */
  timeout?: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Output beyond this many bytes is an error (a page's text is a few kilobytes). */
  maxBytes?: number;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class RunTimeout extends Error {
  constructor(program: string, ms: number) {
    super(`${program} took longer than ${Math.round(ms / 1000)} s`);
    this.name = 'RunTimeout';
  }
}

export class RunStopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'RunStopped';
  }
}

/** Runs `program args`, resolving with its exit code and output once it has exited (a non-zero exit is the caller's to judge). */
export function runProgram(program: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const { timeout, signal, env, maxBytes = 16 * 1024 * 1024 } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new RunStopped());
      return;
    }
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env, shell: false });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let failure: Error | null = null;
    // SIGKILL: tesseract and pdftoppm hold no state worth a clean exit, and a stop must be immediate.
    const kill = (why: Error) => {
      failure ??= why;
      child.kill('SIGKILL');
    };
    const timer = timeout ? setTimeout(() => kill(new RunTimeout(program, timeout)), timeout) : null;
    const onAbort = () => kill(new RunStopped());
    signal?.addEventListener('abort', onAbort, { once: true });
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) kill(new Error(`${program} wrote more than ${maxBytes} bytes`));
      else into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', (error) => {
      failure ??= error;
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
