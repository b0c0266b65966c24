// A phrase rule (`جميع الحقوق محفوظة`, `لا تعبر بالضرورة عن`) matches through flexPattern: any
// letter variant, harakat and tatweel after a letter, a space, ZWNJ or nothing where the phrase
// has a space. With those taken out of both (variants made one letter, marks and spaces
// dropped), a line the rule matches holds the phrase's skeleton as plain text: a line that
// does not is not scanned by the rule's regex, which tried every character of every line.
import { flexPattern } from '../text/letter-variants';
import { isSpace } from '../text/words';

// Each letter with variants and the one it is written as in a skeleton; the letters that are
// only ever a variant (`ئ`), which a phrase cannot be checked with.
const canonical = new Map<number, number>();
const variantsOnly = new Set<number>();
const keys = new Set<number>();
for (let c = 0x0600; c <= 0x06ff; c++) {
  const pattern = flexPattern(String.fromCharCode(c));
  if (!pattern.startsWith('[')) continue;
  keys.add(c);
  const variants = pattern.slice(1, pattern.indexOf(']'));
  for (const v of variants) canonical.set(v.charCodeAt(0), variants.charCodeAt(0));
}
for (const c of canonical.keys()) if (!keys.has(c)) variantsOnly.add(c);

/** Left out of a skeleton: spaces (`\s`), ZWNJ, ZWJ, harakat, superscript alef, tatweel. */
function isDropped(c: number): boolean {
  return isSpace(c) || c === 0x200c || c === 0x200d || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}

export function skeleton(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDropped(c)) continue;
    out += String.fromCharCode(canonical.get(c) ?? c);
  }
  return out;
}

/**
 * The skeletons one of which a line must hold for `flexAlternation(phrases)` to match it, or
 * null when the phrases cannot be checked so (a letter that is only a variant, a Latin letter
 * the regex may match in either case).
 */
export function phraseSkeletons(phrases: readonly string[]): string[] | null {
  for (const phrase of phrases) {
    for (let i = 0; i < phrase.length; i++) {
      const c = phrase.charCodeAt(i);
      if (variantsOnly.has(c) || (c < 0x0600 && /\p{L}/u.test(phrase[i]!)) || (c >= 0xd800 && c <= 0xdfff)) return null;
    }
  }
  return phrases.map(skeleton);
}
