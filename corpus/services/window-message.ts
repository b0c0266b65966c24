// A message for the window names files relative to the corpus: no full path of this machine
// (the corpus as opened and as its real path, the app's own folder) reaches it.
import { basename, sep } from 'node:path';

/** `message` with each of `places` (absolute folders) cut out: a file inside is named from there, the folder itself by its name. */
export function withoutPlaces(message: string, places: ReadonlyArray<string | null | undefined>): string {
  const cut = places
    .filter((p): p is string => typeof p === 'string' && p.length > 1)
    .map((p) => p.replace(/[\\/]+$/, ''))
    .sort((a, b) => b.length - a.length);
  let out = message;
  for (const p of cut) out = out.split(p + sep).join('').split(p).join(basename(p));
  return out;
}
