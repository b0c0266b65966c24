// The app's settings the window shows and changes: the analyst's name and the reading size.
import type { AppState } from '../../corpus/api/api';
import { api } from '../bridge';
import { askAnalystName } from '../dialogs';
import { h } from '../dom';

const DEFAULT_FONT_SIZE = 19;

export class Settings {
  readonly analystButton = h('button', { type: 'button', class: 'analyst', title: 'Change the analyst name' });
  private state!: AppState;

  constructor() {
    this.analystButton.addEventListener('click', () => void this.changeAnalyst());
  }

  /** At start: the saved size applied, and the analyst's name asked for if there is none yet. */
  async load(): Promise<void> {
    this.state = await api.getAppState();
    this.applyFontSize(this.state.fontSize);
    if (!this.state.analyst) {
      const name = await askAnalystName(null, true);
      if (name) this.state = await api.setAnalyst(name);
    }
    this.renderAnalyst();
  }

  /** The state read again (after a corpus was opened). */
  async reload(): Promise<AppState> {
    this.state = await api.getAppState();
    return this.state;
  }

  async changeAnalyst(): Promise<void> {
    const name = await askAnalystName(this.state.analyst, false);
    if (name) {
      this.state = await api.setAnalyst(name);
      this.renderAnalyst();
    }
  }

  async fontStep(d: number): Promise<void> {
    await this.setFont(Math.min(40, Math.max(10, this.state.fontSize + d * 2)));
  }

  async resetFont(): Promise<void> {
    await this.setFont(DEFAULT_FONT_SIZE);
  }

  private async setFont(size: number): Promise<void> {
    this.applyFontSize(size);
    this.state = await api.setFontSize(size);
  }

  private applyFontSize(size: number): void {
    this.state = { ...this.state, fontSize: size };
    document.documentElement.style.setProperty('--reading-size', `${size}px`);
  }

  private renderAnalyst(): void {
    this.analystButton.textContent = this.state.analyst ? `Analyst: ${this.state.analyst}` : 'Set analyst…';
  }
}
