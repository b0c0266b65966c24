// jsdom and Readability, loaded so that nothing in a page can run or fetch, and typed by the
// few members this folder uses. They are required rather than imported: @types/jsdom pulls the
// whole DOM library into any program that sees it, and the corpus domain is type-checked
// without the DOM (test/architecture) so that no other module can lean on browser globals.
import { createRequire } from 'node:module';

/** The part of a DOM node this folder reads. */
export interface HtmlNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  // Walk children by sibling links: jsdom's live childNodes list costs time per index on wide nodes.
  readonly firstChild: HtmlNode | null;
  readonly nextSibling: HtmlNode | null;
  readonly parentNode: HtmlNode | null;
}

export interface HtmlElement extends HtmlNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
  remove(): void;
}

export interface HtmlDocument extends HtmlNode {
  readonly documentElement: HtmlElement | null;
  readonly body: HtmlElement | null;
  readonly head: HtmlElement | null;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

interface JsdomModule {
  JSDOM: new (
    html: string,
    options: { url?: string; runScripts?: undefined; resources?: undefined; virtualConsole?: unknown },
  ) => { window: { document: HtmlDocument; close(): void } };
  VirtualConsole: new () => unknown;
}

export interface ReadabilityResult {
  content: HtmlElement | null | undefined;
}

interface ReadabilityModule {
  Readability: new (
    doc: HtmlDocument,
    options: { charThreshold?: number; nbTopCandidates?: number; maxElemsToParse?: number; serializer?: (node: HtmlElement) => HtmlElement; disableJSONLD?: boolean },
  ) => { parse(): ReadabilityResult | null };
}

const require = createRequire(import.meta.url);
// Loaded on the first page read, not on import: jsdom takes about 0.6 s to load, and every
// reader of the corpus (the command line's --help, the window's main process) imports this
// folder through extract/article-text.ts whether or not the corpus has a page.
let jsdomModule: JsdomModule | null = null;
let readabilityModule: ReadabilityModule | null = null;
const loadJsdom = (): JsdomModule => (jsdomModule ??= require('jsdom') as JsdomModule);
const loadReadability = (): ReadabilityModule => (readabilityModule ??= require('@mozilla/readability') as ReadabilityModule);

/**
 * The Readability release this folder runs, for the extractor's version string. Written here,
 * not read from its package.json on import: importing this folder must not need node_modules
 * (the window's bundled main process loads it at start-up); a test checks it matches the
 * installed release, so an upgrade cannot forget it.
 */
export const READABILITY_VERSION = '0.6.0';

/**
 * A page parsed as inert data: no script runs (`runScripts` left unset), no subresource is
 * loaded (`resources` left unset), and the document's address is about:blank, so no relative
 * link resolves against the page's own site.
 */
export function parseInert(html: string): { document: HtmlDocument; close(): void } {
  // A console that goes nowhere: a page's broken CSS must not print into the app's log.
  const jsdom = loadJsdom();
  const dom = new jsdom.JSDOM(html, { url: 'about:blank', virtualConsole: new jsdom.VirtualConsole() });
  const { window } = dom;
  const close = () => {
    try {
      window.close();
    } catch {
      // jsdom detaches recursively and overflows on pages nested thousands deep; the garbage
      // collector frees the window all the same, and the text already read is good.
    }
  };
  return { document: window.document, close };
}

/**
 * Above this many elements Readability is not run (it refuses, and the caller falls back to
 * the body's blocks): its scoring grows faster than the page, and a 20 MB flood of elements
 * would hold a worker for minutes. Real article pages have a few thousand.
 */
export const MAX_ELEMENTS_FOR_READABILITY = 60_000;

/** Readability's main content as an element, or null when it finds none (it mutates `doc`: read the head before). */
export function readMainContent(doc: HtmlDocument, charThreshold?: number): HtmlElement | null {
  const reader = new (loadReadability().Readability)(doc, {
    maxElemsToParse: MAX_ELEMENTS_FOR_READABILITY,
    ...(charThreshold !== undefined ? { charThreshold } : {}),
    // One top candidate: with several, Readability climbs to the ancestor they share, and on
    // news pages that ancestor is the whole column, related-story cards and app adverts with
    // it (the LBCI fixture). Siblings of the best block are still joined to it.
    nbTopCandidates: 1,
    serializer: (node) => node,
    disableJSONLD: true,
  });
  try {
    return reader.parse()?.content ?? null;
  } catch (e) {
    if (e instanceof Error && /^Aborting parsing document/.test(e.message)) return null;
    throw e;
  }
}
