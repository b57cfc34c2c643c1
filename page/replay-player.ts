/**
 * The replay of the first replication on a canvas: one lane per tier with a square for each
 * ticket waiting in its queue at the moment shown (oldest first), coloured by what became
 * of it in truth, and below, every tier's queue length over the whole run with a cursor.
 * Play, pause and scrub; the speed is simulated time per real second.
 */
import { tierLabel } from '../src/report/labels.js';
import { FATE, queueSeries, waitingAt, type Replay } from './replay-recorder.js';

const FATE_COLORS: Record<number, string> = {
  [FATE.fixed]: '#2e8b57',
  [FATE.notFixed]: '#c0392b',
  [FATE.open]: '#9a9a9a',
};
const HIDDEN_COLOR = '#3366aa';
const TIER_COLORS = ['#3366aa', '#dd7722', '#2e8b57', '#8e44ad', '#7f8c8d'];
const LANE = 70;
const CHART = 130;
const SQUARE = 7;
const STEPS = 800;

/** Simulated minutes per real second, by the speed selector's value. */
export const SPEEDS: Record<string, number> = {
  '1 hour / s': 60,
  '6 hours / s': 360,
  '1 day / s': 1440,
  '3 days / s': 4320,
};

export class ReplayPlayer {
  private replay: Replay | undefined;
  private series: number[][] = [];
  private time = 0;
  private playing = false;
  private last = 0;
  private hideTruth = false;
  private readonly context: CanvasRenderingContext2D;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly scrub: HTMLInputElement,
    private readonly playButton: HTMLButtonElement,
    private readonly speed: HTMLSelectElement,
    private readonly clock: HTMLElement,
  ) {
    this.context = canvas.getContext('2d')!;
    for (const label of Object.keys(SPEEDS))
      speed.add(new Option(label, label, label === '6 hours / s', label === '6 hours / s'));
    playButton.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
    scrub.addEventListener('input', () => {
      this.time = Number(scrub.value);
      this.draw();
    });
  }

  /** A new replay; keeps the moment shown when it is inside the new run. */
  load(replay: Replay): void {
    this.replay = replay;
    this.series = queueSeries(replay, STEPS);
    this.canvas.height = replay.tiers.length * LANE + CHART + 30;
    this.scrub.max = String(Math.floor(replay.horizon));
    if (this.time === 0 || this.time > replay.horizon) this.time = replay.measureFrom;
    this.scrub.disabled = false;
    this.playButton.disabled = false;
    this.draw();
  }

  setHideTruth(hide: boolean): void {
    this.hideTruth = hide;
    this.draw();
  }

  play(): void {
    if (this.replay === undefined) return;
    if (this.time >= this.replay.horizon) this.time = 0;
    this.playing = true;
    this.playButton.textContent = 'Pause';
    this.playButton.dataset.playing = 'true';
    this.last = performance.now();
    requestAnimationFrame((now) => this.tick(now));
  }

  pause(): void {
    this.playing = false;
    this.playButton.textContent = 'Play';
    this.playButton.dataset.playing = 'false';
  }

  private tick(now: number): void {
    if (!this.playing || this.replay === undefined) return;
    this.time = Math.min(
      this.replay.horizon,
      this.time + ((now - this.last) / 1000) * (SPEEDS[this.speed.value] ?? 360),
    );
    this.last = now;
    this.draw();
    if (this.time >= this.replay.horizon) this.pause();
    else requestAnimationFrame((next) => this.tick(next));
  }

  private draw(): void {
    const replay = this.replay;
    if (replay === undefined) return;
    this.scrub.value = String(Math.round(this.time));
    const moment = new Date(replay.originEpochMs + this.time * 60_000);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: replay.timezone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(moment);
    const warmUp = this.time < replay.measureFrom ? ' — warm-up, not measured' : '';
    this.clock.textContent = `Day ${Math.floor(this.time / 1440) + 1}, ${local} (${replay.timezone})${warmUp}`;
    this.clock.dataset.minute = String(Math.round(this.time));

    const context = this.context;
    const width = this.canvas.width;
    context.clearRect(0, 0, width, this.canvas.height);
    context.font = '13px Helvetica, Arial, sans-serif';
    const waiting = waitingAt(replay, this.time);
    const perRow = Math.floor((width - 150) / (SQUARE + 2));
    const rows = Math.floor((LANE - 22) / (SQUARE + 2));
    replay.tiers.forEach((tier, lane) => {
      const top = lane * LANE;
      const tickets = waiting[lane]!;
      context.fillStyle = '#1f2328';
      context.fillText(tierLabel(tier), 4, top + 18);
      context.fillStyle = '#59636e';
      context.fillText(`${tickets.length} waiting`, 4, top + 36);
      tickets.slice(0, perRow * rows).forEach((index, position) => {
        context.fillStyle = this.hideTruth ? HIDDEN_COLOR : FATE_COLORS[replay.fate[index]!]!;
        context.fillRect(
          150 + (position % perRow) * (SQUARE + 2),
          top + 8 + Math.floor(position / perRow) * (SQUARE + 2),
          SQUARE,
          SQUARE,
        );
      });
      if (tickets.length > perRow * rows) {
        context.fillStyle = '#59636e';
        context.fillText(`+${tickets.length - perRow * rows} more`, width - 80, top + LANE - 8);
      }
    });

    const top = replay.tiers.length * LANE + 10;
    const left = 150;
    const plotWidth = width - left - 10;
    const highest = Math.max(1, ...this.series.flat());
    context.fillStyle = '#f3f4f6';
    context.fillRect(left, top, (replay.measureFrom / replay.horizon) * plotWidth, CHART);
    context.strokeStyle = '#d8dee4';
    context.strokeRect(left, top, plotWidth, CHART);
    context.fillStyle = '#59636e';
    context.fillText('Queue length', 4, top + 14);
    context.fillText(`max ${highest}`, 4, top + 32);
    this.series.forEach((points, lane) => {
      context.strokeStyle = TIER_COLORS[lane % TIER_COLORS.length]!;
      context.beginPath();
      points.forEach((count, step) => {
        const x = left + (step / STEPS) * plotWidth;
        const y = top + CHART - (count / highest) * (CHART - 4);
        if (step === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      });
      context.stroke();
      context.fillStyle = TIER_COLORS[lane % TIER_COLORS.length]!;
      context.fillText(tierLabel(replay.tiers[lane]!), 4, top + 52 + lane * 16);
    });
    const cursor = left + (this.time / replay.horizon) * plotWidth;
    context.strokeStyle = '#1f2328';
    context.beginPath();
    context.moveTo(cursor, top);
    context.lineTo(cursor, top + CHART);
    context.stroke();
  }
}
