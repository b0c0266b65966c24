// Whether this machine can read scans: Tesseract with Persian, Arabic or English data, and
// poppler's pdftoppm and pdfinfo, found on the PATH. The answer says what is missing in the
// words of the Debian packages that supply it.
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { runProgram } from './run-program';

export type OcrLanguage = 'fas' | 'ara' | 'eng';

export interface OcrTools {
  tesseract: string;
  pdftoppm: string;
  pdfinfo: string;
  /** e.g. '5.3.0' */
  version: string;
  /** the OcrLanguages whose data is installed */
  languages: OcrLanguage[];
}

/** What is missing, as one sentence a person reads, naming the Debian packages (tesseract-ocr, tesseract-ocr-fas, tesseract-ocr-ara, poppler-utils). */
export interface OcrMissing {
  missing: string;
}

const LANGUAGES: readonly OcrLanguage[] = ['fas', 'ara', 'eng'];
const PROBE_TIMEOUT = 20_000;

/**
 * Where installers put these programs though a desktop app's PATH may lack them: an app started
 * from macOS's Finder gets only /usr/bin:/bin:/usr/sbin:/sbin (Homebrew installs in
 * /opt/homebrew/bin or /usr/local/bin), and Windows' Tesseract installer does not add its folder.
 */
const USUAL_PLACES: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: ['/opt/homebrew/bin', '/usr/local/bin', '/opt/local/bin'],
  win32: ['C:\\Program Files\\Tesseract-OCR', 'C:\\Program Files (x86)\\Tesseract-OCR'],
};

/** The program's full path on the PATH (or where its installer puts it), or null: a full path, so that what was probed is what runs. */
async function onPath(name: string): Promise<string | null> {
  const file = process.platform === 'win32' ? `${name}.exe` : name;
  for (const dir of [...(process.env['PATH'] ?? '').split(delimiter), ...(USUAL_PLACES[process.platform] ?? [])]) {
    if (!dir) continue;
    const candidate = join(dir, file);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** `tesseract --version` prints `tesseract 5.3.0` (on stdout in 5.x, stderr in 4.x). */
export function tesseractVersion(output: string): string | null {
  return /tesseract\s+v?(\d+(?:\.\d+)+)/i.exec(output)?.[1] ?? null;
}

/** The languages of `tesseract --list-langs` (one a line after its heading) that Hashiya asks for. */
export function installedLanguages(output: string): OcrLanguage[] {
  const listed = new Set(output.split('\n').map((l) => l.trim()));
  return LANGUAGES.filter((l) => listed.has(l));
}

async function probe(): Promise<OcrTools | OcrMissing> {
  const [tesseract, pdftoppm, pdfinfo] = await Promise.all([onPath('tesseract'), onPath('pdftoppm'), onPath('pdfinfo')]);
  const poppler = pdftoppm && pdfinfo ? null : 'poppler-utils';
  if (!tesseract) {
    return { missing: `Reading scanned PDFs needs Tesseract with its Persian and Arabic data${poppler ? ' and poppler' : ''}: on Debian or Ubuntu, install the packages tesseract-ocr, tesseract-ocr-fas and tesseract-ocr-ara${poppler ? ' and poppler-utils' : ''}.` };
  }
  const [versionRun, langsRun] = await Promise.all([
    runProgram(tesseract, ['--version'], { timeout: PROBE_TIMEOUT }).catch(() => null),
    runProgram(tesseract, ['--list-langs'], { timeout: PROBE_TIMEOUT }).catch(() => null),
  ]);
  const version = versionRun ? tesseractVersion(versionRun.stdout + versionRun.stderr) : null;
  if (!version || !langsRun) return { missing: `Tesseract is installed but does not run: on Debian or Ubuntu, reinstall the package tesseract-ocr.` };
  const languages = installedLanguages(langsRun.stdout + langsRun.stderr);
  const lacking = (['fas', 'ara'] as const).filter((l) => !languages.includes(l)).map((l) => `tesseract-ocr-${l}`);
  if (lacking.length === 2) return { missing: `Tesseract has no Persian or Arabic data: on Debian or Ubuntu, install the packages tesseract-ocr-fas and tesseract-ocr-ara${poppler ? ' and poppler-utils' : ''}.` };
  if (poppler || !pdftoppm || !pdfinfo) return { missing: 'Reading scanned PDFs needs poppler (pdftoppm and pdfinfo): on Debian or Ubuntu, install the package poppler-utils.' };
  // One of the two is enough to read that language's scans; the other is offered only when installed.
  return { tesseract, pdftoppm, pdfinfo, version, languages };
}

let cached: Promise<OcrTools | OcrMissing> | null = null;

/** The OCR programs, probed once; `fresh` probes again (after the person installed a package). */
export function findOcrTools(options: { fresh?: boolean } = {}): Promise<OcrTools | OcrMissing> {
  if (options.fresh || !cached) cached = probe();
  return cached;
}

export function isMissing(found: OcrTools | OcrMissing): found is OcrMissing {
  return 'missing' in found;
}
