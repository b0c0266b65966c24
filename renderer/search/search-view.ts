// Corpus search: results while typing, each hit in its context, opening the article at the
// exact original characters.
import type { SearchHit, SearchRequest, SearchResponse } from '../../corpus/api/api';
import type { Language } from '../../corpus/text/language';
import { defaultLenient } from '../../corpus/search/search-query';
import { clear, h, textAttrs } from '../dom';
import type { View, ViewContext } from '../view-context';
import { withVisibleControls } from '../visible-controls';

const DEBOUNCE_MS = 150;

export function createSearchView(ctx: ViewContext, box: HTMLInputElement): View {
  const lenient = h('input', { type: 'checkbox', class: 'lenient', checked: true });
  const wholeWord = h('input', { type: 'checkbox', class: 'whole-word' });
  const langs = (['fa', 'ar', 'en'] as Language[]).map((l) => {
    const input = h('input', { type: 'checkbox', value: l, class: `lang-${l}` });
    return { l, input, label: h('label', {}, input, ` ${l}`) };
  });
  const outlet = h('input', { type: 'text', class: 'outlet', placeholder: 'Outlet', dir: 'auto', 'aria-label': 'Outlet' });
  const from = h('input', { type: 'date', class: 'from', 'aria-label': 'From date' });
  const to = h('input', { type: 'date', class: 'to', 'aria-label': 'To date' });
  const tag = h('select', { class: 'tag', 'aria-label': 'Tag' });
  const status = h('p', { class: 'search-status', role: 'status' });
  const progress = h('progress', { class: 'index-progress', max: 1, value: 0, hidden: true });
  const list = h('ol', { class: 'hits', 'aria-label': 'Search results' });
  const el = h(
    'section',
    { class: 'view search-view' },
    h(
      'div',
      { class: 'search-options' },
      h('label', { title: 'A space may be missing, added or written as ZWNJ (گفت و گو = گفتوگو = گفت‌وگو)' }, lenient, ' lenient'),
      h('label', { title: 'Only the words as typed: no و، ال، بال… before them, no ها، ی، ه… after them' }, wholeWord, ' whole word'),
      ...langs.map((x) => x.label),
      outlet,
      from,
      to,
      tag,
      progress,
    ),
    status,
    list,
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  let lenientTouched = false;

  const request = (): SearchRequest | null => {
    const query = box.value.trim();
    if (!query) return null;
    // Until the user decides, the box shows what applies: lenient for Arabic-script queries.
    if (!lenientTouched) lenient.checked = defaultLenient(query);
    const language = langs.filter((x) => x.input.checked).map((x) => x.l);
    return {
      query,
      // Lenient matching is on by default for Arabic-script queries, as Persian needs it.
      lenient: lenient.checked,
      wholeWord: wholeWord.checked,
      filters: {
        ...(language.length ? { language } : {}),
        ...(outlet.value.trim() ? { outlet: outlet.value.trim() } : {}),
        ...(from.value ? { from: from.value } : {}),
        ...(to.value ? { to: to.value } : {}),
        ...(tag.value ? { tag: tag.value } : {}),
      },
      limit: 300,
    };
  };

  const run = async () => {
    const req = request();
    const mine = ++seq;
    if (!req) {
      clear(list);
      status.textContent = 'Type to search all articles. Letter variants, diacritics, ZWNJ and digit sets are folded.';
      return;
    }
    let res: SearchResponse;
    try {
      res = await ctx.api.search(req);
    } catch (error) {
      if (mine === seq) status.textContent = (error as Error).message;
      return;
    }
    if (mine !== seq) return;
    render(res);
    if (res.indexing) {
      // The index is still filling in: ask again so new hits appear.
      clearTimeout(timer);
      timer = setTimeout(() => void run(), 700);
    }
  };

  const render = (res: SearchResponse) => {
    const files = res.totalArticles;
    // The count is the engine's, as the CLI prints it; with very many articles it is counted up to a cap.
    const count = `${res.approximate ? 'at least ' : ''}${res.totalHits} hit${res.totalHits === 1 ? '' : 's'}`;
    status.textContent = `${count} in ${files} article${files === 1 ? '' : 's'}${res.hits.length < res.totalHits ? ` (first ${res.hits.length} shown)` : ''}`;
    progress.hidden = !res.indexing;
    if (res.indexing) {
      progress.max = Math.max(1, res.indexing.total);
      progress.value = res.indexing.done;
      status.textContent += ` — indexing ${res.indexing.done} of ${res.indexing.total}`;
    }
    clear(list);
    for (const hit of res.hits) list.append(hitItem(hit));
  };

  const hitItem = (hit: SearchHit) => {
    const at = hit.start - hit.contextStart;
    const len = hit.end - hit.start;
    const item = h(
      'li',
      { class: 'hit', tabIndex: 0, 'data-file': hit.file, 'data-start': hit.start, 'data-end': hit.end },
      h('span', { class: 'hit-headline', ...textAttrs(hit.language) }, ...withVisibleControls(hit.headline || hit.file)),
      h('span', { class: 'hit-file' }, ...withVisibleControls(hit.file)),
      h(
        'p',
        { class: 'hit-context', ...textAttrs(hit.language) },
        hit.context.slice(0, at),
        h('mark', {}, hit.context.slice(at, at + len)),
        hit.context.slice(at + len),
      ),
    );
    const open = () => void ctx.openInReader(hit.file, { start: hit.start, end: hit.end });
    item.addEventListener('click', open);
    item.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') open();
    });
    return item;
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };
  box.addEventListener('input', schedule);
  lenient.addEventListener('change', () => {
    lenientTouched = true;
    schedule();
  });
  for (const input of [wholeWord, outlet, from, to, tag, ...langs.map((x) => x.input)]) input.addEventListener('change', schedule);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') (list.querySelector('li.hit') as HTMLElement | null)?.focus();
  });

  return {
    el,
    show: () => {
      const current = tag.value;
      tag.replaceChildren(h('option', { value: '' }, 'Any tag'), ...ctx.taxonomy().map((t) => h('option', { value: t.id, selected: t.id === current }, t.name)));
      return run();
    },
    hide: () => clearTimeout(timer),
  };
}
