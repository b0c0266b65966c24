import type { Tag } from './types';

/** What an analyst of Persian and Arabic news tags first; editable per corpus. */
export const DEFAULT_TAXONOMY: Tag[] = [
  { id: 'person', name: 'Person', color: '#f4a259', shortcut: '1' },
  { id: 'organisation', name: 'Organisation', color: '#7fb7be', shortcut: '2' },
  { id: 'place', name: 'Place', color: '#8cc084', shortcut: '3' },
  { id: 'date', name: 'Date', color: '#c3a6e0', shortcut: '4' },
  { id: 'event', name: 'Event', color: '#f7d06b', shortcut: '5' },
  { id: 'statement', name: 'Statement', color: '#f28f8f', shortcut: '6' },
  { id: 'threat', name: 'Threat', color: '#e05d5d', shortcut: '7' },
  { id: 'stance', name: 'Stance', color: '#6fa8dc', shortcut: '8' },
  { id: 'term', name: 'Term', color: '#b0b0b0', shortcut: '9' },
];

/** A tag id from a name: stable, readable in the sidecar, unique within the taxonomy. */
export function tagIdFor(name: string, taken: Set<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'tag';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}
