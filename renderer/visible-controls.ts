// A name or headline shown with its bidi controls visible instead of applied: `\u202Egnp.exe`
// would be drawn as `exe.png`, and a person must see that it is not a picture. Each control
// becomes a small marker (⟨RLO⟩) that says what it is when pointed at; the letters around it
// are left as they are, so Persian and Arabic still read right to left.
import { visibleBidiControls, type BidiControlName } from '../corpus/text/control-characters';
import { h } from './dom';

const WHAT: Record<BidiControlName, string> = {
  LRE: 'left-to-right embedding',
  RLE: 'right-to-left embedding',
  PDF: 'end of an embedding or override',
  LRO: 'left-to-right override',
  RLO: 'right-to-left override',
  LRI: 'left-to-right isolate',
  RLI: 'right-to-left isolate',
  FSI: 'first-strong isolate',
  PDI: 'end of an isolate',
};

/** The text as nodes: plain runs as text, each bidi control as a marker naming it. */
export function withVisibleControls(text: string): Array<string | HTMLElement> {
  return visibleBidiControls(text).map((part) =>
    'text' in part
      ? part.text
      : h(
          'span',
          {
            class: 'bidi-control',
            role: 'img',
            'aria-label': `hidden character ${part.control}`,
            title: `A hidden ${WHAT[part.control]} character (${part.codePoint}) is here. It can make a name read differently from what it is (“gnp.exe” shown as “exe.png”), so it is shown, not applied.`,
          },
          `⟨${part.control}⟩`,
        ),
  );
}

/** The same as plain text (a window title has no markup): each control written as ⟨RLO⟩. */
export function visibleControlsText(text: string): string {
  return visibleBidiControls(text)
    .map((part) => ('text' in part ? part.text : `⟨${part.control}⟩`))
    .join('');
}
