/**
 * The records and helpers of the ledger (src/metrics/ledger.ts): string dictionaries, an agent's
 * record, a ticket's snapshot, and the small numeric helpers the fold shares.
 */
/** Interns strings as small integers. */
export class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];
  // Consecutive events usually carry the same tier or agent: skip the hash lookup then.
  private lastValue: string | undefined = undefined;
  private lastCode = -1;

  code(value: string | undefined): number {
    if (value === undefined) return -1;
    if (value === this.lastValue) return this.lastCode;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    this.lastValue = value;
    this.lastCode = code;
    return code;
  }

  /** The string of a code, or undefined for -1. */
  value(code: number): string | undefined {
    return code < 0 ? undefined : this.values[code];
  }
}

/** Paid and busy time of one agent inside the measured window. */
export class AgentRecord {
  onShiftTime = 0;
  busyTime = 0;
  /** Paid absence inside the agent's shifts (shrinkage): paid, but not available. */
  absentTime = 0;
  /** On-shift time worked as overtime (a stint opened by `shift_started`, kind `overtime`): paid at a premium. */
  overtimeTime = 0;
  overtimeSince: number | undefined = undefined;
  onShiftSince: number | undefined = undefined;
  busySince: number | undefined = undefined;
  absentSince: number | undefined = undefined;
  /** Days (whole days since the log origin) with on-shift time inside the measured window. */
  shiftDays = 0;
  /** The last day counted in `shiftDays` (a day is counted once, however many shifts touch it). */
  lastShiftDay = -1;
  /** On-shift and busy minutes per day since the log origin, inside the measured window (daily series). */
  readonly onShiftByDay: number[] = [];
  readonly busyByDay: number[] = [];
  constructor(
    readonly agent: string,
    public tier: string | undefined,
  ) {}
}

/** A plain snapshot of one ticket (tables, tests); the KPIs read the columns directly. */
export interface TicketSnapshot {
  ticket: number | string;
  createdAt: number;
  channel?: string;
  category?: string;
  priority?: string;
  customer?: string | number;
  firstReplyAt?: number;
  firstReplyKind?: string;
  /** Public agent replies, automatic ones excluded. */
  replies: number;
  autoReplies: number;
  lastResolvedAt?: number;
  resolvedCount: number;
  abandonedAt?: number;
  closedAt?: number;
  truthFixedAt?: number;
  /** Survey answers, if answered; and what the customer would have answered (simulated logs). */
  survey?: SurveyValue;
  truthSatisfaction?: SurveyValue;
  reopens: number;
  escalations: number;
  handleTime: number;
  workIntervals: number;
  lastAgent?: string;
  /** Total queue wait over all visits; undefined while a wait is still open at the end. */
  queueWait?: number;
  visits: Array<{ tier: string; queuedAt: number; assignedAt?: number; abandonedAt?: number }>;
}

/** Tickets grouped by the customer's issue (simulated logs: `truth_issue`); see `Ledger.issueTickets`. */
export interface IssueTickets {
  /** Row of a repeat ticket → row of its issue's first ticket. A row absent here starts an issue of its own. */
  firstOf: ReadonlyMap<number, number>;
  /**
   * Row of an issue's first ticket → every row of the issue, the first one first; only issues of two tickets or more.
   */
  members: ReadonlyMap<number, readonly number[]>;
}

/** Answers to a satisfaction survey. */
export interface SurveyValue {
  csat: number;
  ces: number;
  nps: number;
}

/** Reads a survey value: an object, or its JSON text (CSV logs); fields not numbers are NaN. */
export function surveyValue(value: unknown): SurveyValue {
  let record = value;
  if (typeof record === 'string') {
    try {
      record = JSON.parse(record) as unknown;
    } catch {
      record = undefined;
    }
  }
  const field = (name: string) => {
    const found = record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[name] : undefined;
    return typeof found === 'number'
      ? found
      : typeof found === 'string' && found.trim() !== ''
        ? Number(found)
        : Number.NaN;
  };
  return { csat: field('csat'), ces: field('ces'), nps: field('nps') };
}

/**
 * A column of dictionary codes (-1: none): a byte a row while the dictionary holds at most 128
 * strings (channels, priorities, tiers, most desks' agents), four bytes once it holds more.
 */
export type CodeColumn = Int8Array<ArrayBuffer> | Int32Array<ArrayBuffer>;
/** Largest code a byte column holds. */
export const NARROW_CODE_MAX = 127;
/** A column of per-ticket counts: a byte a row while every count is below 255, four bytes after. */
export type CountColumn = Uint8Array<ArrayBuffer> | Int32Array<ArrayBuffer>;
/** Largest count a byte column holds. */
export const NARROW_COUNT_MAX = 255;
/**
 * A column of survey answers (NaN: none): single precision while every answer is exactly a
 * single-precision number (the simulator's whole-number scores are), double after. A row
 * reads back exactly the number written either way.
 */
export type AnswerColumn = Float32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** The column with room for codes above `NARROW_CODE_MAX` (itself if it has it). */
export function widenCodes(column: CodeColumn): Int32Array<ArrayBuffer> {
  return column instanceof Int32Array ? column : new Int32Array(column);
}

/** The column with room for counts above `NARROW_COUNT_MAX` (itself if it has it). */
export function widenCounts(column: CountColumn): Int32Array<ArrayBuffer> {
  return column instanceof Int32Array ? column : new Int32Array(column);
}

/** The column with room for `value` exactly: itself, or its double-precision copy. */
export function answersFor(column: AnswerColumn, value: number): AnswerColumn {
  return Math.fround(value) === value || Number.isNaN(value) || column instanceof Float64Array
    ? column
    : new Float64Array(column);
}

export function grow<T extends Float64Array | Float32Array | Int32Array | Int8Array | Uint8Array>(
  array: T,
  capacity: number,
  fill: number,
): T {
  const next = new (array.constructor as { new (length: number): T })(capacity);
  next.set(array);
  next.fill(fill, array.length);
  return next;
}

/** Counts the days that the on-shift interval [start, end), clipped to [from, to), touches. */
export function countShiftDays(record: AgentRecord, start: number, end: number, from: number, to: number): void {
  const clippedStart = Math.max(start, from);
  const clippedEnd = Math.min(end, to);
  if (clippedEnd <= clippedStart) return;
  const firstDay = Math.max(Math.floor(clippedStart / MINUTES_PER_DAY), record.lastShiftDay + 1);
  const lastDay = Math.ceil(clippedEnd / MINUTES_PER_DAY) - 1;
  if (lastDay >= firstDay) {
    record.shiftDays += lastDay - firstDay + 1;
    record.lastShiftDay = lastDay;
  }
}

export const MINUTES_PER_DAY = 24 * 60;

/** Adds the minutes of [start, end), clipped to [from, to), to the days they fall on. */
export function addByDay(days: number[], start: number, end: number, from: number, to: number): void {
  let at = Math.max(start, from);
  const until = Math.min(end, to);
  while (at < until) {
    const day = Math.floor(at / MINUTES_PER_DAY);
    const dayEnd = Math.min((day + 1) * MINUTES_PER_DAY, until);
    while (days.length <= day) days.push(0);
    days[day]! += dayEnd - at;
    at = dayEnd;
  }
}

/** Clipped length of [start, end) inside [from, to). */
export function overlap(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}

export const optional = (value: number) => (Number.isNaN(value) ? undefined : value);
