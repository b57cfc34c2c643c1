/**
 * The selective queue: with no choice it serves exactly like TicketQueue (lowest bucket,
 * then first come); it finds the easiest and the oldest unanswered ticket, and puts a ticket
 * back in the place it held.
 */
import { describe, expect, it } from 'vitest';
import { SelectiveQueue } from '../../../src/desk/selective-queue.js';
import { Ticket, TicketQueue } from '../../../src/desk/structures.js';

/** A ticket of channel 0 (email-like) or 1 (live), complexity 0..2, priority bucket 0..1. */
function ticket(id: number, complexity: number, bucket: number, channel = 0, replied = false): Ticket {
  const made = new Ticket();
  made.init(id, id, channel, 0, complexity, 0, bucket, id);
  made.replied = replied;
  made.tier = 0;
  return made;
}

// Complexity 1 is the easiest here (lowest mean handle time), then 0, then 2.
const queue = () => new SelectiveQueue(2, 3, [1, 0, 2], [false, true]);

describe('SelectiveQueue', () => {
  it('serves like TicketQueue when nobody chooses, through pushes, abandonments and takes', () => {
    const selective = queue();
    const plain = new TicketQueue(2, 0);
    let state = 7;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    const waiting: Ticket[] = [];
    const served: Array<[number | undefined, number | undefined]> = [];
    for (let id = 1; id <= 2000; id++) {
      const draw = random();
      if (draw < 0.5) {
        const made = ticket(
          id,
          Math.floor(random() * 3),
          Math.floor(random() * 2),
          Math.floor(random() * 2),
          random() < 0.3,
        );
        selective.push(made);
        plain.push(made);
        waiting.push(made);
      } else if (draw < 0.6 && waiting.length > 0) {
        // Abandonment: TicketQueue skips the stale entry later; SelectiveQueue removes it now.
        const gone = waiting.splice(Math.floor(random() * waiting.length), 1)[0]!;
        if (gone.queueLane >= 0) {
          gone.state = 4;
          selective.forget(gone);
          plain.forget();
        }
      } else {
        const next = selective.take();
        const reference = plain.take();
        served.push([next?.id, reference?.id]);
        if (next !== undefined) next.state = 1;
      }
      expect(selective.waiting).toBe(plain.waiting);
    }
    for (const [chosen, reference] of served) expect(chosen).toBe(reference);
  });

  it('finds the easiest ticket (then the lowest bucket, then the oldest), whatever the priority', () => {
    const selective = queue();
    for (const made of [ticket(1, 2, 0), ticket(2, 0, 0), ticket(3, 1, 1), ticket(4, 1, 0), ticket(5, 1, 0)])
      selective.push(made);
    expect([
      selective.takeEasiest()!.id,
      selective.takeEasiest()!.id,
      selective.takeEasiest()!.id,
      selective.take()!.id,
    ]).toEqual([4, 5, 3, 1]);
    expect(selective.waiting).toBe(1);
  });

  it('finds the oldest unanswered ticket, email-like only or live too', () => {
    const selective = queue();
    for (const made of [ticket(1, 0, 0, 0, true), ticket(2, 0, 1, 1), ticket(3, 0, 1, 0), ticket(4, 0, 1, 0)])
      selective.push(made);
    expect(selective.hasUnanswered(false)).toBe(true);
    expect(selective.takeUnanswered(false)!.id).toBe(3);
    expect(selective.takeUnanswered(true)!.id).toBe(2);
    expect(selective.takeUnanswered(true)!.id).toBe(4);
    expect(selective.hasUnanswered(true)).toBe(false);
    expect(selective.takeUnanswered(true)).toBeUndefined();
  });

  it('puts a ticket back in the place it held, answered now', () => {
    const selective = queue();
    const first = ticket(1, 0, 0);
    for (const made of [first, ticket(2, 0, 0, 0, true), ticket(3, 0, 0)]) selective.push(made);
    expect(selective.takeUnanswered(false)).toBe(first);
    first.replied = true;
    selective.restore(first);
    expect(selective.hasUnanswered(false)).toBe(true);
    expect([selective.take()!.id, selective.take()!.id, selective.take()!.id]).toEqual([1, 2, 3]);
    // A place reserved now is kept for a ticket that joins later.
    const late = ticket(4, 0, 0);
    selective.reserve(late);
    selective.push(ticket(5, 0, 0));
    selective.restore(late);
    expect(selective.take()!.id).toBe(4);
  });
});
