// The small popover where a span gets its tags, English gloss and note.
import type { Tag } from '../../annotations/model/types';
import { clear, h } from '../dom';
import { tagClass } from '../tag-styles';

export interface EditorValues {
  tags: string[];
  gloss: string;
  note: string;
}

export interface EditorHandlers {
  /** New annotation: save it. Existing: save a change of values. */
  onSave(values: EditorValues): void;
  onDelete?: () => void;
  onClose(): void;
  /** Where the span is now (the window was resized and the text wrapped anew), if still shown. */
  anchor?: () => DOMRect | null;
}

export class AnnotationEditor {
  readonly el: HTMLElement;
  private values: EditorValues = { tags: [], gloss: '', note: '' };
  private handlers: EditorHandlers | null = null;
  private isNew = false;
  private glossInput!: HTMLInputElement;
  private noteInput!: HTMLTextAreaElement;
  private chips = new Map<string, HTMLButtonElement>();
  /** Where focus was before it came into the popover: Escape, Save and Close give it back. */
  private returnFocus: HTMLElement | null = null;
  private anchor: DOMRect | null = null;

  constructor(private taxonomy: Tag[]) {
    this.el = h('div', { class: 'popover', role: 'dialog', 'aria-label': 'Annotation', hidden: true });
    // A narrower window must not leave the popover half outside it.
    window.addEventListener('resize', () => {
      if (!this.open) return;
      const now = this.handlers?.anchor?.() ?? this.anchor;
      if (now) this.place(now);
    });
    this.el.addEventListener('focusin', (e) => {
      const from = e.relatedTarget;
      if (from instanceof HTMLElement && !this.el.contains(from)) this.returnFocus = from;
    });
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.handlers?.onClose();
      }
    });
  }

  setTaxonomy(taxonomy: Tag[]): void {
    this.taxonomy = taxonomy;
  }

  get open(): boolean {
    return !this.el.hidden;
  }

  get editingNew(): boolean {
    return this.open && this.isNew;
  }

  show(options: { title: string; titleLang: string; values: EditorValues; isNew: boolean; readOnly: boolean; anchor: DOMRect; focusGloss?: boolean }, handlers: EditorHandlers): void {
    this.values = { ...options.values, tags: [...options.values.tags] };
    this.handlers = handlers;
    this.isNew = options.isNew;
    clear(this.el);
    this.chips.clear();
    const chips = h('div', { class: 'chips', role: 'group', 'aria-label': 'Tags' });
    for (const tag of this.taxonomy) {
      const chip = h(
        'button',
        { class: `chip ${tagClass(this.taxonomy, tag.id)}`, type: 'button', 'data-tag': tag.id, 'aria-pressed': String(this.values.tags.includes(tag.id)), disabled: options.readOnly, title: tag.shortcut ? `${tag.name} (${tag.shortcut})` : tag.name },
        h('span', { class: `swatch ${tagClass(this.taxonomy, tag.id)}` }),
        tag.name,
        tag.shortcut ? h('kbd', {}, tag.shortcut) : null,
      );
      chip.addEventListener('click', () => this.toggleTag(tag.id));
      this.chips.set(tag.id, chip);
      chips.append(chip);
    }
    this.glossInput = h('input', { class: 'gloss', type: 'text', dir: 'ltr', lang: 'en', placeholder: 'English gloss', 'aria-label': 'Gloss', value: this.values.gloss, disabled: options.readOnly });
    this.noteInput = h('textarea', { class: 'note', dir: 'auto', rows: 2, placeholder: 'Note (optional)', 'aria-label': 'Note', disabled: options.readOnly });
    this.noteInput.value = this.values.note;
    const commitText = () => {
      if (this.isNew || !this.handlers) return;
      if (this.glossInput.value !== this.values.gloss || this.noteInput.value !== this.values.note) {
        this.values.gloss = this.glossInput.value;
        this.values.note = this.noteInput.value;
        this.handlers?.onSave({ ...this.values });
      }
    };
    this.commitText = commitText;
    this.glossInput.addEventListener('change', commitText);
    this.noteInput.addEventListener('change', commitText);
    this.glossInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (this.isNew) this.saveNew();
        else {
          commitText();
          this.handlers?.onClose();
        }
      }
    });
    const buttons = h('div', { class: 'buttons' });
    if (options.isNew) {
      buttons.append(h('button', { type: 'button', class: 'primary save', onclick: () => this.saveNew(), disabled: options.readOnly }, 'Save'));
    } else if (handlers.onDelete) {
      const del = handlers.onDelete;
      buttons.append(h('button', { type: 'button', class: 'danger delete', onclick: () => del(), disabled: options.readOnly }, 'Delete'));
    }
    buttons.append(h('button', { type: 'button', class: 'close', onclick: () => { commitText(); this.handlers?.onClose(); } }, 'Close'));
    this.el.append(
      h('div', { class: 'popover-title', dir: 'auto', lang: options.titleLang }, options.title),
      chips,
      this.glossInput,
      this.noteInput,
      buttons,
    );
    this.el.hidden = false;
    this.place(options.anchor);
    if (options.focusGloss) this.glossInput.focus();
  }

  private commitText: () => void = () => undefined;

  /** The span being annotated changed: a new title and place; the values typed stay. */
  retarget(title: string, anchor: DOMRect): void {
    const heading = this.el.querySelector('.popover-title');
    if (heading) heading.textContent = title;
    this.place(anchor);
  }

  /** Saves what is typed in the gloss and note of an existing annotation, before the view is rebuilt. */
  commitPending(): void {
    if (this.open) this.commitText();
  }

  private saveNew(): void {
    this.values.gloss = this.glossInput.value;
    this.values.note = this.noteInput.value;
    this.handlers?.onSave({ ...this.values });
  }

  /** A tag shortcut or chip click: toggles the tag; on an existing annotation it saves at once. */
  toggleTag(tagId: string): void {
    const has = this.values.tags.includes(tagId);
    this.values.tags = has ? this.values.tags.filter((t) => t !== tagId) : [...this.values.tags, tagId];
    this.chips.get(tagId)?.setAttribute('aria-pressed', String(!has));
    if (!this.isNew) this.handlers?.onSave({ ...this.values, gloss: this.glossInput.value, note: this.noteInput.value });
  }

  /** Shows new values for the annotation being edited (after undo, or a save). */
  refresh(values: EditorValues): void {
    this.values = { ...values, tags: [...values.tags] };
    for (const [id, chip] of this.chips) chip.setAttribute('aria-pressed', String(values.tags.includes(id)));
    if (document.activeElement !== this.glossInput) this.glossInput.value = values.gloss;
    if (document.activeElement !== this.noteInput) this.noteInput.value = values.note;
  }

  private place(anchor: DOMRect): void {
    this.anchor = anchor;
    const width = Math.min(360, window.innerWidth - 16);
    this.el.style.width = `${width}px`;
    const left = Math.max(8, Math.min(window.innerWidth - width - 8, anchor.left + anchor.width / 2 - width / 2));
    const below = anchor.bottom + 8;
    const height = this.el.offsetHeight || 220;
    const top = below + height > window.innerHeight - 8 ? Math.max(8, anchor.top - height - 8) : below;
    this.el.style.left = `${left}px`;
    this.el.style.top = `${top}px`;
  }

  hide(): void {
    const hadFocus = this.el.contains(document.activeElement);
    this.el.hidden = true;
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
    this.handlers = null;
  }
}
