// The ordered node form of fast-xml-parser (preserveOrder: true), typed, with the one way
// XLIFF and TMX documents are parsed and serialised. Never XML by joining strings.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { hasBidiControl, hasXmlForbiddenChar, replaceXmlForbiddenChars } from '../../corpus/text/control-characters';

// An element is { name: children, ':@': attributes }, a text node { '#text': value }.
export type XmlNode = { [key: string]: XmlNode[] | Record<string, string> | string };

const ATTR = '@_';

export function el(name: string, attributes: Record<string, string | number | undefined> = {}, children: XmlNode[] = []): XmlNode {
  const attrs: Record<string, string> = {};
  // An attribute has no <cp/>: a character XML cannot carry (a file name may) is replaced.
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) attrs[ATTR + k] = replaceXmlForbiddenChars(String(v));
  const node: XmlNode = { [name]: children };
  if (Object.keys(attrs).length > 0) node[':@'] = attrs;
  return node;
}

export function textNode(value: string): XmlNode {
  return { '#text': value };
}

/** The tag name of an element node, or null for a text node. */
export function nameOf(node: XmlNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return null;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const name = nameOf(node);
  const children = name ? node[name] : undefined;
  return Array.isArray(children) ? children : [];
}

export function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'];
  if (!attrs || typeof attrs !== 'object' || Array.isArray(attrs)) return undefined;
  return (attrs as Record<string, string>)[ATTR + name];
}

export function textOf(node: XmlNode): string | null {
  const t = node['#text'];
  return typeof t === 'string' ? t : null;
}

export function elements(nodes: readonly XmlNode[], name?: string): XmlNode[] {
  return nodes.filter((n) => {
    const tag = nameOf(n);
    return tag !== null && (name === undefined || tag === name);
  });
}

/** The concatenated text of a node's descendants. */
export function flatText(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const n of nodes) {
    const t = textOf(n);
    if (t !== null) out += t;
    else out += flatText(childrenOf(n));
  }
  return out;
}

/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage return;
 * lone surrogates; U+FFFE, U+FFFF). XLIFF writes them as <cp hex="…"/>.
 */
export function hasInvalidXmlChar(text: string): boolean {
  return hasXmlForbiddenChar(text);
}

/**
 * Bidi embeddings, overrides and isolates written as character references: the file reads back
 * exactly (a segment's source must match the article), and a person who opens it in an editor
 * sees `&#x202E;` instead of the rest of the line drawn backwards.
 */
function referenceBidiControls(xml: string): string {
  return hasBidiControl(xml) ? xml.replace(/[\u202A-\u202E\u2066-\u2069]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`) : xml;
}

/**
 * Serialises a document. Pretty printing indents the content of every element, which would
 * change mixed content (text beside <cp/>): callers turn it off when a document has any.
 */
export function serialise(document: XmlNode[], pretty: boolean): string {
  const builder = new XMLBuilder({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    format: pretty,
    indentBy: '  ',
    suppressEmptyNode: true,
    processEntities: true,
  });
  const xml = referenceBidiControls(builder.build(document) as string);
  return xml.endsWith('\n') ? xml : `${xml}\n`;
}

export function declaration(): XmlNode {
  return { '?xml': [textNode('')], ':@': { [`${ATTR}version`]: '1.0', [`${ATTR}encoding`]: 'UTF-8' } };
}

export class XmlFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlFormatError';
  }
}

/** Parses a document in ordered form, namespace prefixes removed, no value coercion. */
export function parseDocument(xml: string, what: string): XmlNode[] {
  // XLIFF 2 and TMX need no entity definitions; refusing them keeps entity-expansion attacks
  // out of a file that came from elsewhere.
  if (/<!ENTITY/i.test(xml)) throw new XmlFormatError(`${what}: entity declarations are not accepted`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XmlFormatError(`${what}: not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    removeNSPrefix: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    // Decodes character references (&#x202E;, which this writer and other tools use); named
    // HTML entities come with it and are read leniently.
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  return parser.parse(xml) as XmlNode[];
}
