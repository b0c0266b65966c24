// The short message at the bottom of the window (errors, notices), gone after a while; it may
// carry one button (an export's "Show in folder").
import { h } from '../dom';

export interface ToastAction {
  label: string;
  run(): void;
}

export class Toast {
  readonly el = h('div', { class: 'toast', role: 'alert', hidden: true });
  private timer = 0;

  show(message: string, action?: ToastAction): void {
    const text = h('span', { class: 'toast-message' });
    text.textContent = message;
    this.el.replaceChildren(text);
    if (action) {
      const button = h('button', { type: 'button', class: 'toast-action' });
      button.textContent = action.label;
      button.addEventListener('click', () => {
        this.el.hidden = true;
        action.run();
      });
      this.el.append(button);
    }
    this.el.hidden = false;
    clearTimeout(this.timer);
    // A message with a button stays long enough to reach for it.
    this.timer = window.setTimeout(() => (this.el.hidden = true), action ? 15_000 : 8000);
  }
}
