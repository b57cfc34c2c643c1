/** The axes of an hour × weekday heat map (staffing needs, waits by hour of the week). */

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Hours of the day across, labelled every three hours. */
export function hourAxis(title: string) {
  return { field: 'hour', type: 'ordinal', title, axis: { labelAngle: 0, values: [0, 3, 6, 9, 12, 15, 18, 21] } };
}

/** Weekdays down, Monday first. */
export const WEEKDAY_AXIS = { field: 'weekday', type: 'ordinal', sort: WEEKDAYS, title: null };
