// What a saved page's head says about its article, read before any guessing from the text:
// headline, site, author, publication time, address, language. The publication time is kept
// as the page writes it (its own offset), never shifted to UTC: the outlet's local day is the
// article's date.
import type { ExtractedMeta } from '../types';
import { outletByDomain } from '../../metadata/outlet-gazetteer';
import type { HtmlDocument } from './dom';
import { readJsonLd } from './json-ld';
import { cutSiteSuffix, siteFromTitle } from './title';
import { dateFromAddress, publishedDate } from './published-date';

export interface PageHints {
  /** The address the page came from, when the caller knows it (an MHTML's Content-Location). */
  url?: string;
  /** When it was saved (ISO 8601). */
  saved?: string;
  /** The charset the page's container names for it (an MHTML part's), which outranks the page's own. */
  charset?: string | null;
}

export function readPageMeta(doc: HtmlDocument, html: string, hints: PageHints = {}): ExtractedMeta {
  const ld = readJsonLd(Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'), (s) => s.textContent ?? ''));
  const url = pageUrl(doc, html) ?? clean(hints.url);
  const outlet = url ? outletOfUrl(url) : [];
  const rawTitle = ld.headline ?? metaContent(doc, 'og:title') ?? firstText(doc, 'h1') ?? firstText(doc, 'title');
  const site = metaContent(doc, 'og:site_name') ?? ld.publisher ?? siteFromTitle(firstText(doc, 'title'), rawTitle);
  const title = rawTitle ? cutSiteSuffix(rawTitle, [site, ld.publisher, ...outlet]) : undefined;
  const author = pageAuthor(doc, ld.authors, [site, ld.publisher, ...outlet]);
  const published = publishedDate([
    metaContent(doc, 'article:published_time'),
    ld.published,
    attr(doc, 'meta[itemprop="datePublished"]', 'content'),
    metaContent(doc, 'dc.date.issued') ?? metaContent(doc, 'dc.date'),
    attr(doc, 'time[datetime]', 'datetime'),
  ]) ?? dateFromAddress(url);
  const language = clean(doc.documentElement?.getAttribute('lang') ?? undefined);
  const saved = clean(hints.saved);
  return {
    ...(title ? { title } : {}),
    ...(site ? { site } : {}),
    ...(author ? { author } : {}),
    ...(published ? { published } : {}),
    ...(url ? { url } : {}),
    ...(saved ? { saved } : {}),
    ...(language ? { language } : {}),
  };
}

function clean(value: string | null | undefined): string | undefined {
  const s = value?.replace(/\s+/g, ' ').trim();
  return s ? s : undefined;
}

function attr(doc: HtmlDocument, selector: string, name: string): string | undefined {
  for (const el of Array.from(doc.querySelectorAll(selector))) {
    const v = clean(el.getAttribute(name));
    if (v) return v;
  }
  return undefined;
}

/** `<meta property=…>` or `<meta name=…>` (pages use both for og: and article: tags). */
function metaContent(doc: HtmlDocument, key: string): string | undefined {
  return attr(doc, `meta[property="${key}" i]`, 'content') ?? attr(doc, `meta[name="${key}" i]`, 'content');
}

function firstText(doc: HtmlDocument, selector: string): string | undefined {
  for (const el of Array.from(doc.querySelectorAll(selector))) {
    const v = clean(el.textContent);
    if (v) return v;
  }
  return undefined;
}

const ABSOLUTE = /^https?:\/\//i;

/** rel=canonical, else og:url, else the address a browser wrote in its "saved from" comment. */
function pageUrl(doc: HtmlDocument, html: string): string | undefined {
  const og = metaContent(doc, 'og:url');
  const saved = savedFromComment(html);
  const canonical = attr(doc, 'link[rel~="canonical" i]', 'href');
  const base = [og, saved].find((u) => u && ABSOLUTE.test(u));
  if (canonical) {
    if (ABSOLUTE.test(canonical)) return canonical;
    if (base) {
      try {
        return new URL(canonical, base).href;
      } catch {
        // a canonical that does not resolve is passed over
      }
    }
  }
  return [og, saved].find((u) => u && ABSOLUTE.test(u));
}

/** `<!-- saved from url=(0047)https://… -->`, which Internet Explorer and Edge write at the top. */
function savedFromComment(html: string): string | undefined {
  const m = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  return m ? m[1] : undefined;
}

/** The outlet's names when the address is one of the gazetteer's sites. */
function outletOfUrl(url: string): string[] {
  try {
    const outlet = outletByDomain(new URL(url).hostname);
    return outlet ? [...outlet.native, ...outlet.latin, outlet.english] : [];
  } catch {
    return [];
  }
}

/** A person, never the outlet itself nor a profile's address. */
function pageAuthor(doc: HtmlDocument, ldAuthors: string[], outletNames: Array<string | undefined>): string | undefined {
  const notOutlet = (name: string) => !outletNames.some((o) => o && o.trim().toLowerCase() === name.toLowerCase());
  const people = ldAuthors.filter(notOutlet);
  if (people.length > 0) return [...new Set(people)].join(', ');
  for (const candidate of [metaContent(doc, 'author'), metaContent(doc, 'article:author')]) {
    if (candidate && !ABSOLUTE.test(candidate) && notOutlet(candidate)) return candidate;
  }
  return undefined;
}
