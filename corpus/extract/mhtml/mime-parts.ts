// The MIME parts of an MHTML file, as postal-mime parses them, each with its own headers and its
// body decoded from its transfer encoding (quoted-printable, base64) but still in its charset.
//
// postal-mime's documented result is made for e-mail: it joins every text/html part into one
// string (an MHTML keeps each iframe as another text/html part) and does not give a part's own
// headers (Content-Location, Content-ID), which is how the page's root part is found. So this
// reads the parse tree it builds (`root`, `childNodes`, `headers`, `contentType`, `content`),
// checking its shape here: the lockfile pins postal-mime 2.7, and a tree of another shape fails
// loudly in `test/domain/mhtml-read.test.ts` instead of giving wrong text.
import PostalMime from 'postal-mime';

export interface MimePart {
  /** Header values by lower-case name (the first of each name), folded lines joined. */
  headers: ReadonlyMap<string, string>;
  /** Lower-case media type, e.g. `text/html`; `text/plain` when the part has no Content-Type. */
  type: string;
  /** Whether the part had a Content-Type header at all. */
  typed: boolean;
  /** Content-Type parameters by lower-case name (`charset`, `boundary`, `start`). */
  params: Readonly<Record<string, string>>;
  /** The body with its transfer encoding undone; null for a multipart container. */
  body: Uint8Array | null;
  /** Transfer encoding as written, lower-case (`quoted-printable`, `base64`, `8bit`). */
  transferEncoding: string;
  parts: MimePart[];
}

/** Parses `bytes` as a MIME entity. Throws postal-mime's own errors (too deep, headers too long). */
export async function parseMimeParts(bytes: Uint8Array): Promise<MimePart> {
  const parser = new PostalMime();
  await parser.parse(bytes);
  return toPart((parser as unknown as { root: unknown }).root, 0);
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null;

function treeChanged(what: string): never {
  throw new Error(`postal-mime's parse tree is not the shape Hashiya reads (${what})`);
}

function toPart(node: unknown, depth: number): MimePart {
  if (!isDict(node) || !Array.isArray(node.childNodes) || !Array.isArray(node.headers)) treeChanged('node');
  const contentType = node.contentType;
  if (!isDict(contentType) || !isDict(contentType.parsed)) treeChanged('contentType');
  const parsed = contentType.parsed;
  const params: Record<string, string> = {};
  if (isDict(parsed.params)) {
    for (const [k, v] of Object.entries(parsed.params)) if (typeof v === 'string') params[k] = v;
  }
  const headers = new Map<string, string>();
  for (const h of node.headers) {
    if (!isDict(h) || typeof h.key !== 'string' || typeof h.value !== 'string') treeChanged('header');
    // postal-mime stores headers last-first; keep the first occurrence in the file.
    headers.set(h.key, h.value);
  }
  const cte = node.contentTransferEncoding;
  const transferEncoding = isDict(cte) && typeof cte.encoding === 'string' ? cte.encoding : '';
  let body: Uint8Array | null = null;
  if (node.content instanceof ArrayBuffer) body = new Uint8Array(node.content);
  else if (node.content instanceof Uint8Array) body = node.content;
  return {
    headers,
    type: typeof parsed.value === 'string' && parsed.value ? parsed.value : 'text/plain',
    typed: contentType.default !== true,
    params,
    body,
    transferEncoding,
    parts: node.childNodes.map((child) => toPart(child, depth + 1)),
  };
}
