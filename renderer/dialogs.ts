// Modal dialogs: the analyst's name, the tag taxonomy, and choosing among overlapping spans.
import type { Tag } from '../annotations/model/types';
import { tagIdFor } from '../annotations/model/taxonomy';
import { h } from './dom';

/** A modal dialog with a title, a body and a row of buttons; removed from the page when closed. */
export function modal(title: string, body: HTMLElement, buttons: HTMLElement[]): HTMLDialogElement {
  const dialog = h('dialog', { class: 'modal', 'aria-label': title }, h('h2', {}, title), body, h('div', { class: 'buttons' }, ...buttons));
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  return dialog;
}

/** Asks for the analyst's name; resolves with it, or null if the dialog was dismissed. */
export function askAnalystName(current: string | null, firstRun: boolean): Promise<string | null> {
  return new Promise((resolve) => {
    const input = h('input', { type: 'text', name: 'analyst', value: current ?? '', autocomplete: 'name', dir: 'auto', required: true, 'aria-label': 'Your name' });
    const ok = h('button', { type: 'submit', class: 'primary' }, 'Save');
    const form = h(
      'form',
      { method: 'dialog' },
      h('p', {}, firstRun ? 'Welcome to Hashiya. Every annotation records who made it: what is your name?' : 'The name recorded with your annotations:'),
      input,
    );
    const dialog = modal(firstRun ? 'Who is annotating?' : 'Analyst name', form, [ok]);
    let done = false;
    const finish = (value: string | null) => {
      if (done) return;
      done = true;
      resolve(value);
      dialog.close();
    };
    ok.addEventListener('click', (e) => {
      e.preventDefault();
      if (input.value.trim()) finish(input.value.trim());
      else input.focus();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (input.value.trim()) finish(input.value.trim());
    });
    dialog.addEventListener('cancel', (e) => {
      if (firstRun) e.preventDefault();
    });
    dialog.addEventListener('close', () => finish(null));
    input.focus();
  });
}

/** The tag editor: add, rename, recolour, reorder, set shortcuts. Resolves with the new list. */
export function editTaxonomy(taxonomy: Tag[]): Promise<Tag[] | null> {
  return new Promise((resolve) => {
    let tags = taxonomy.map((t) => ({ ...t }));
    const list = h('ol', { class: 'tag-editor' });
    const error = h('p', { class: 'error', role: 'alert' });
    const render = () => {
      list.replaceChildren(
        ...tags.map((tag, i) => {
          const name = h('input', { type: 'text', value: tag.name, 'aria-label': 'Tag name', dir: 'auto' });
          name.addEventListener('input', () => (tag.name = name.value));
          const colour = h('input', { type: 'color', value: tag.color, 'aria-label': 'Colour' });
          colour.addEventListener('input', () => (tag.color = colour.value));
          const key = h('select', { 'aria-label': 'Shortcut' }, h('option', { value: '' }, '–'), ...'123456789'.split('').map((d) => h('option', { value: d, selected: tag.shortcut === d }, d)));
          key.addEventListener('change', () => {
            const chosen = key.value || null;
            // One key, one tag: the tag that had it gives it up.
            for (const t of tags) if (t !== tag && chosen && t.shortcut === chosen) t.shortcut = null;
            tag.shortcut = chosen;
            render();
          });
          const move = (d: number) => {
            const j = i + d;
            if (j < 0 || j >= tags.length) return;
            [tags[i], tags[j]] = [tags[j]!, tags[i]!];
            render();
          };
          return h(
            'li',
            {},
            colour,
            name,
            key,
            h('button', { type: 'button', 'aria-label': 'Move up', onclick: () => move(-1), disabled: i === 0 }, '↑'),
            h('button', { type: 'button', 'aria-label': 'Move down', onclick: () => move(1), disabled: i === tags.length - 1 }, '↓'),
            h('button', { type: 'button', 'aria-label': 'Remove', onclick: () => { tags = tags.filter((t) => t !== tag); render(); } }, '✕'),
          );
        }),
      );
    };
    render();
    const add = h('button', { type: 'button', onclick: () => {
      const taken = new Set(tags.map((t) => t.id));
      tags.push({ id: tagIdFor('New tag', taken), name: 'New tag', color: '#999999', shortcut: null });
      render();
    } }, '+ Add tag');
    const save = h('button', { type: 'button', class: 'primary' }, 'Save');
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const dialog = modal('Tags', h('div', {}, list, add, error), [cancel, save]);
    let done = false;
    save.addEventListener('click', () => {
      const names = tags.map((t) => t.name.trim());
      if (names.some((n) => !n)) {
        error.textContent = 'Every tag needs a name.';
        return;
      }
      done = true;
      resolve(tags.map((t) => ({ ...t, name: t.name.trim() })));
      dialog.close();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      if (!done) resolve(null);
    });
  });
}
