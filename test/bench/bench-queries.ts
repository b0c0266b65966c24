// The bench's queries, made from the corpus itself; the tests that the app and the command line
// give the same hits use the same ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rng } from './synthetic-corpus';

/**
 * 1–3 words taken from the corpus itself: in order (a sequence), or out of order as separate
 * terms (`a، b`: words in any order), some as phrases, some respelled.
 */
export function makeQueries(dir: string, files: string[], count: number, rng: Rng): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const text = readFileSync(join(dir, files[Math.floor(rng() * files.length)]!), 'utf8');
    const words = text.split(/\s+/).map((w) => w.replace(/[.،؛:«»()]/g, '')).filter((w) => w.length >= 3 && !/\d/.test(w));
    if (words.length < 5) continue;
    const n = rng() < 0.4 ? 1 : rng() < 0.6 ? 2 : 3;
    const at = Math.floor(rng() * (words.length - n));
    let picked = words.slice(at, at + n);
    const anyOrder = n > 1 && rng() < 0.5;
    if (anyOrder) picked = picked.reverse();
    let q = picked.join(anyOrder ? '، ' : ' ');
    if (rng() < 0.15) q = q.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
    if (n > 1 && rng() < 0.25) q = `"${words.slice(at, at + n).join(' ')}"`;
    out.push(q);
  }
  return out;
}

/**
 * 1–3 neighbouring words of a text (words of at least `minLength` characters, punctuation and
 * quotes taken off): in order, or as separate terms, some respelled with Arabic letters, some
 * quoted as a phrase. The tests that check two ways of searching agree ask these.
 */
export function neighbourQueries(nextText: () => string, count: number, rng: Rng, minLength: number): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const words = nextText().split(/\s+/).map((w) => w.replace(/[.،؛:«»()"]/g, '')).filter((w) => w.length >= minLength);
    if (words.length < 5) continue;
    const n = 1 + Math.floor(rng() * 3);
    const at = Math.floor(rng() * (words.length - n));
    let q = words.slice(at, at + n).join(rng() < 0.3 ? '، ' : ' ');
    if (rng() < 0.3) q = q.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
    if (n > 1 && rng() < 0.2) q = `"${q}"`;
    out.push(q);
  }
  return out;
}
