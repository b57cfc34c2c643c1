/**
 * The desk's sources of new tickets: the main arrival process and one per incident surge,
 * each with its own stream. Not calendar entries: a source always has exactly one next
 * arrival, kept here, and the event loop (simulate.ts) merges the next one with the calendar.
 */
import { BusyDaysRate, busyDayFactors } from '../engine/arrivals.js';
import { ThinningArrivals, createStream } from '../engine/index.js';
import type { DeskModel } from './desk-model.js';
import { MINUTES_PER_DAY } from './mechanisms/index.js';

/** A source of new tickets: the main arrival process or an incident surge. */
export class ArrivalSource {
  /** The next arrival (Infinity: none up to the horizon). */
  due = Number.POSITIVE_INFINITY;
  /** When `due` was drawn, counting arrival draws: at equal times the earlier draw goes first. */
  drawn = 0;
  constructor(
    readonly process: ThinningArrivals,
    /** Category forced on its tickets, or -1 to draw from the mix. */
    readonly category: number,
  ) {}
}

/** Every arrival source of one replication, and the one whose arrival is next. */
export class ArrivalSources {
  private readonly sources: ArrivalSource[] = [];
  /** The source whose arrival is next (null: none up to the horizon). */
  next: ArrivalSource | null = null;
  private draws = 0;

  constructor(
    private readonly model: DeskModel,
    private readonly replication: number,
  ) {}

  /** The first arrival of each source. */
  start(): void {
    const model = this.model;
    // Forecast error has its own stream: turning it on changes the arrivals, no other draw.
    const cv = model.scenario.arrivals.busyness_cv ?? 0;
    const busy =
      cv === 0
        ? undefined
        : busyDayFactors(
            model.horizon / MINUTES_PER_DAY,
            cv,
            createStream(model.scenario.seed, this.replication, 'arrivals.busyness'),
          );
    const rate = busy === undefined ? model.arrivalRate : new BusyDaysRate(model.arrivalRate, busy);
    const main = new ArrivalSource(
      new ThinningArrivals(rate, createStream(model.scenario.seed, this.replication, 'arrivals')),
      -1,
    );
    this.sources.push(main);
    this.schedule(main, 0);
    model.incidents.forEach((incident, index) => {
      const stream = createStream(model.scenario.seed, this.replication, `arrivals.incident.${index}`);
      const source = new ArrivalSource(new ThinningArrivals(incident.rate, stream), incident.category);
      this.sources.push(source);
      this.schedule(source, incident.start);
    });
  }

  /** Draws a source's next arrival, and finds the source whose arrival is next. */
  schedule(source: ArrivalSource, after: number): void {
    const time = source.process.next(after);
    source.due = time <= this.model.horizon ? time : Number.POSITIVE_INFINITY;
    source.drawn = this.draws++;
    const sources = this.sources;
    let next: ArrivalSource | null = null;
    for (let index = 0; index < sources.length; index++) {
      const candidate = sources[index]!;
      if (candidate.due === Number.POSITIVE_INFINITY) continue;
      if (next === null || candidate.due < next.due || (candidate.due === next.due && candidate.drawn < next.drawn))
        next = candidate;
    }
    this.next = next;
  }
}
