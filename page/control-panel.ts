/**
 * The settings panel: each control a slider with a number box (which also takes values the
 * slider cannot, so validation has something to say), grouped; issues shown beside the
 * control they are about, the rest in a list above the results.
 */
import { formatDuration } from '../src/engine/duration.js';
import { kpiLabel } from '../src/report/labels.js';
import type { ScenarioIssue } from '../src/document/errors.js';
import { CONTROL_GROUPS, controlForIssue, type Control } from './controls.js';

export class ControlPanel {
  private controls: readonly Control[] = [];
  /** Values the user set (control path → value), shared with the page; absent = the scenario's own. */
  private values = new Map<string, number>();

  constructor(
    private readonly aside: HTMLElement,
    private readonly issueList: HTMLUListElement,
    private readonly onChange: () => void,
  ) {}

  /** Builds the controls of a scenario, grouped. */
  render(controls: readonly Control[], values: Map<string, number>): void {
    this.controls = controls;
    this.values = values;
    this.aside.replaceChildren();
    for (const group of CONTROL_GROUPS) {
      const members = controls.filter((control) => control.group === group);
      if (members.length === 0) continue;
      const details = document.createElement('details');
      details.open = group !== 'Gaming behaviours' && group !== 'Knowledge';
      details.innerHTML = `<summary>${group}</summary>`;
      for (const control of members) details.append(this.element(control));
      this.aside.append(details);
    }
  }

  private wrapper(path: string): HTMLElement | null {
    return this.aside.querySelector<HTMLElement>(`.control[data-path="${CSS.escape(path)}"]`);
  }

  private element(control: Control): HTMLElement {
    const wrapper = document.createElement('div');
    wrapper.className = 'control';
    wrapper.dataset.path = control.path;
    const id = `control-${control.path.replace(/[^A-Za-z0-9]+/g, '-')}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = control.group === 'Incentive pressure' ? kpiLabel(control.label) : control.label;
    label.title = control.help;
    const range = Object.assign(document.createElement('input'), {
      type: 'range',
      min: String(control.minimum),
      max: String(control.maximum),
      step: String(control.step),
    });
    range.setAttribute('aria-label', `${label.textContent} (slider)`);
    const number = Object.assign(document.createElement('input'), { type: 'number', id, step: String(control.step) });
    const shown = Object.assign(document.createElement('span'), { className: 'shown' });
    const error = Object.assign(document.createElement('p'), { className: 'error', hidden: true });
    const inputs = document.createElement('div');
    inputs.className = 'inputs';
    inputs.append(range, number);
    wrapper.append(label, inputs, shown, error);
    this.show(wrapper, control, this.values.get(control.path) ?? control.value);
    const changed = (text: string) => {
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) return;
      this.set(control.path, value);
      this.onChange();
    };
    range.addEventListener('input', () => changed(range.value));
    number.addEventListener('change', () => changed(number.value));
    return wrapper;
  }

  private show(wrapper: HTMLElement, control: Control, value: number): void {
    wrapper.querySelectorAll('input').forEach((input) => (input.value = String(value)));
    wrapper.querySelector('.shown')!.textContent = control.duration ? formatDuration(value) : '';
    wrapper.classList.toggle('changed', value !== control.value);
  }

  /** Sets a control's value (as if the user had), without running anything. */
  set(path: string, value: number): void {
    const control = this.controls.find((candidate) => candidate.path === path);
    if (control === undefined) return;
    if (value === control.value) this.values.delete(path);
    else this.values.set(path, value);
    const wrapper = this.wrapper(path);
    if (wrapper !== null) this.show(wrapper, control, value);
  }

  /** Issues beside their controls; the rest in the list above the results. */
  showIssues(issues: readonly ScenarioIssue[]): void {
    this.aside.querySelectorAll<HTMLElement>('.control').forEach((wrapper) => {
      wrapper.classList.remove('invalid');
      const error = wrapper.querySelector<HTMLElement>('.error')!;
      error.hidden = true;
      error.textContent = '';
    });
    const unplaced: ScenarioIssue[] = [];
    for (const issue of issues) {
      const control = controlForIssue(this.controls, this.values, issue.path);
      const wrapper = control && this.wrapper(control.path);
      if (!wrapper) {
        unplaced.push(issue);
        continue;
      }
      wrapper.classList.add('invalid');
      const error = wrapper.querySelector<HTMLElement>('.error')!;
      error.hidden = false;
      error.textContent = `${error.textContent ? `${error.textContent} ` : ''}${issue.path}: ${issue.message}`;
    }
    this.issueList.hidden = unplaced.length === 0;
    const item = (issue: ScenarioIssue) =>
      Object.assign(document.createElement('li'), { textContent: `${issue.path}: ${issue.message}` });
    this.issueList.replaceChildren(...unplaced.map(item));
  }
}
