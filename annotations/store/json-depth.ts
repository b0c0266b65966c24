// A JSON file nested hundreds of thousands deep (`[[[[…`) is valid JSON, but the schema
// check walks it recursively and overflows the stack. Hashiya's own files nest about ten
// levels; the depth is measured on the text, before JSON.parse, in one linear pass.

/** Deeper than any file Hashiya writes (a sidecar nests about ten levels), far below the stack. */
export const MAX_JSON_DEPTH = 200;

/** True when `text` opens more than `limit` arrays or objects inside each other (outside strings). */
export function nestedTooDeep(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character, `\"` included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The sentence the person reads about such a file: what it is, and that it was kept. */
export function tooDeepMessage(name: string): string {
  return `${name} is nested deeper than any Hashiya file (more than ${MAX_JSON_DEPTH} levels of brackets); it was not read and is kept as it is`;
}
