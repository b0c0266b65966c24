// How many words a line has, as the metadata rules count them (runs of non-space).
export function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}
