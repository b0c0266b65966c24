// Crashes lose nothing: a save interrupted at any moment leaves the old sidecar or the new
// one, never a torn or empty file, and what an interrupted save leaves behind is never
// taken for an article or a sidecar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { isTemporaryFile, temporaryNameFor, writeFileDurable } from '../../annotations/store/durable-write';
import { lockPathFor } from '../../annotations/store/file-lock';
import { serialiseSidecar } from '../../annotations/store/serialise';
import { parseSidecarText } from '../../annotations/store/sidecar-store';
import { SIDECAR_SUFFIX, listArticleFiles, sidecarPathFor } from '../../corpus/folder/corpus-folder';
import { ARTICLE, ARTICLE_TEXT, saveNumber, stateAt } from '../fixtures/crash-writer';
import { makeRng } from '../fixtures/seeded-random';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const KILLS = Number(process.env.HASHIYA_CRASH_KILLS ?? 500);
const LANES = 3;
const SEED = 20240611;
// Loading extra CA certificates costs every Node start tens of milliseconds; the writer needs none.
const WRITER_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS'));

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-crash-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a module with tsx under a file-size limit, so writes fail with EFBIG as on a full disk. */
function runWithFileSizeLimit(script: string, blocks: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-c', `ulimit -f ${blocks}; exec "$0" --import tsx "$1"`, process.execPath, script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

test('a save that fails half-way (disk full) leaves the old file and no temporary file', { skip: process.platform === 'win32' && 'needs ulimit' }, async () => {
  await withTempDir(async (dir) => {
    const target = join(dir, 'a.txt.annotations.json');
    await writeFile(target, '{"old": true}\n');
    const script = join(dir, 'fill.mts');
    await writeFile(
      script,
      `import { writeFileDurable } from ${JSON.stringify(join(ROOT, 'annotations/store/durable-write.ts'))};
process.on('SIGXFSZ', () => {});
try { await writeFileDurable(${JSON.stringify(target)}, 'x'.repeat(64 * 1024)); console.log('saved'); }
catch (e) { console.log('failed ' + e.code); }
`,
    );
    const r = await runWithFileSizeLimit(script, 8);
    assert.equal(r.stdout.trim(), 'failed EFBIG', r.stderr);
    assert.equal(await readFile(target, 'utf8'), '{"old": true}\n');
    assert.deepEqual((await readdir(dir)).filter(isTemporaryFile), []);
  });
});

test('a save into a folder that is gone fails and creates nothing', async () => {
  await withTempDir(async (dir) => {
    await assert.rejects(writeFileDurable(join(dir, 'missing', 'a.json'), '{}'), { code: 'ENOENT' });
    assert.deepEqual(await readdir(dir), []);
  });
});

test('temporary files are dotfiles that are neither articles nor sidecars', async () => {
  await withTempDir(async (dir) => {
    await writeFile(join(dir, 'a.txt'), 'متن');
    const names = [temporaryNameFor(sidecarPathFor(join(dir, 'a.txt'))), temporaryNameFor(join(dir, 'b.txt'))];
    for (const name of names) {
      assert.ok(isTemporaryFile(name), name);
      assert.ok(!name.endsWith(SIDECAR_SUFFIX), name);
      await writeFile(join(dir, name), '{"torn":');
    }
    assert.deepEqual(await listArticleFiles(dir), ['a.txt']);
  });
});

interface KillOutcome {
  /** Save number the file holds after the kill (0: no file yet). */
  held: number;
  lastAck: number;
  temporaries: string[];
}

interface KillPlan {
  /** Acknowledged saves to wait for before the kill moment is timed (0: from `ready`). */
  afterAcks: number;
  delayMs: number;
}

interface KillRun {
  ready: number;
  lastAck: number;
  /** Milliseconds between consecutive acknowledgements seen, to time later kills. */
  saveIntervals: number[];
}

/** Starts a writer, waits for the planned save, kills it `delayMs` later, and reports. */
function killOnce(writer: string[], sidecar: string, expectedStart: number, plan: KillPlan): Promise<KillRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...writer, sidecar], { stdio: ['ignore', 'pipe', 'pipe'], env: WRITER_ENV });
    let ready = -1;
    let lastAck = -1;
    let acks = 0;
    let lastTime = 0;
    const saveIntervals: number[] = [];
    let pending = '';
    let stderr = '';
    let armed = false;
    let killed = false;
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    const arm = () => {
      armed = true;
      if (plan.delayMs <= 0) setImmediate(kill);
      else setTimeout(kill, plan.delayMs);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const [word, n] = line.split(' ');
        const now = performance.now();
        if (word === 'ready') {
          ready = Number(n);
          lastAck = ready;
          if (ready !== expectedStart) kill();
          else if (plan.afterAcks === 0) arm();
        } else if (word === 'ack') {
          lastAck = Number(n);
          acks++;
          if (acks > 1) saveIntervals.push(now - lastTime);
          if (!armed && acks >= plan.afterAcks) arm();
        }
        lastTime = now;
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (!killed || signal !== 'SIGKILL') fail(new Error(`writer ended by itself (code ${code}, signal ${signal}): ${stderr}`));
      else done({ ready, lastAck, saveIntervals });
    });
  });
}

async function checkAfterKill(dir: string, sidecar: string, lastAck: number): Promise<KillOutcome> {
  let text: string | null = null;
  try {
    text = await readFile(sidecar, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let held = 0;
  if (text === null) {
    assert.equal(lastAck, 0, `the sidecar vanished after save ${lastAck} was acknowledged`);
  } else {
    assert.ok(text.length > 0, 'the sidecar is empty');
    const parsed = parseSidecarText(sidecar, text);
    held = saveNumber(parsed);
    assert.ok(held === lastAck || held === lastAck + 1, `the sidecar holds save ${held}, the last acknowledged was ${lastAck}`);
    assert.equal(text, serialiseSidecar(stateAt(held)), `the sidecar is not exactly state ${held}`);
  }
  const names = await readdir(dir);
  const temporaries = names.filter(isTemporaryFile);
  for (const t of temporaries) assert.ok(!t.endsWith(SIDECAR_SUFFIX));
  // A writer killed while it held the cross-process lock leaves the lock's folder; the next
  // writer sees its holder is gone and takes it over (the `ready` check proves it got in).
  const lock = basename(lockPathFor(sidecar));
  assert.deepEqual(
    names.filter((n) => !isTemporaryFile(n) && n !== lock).sort(),
    text === null ? [ARTICLE.file] : [ARTICLE.file, `${ARTICLE.file}${SIDECAR_SUFFIX}`],
  );
  assert.deepEqual(await listArticleFiles(dir), [ARTICLE.file]);
  return { held, lastAck, temporaries };
}

test(`a sidecar survives ${KILLS} SIGKILLs during saves: always the last acknowledged state or the next, never torn`, { skip: process.platform === 'win32' && 'SIGKILL' }, async () => {
  await withTempDir(async (work) => {
    // Bundled once into a V8 startup snapshot: a writer then starts in a fraction of tsx's time.
    const bundle = join(work, 'crash-writer.cjs');
    const blob = join(work, 'crash-writer.blob');
    await build({
      entryPoints: [join(ROOT, 'test/fixtures/crash-writer.ts')],
      bundle: true,
      platform: 'node',
      // A script, not a module: the snapshot builder runs plain scripts with require for built-ins.
      format: 'iife',
      outfile: bundle,
      logLevel: 'error',
    });
    await run(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], { cwd: work, env: WRITER_ENV });
    const writer = ['--snapshot-blob', blob];
    let survived = 0;
    let ahead = 0;
    let interrupted = 0;
    let failed = false;
    const lanes = Array.from({ length: LANES }, async (_, lane) => {
      const random = makeRng(SEED + lane);
      const dir = join(work, `lane-${lane}`);
      await mkdir(dir);
      await writeFile(join(dir, ARTICLE.file), ARTICLE_TEXT);
      const sidecar = sidecarPathFor(join(dir, ARTICLE.file));
      let held = 0;
      let leftovers = 0;
      // How long one save takes here; kills are timed within a save whatever the machine's speed.
      let saveMs = 20;
      const share = Math.floor(KILLS / LANES) + (lane < KILLS % LANES ? 1 : 0);
      for (let k = 0; k < share && !failed; k++) {
        const plan = { afterAcks: Math.floor(random() * 3), delayMs: random() * saveMs * 1.2 };
        const outcome = await killOnce(writer, sidecar, held, plan)
          .then(async ({ ready, lastAck, saveIntervals }) => {
            assert.equal(ready, held, `the writer read save ${ready} back, the file held ${held}`);
            for (const ms of saveIntervals) saveMs = 0.8 * saveMs + 0.2 * ms;
            return checkAfterKill(dir, sidecar, lastAck);
          })
          .catch((error: unknown) => {
            failed = true; // stop the other lanes too
            throw error;
          });
        const { lastAck } = outcome;
        if (outcome.held === lastAck + 1) ahead++;
        if (outcome.temporaries.length > leftovers) interrupted++;
        leftovers = outcome.temporaries.length;
        held = outcome.held;
        survived++;
      }
      return held;
    });
    const saves = await Promise.all(lanes);
    console.log(
      `kills survived: ${survived} (saves completed: ${saves.reduce((a, b) => a + b, 0)}; ` +
        `file one save ahead of the last acknowledgement: ${ahead}; kills that left a temporary file: ${interrupted})`,
    );
    assert.equal(survived, KILLS);
  });
});
