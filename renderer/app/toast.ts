// The short message at the bottom of the window (errors, notices), gone after a while.
import { h } from '../dom';

export class Toast {
  readonly el = h('div', { class: 'toast', role: 'alert', hidden: true });
  private timer = 0;

  show(message: string): void {
    this.el.textContent = message;
    this.el.hidden = false;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => (this.el.hidden = true), 8000);
  }
}
