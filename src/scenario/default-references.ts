/**
 * What a default's source may be (docs/defaults.md): a published work whose text was checked, or
 * "assumption" with a reason. A figure that is widely repeated but whose original was not read is
 * an assumption too, and says so; a citation is never written from memory.
 */

/** The published works defaults are taken from, each checked against its text. */
export const REFERENCES = {
  'Brown et al. 2005': {
    citation:
      'L. Brown, N. Gans, A. Mandelbaum, A. Sakov, H. Shen, S. Zeltyn, L. Zhao (2005), "Statistical analysis of ' +
      'a telephone call center: a queueing-science perspective", Journal of the American Statistical Association ' +
      '100(469): a year of a bank call centre, call by call — service times close to lognormal, arrivals an ' +
      'inhomogeneous Poisson process.',
  },
  'FLSA 1938': {
    citation:
      'US Fair Labor Standards Act of 1938, 29 U.S.C. § 207: hours beyond 40 a week are paid at not less than one ' +
      'and one-half times the regular rate.',
  },
  'WFM Labs wiki': {
    citation:
      'WFM Labs, "Speed to proficiency curve" (wiki.wfmlabs.org): practitioner inputs are typically a new-hire ' +
      'handle time of 1.3–1.8 × the tenured one and 3–6 months to proficiency for routine work.',
  },
  'Call Centre Helper': {
    citation:
      'Call Centre Helper, "Why Should Your Occupancy Rate NOT Exceed 85%?" (callcentrehelper.com): above 85 % ' +
      'occupancy (busy share of logged-in time) agents burn out and quality falls.',
  },
  'GitLab Support (Zendesk)': {
    citation:
      'GitLab Support, "Re-enable reminders for pending tickets, reduce pending days, increase solved days" ' +
      '(gitlab-com/support/support-team-meta issue 3125): their Zendesk closes a solved ticket after 7 calendar ' +
      "days without the customer's reply. ServiceNow's Customer Service Management auto-closes a resolved case " +
      'after 10 days by default (ServiceNow docs, "Automatically close customer service cases").',
  },
} as const satisfies Record<string, { citation: string }>;

/** The short name of a checked reference, as the source column shows it. */
export type ReferenceName = keyof typeof REFERENCES;

/** A value chosen by the project, with the reason in `why`. */
export const ASSUMPTION = 'assumption';
/** A figure repeated in industry writing whose original the project has not read. */
export const UNCHECKED = 'assumption (commonly cited figure; source not checked)';

/** Where a default comes from, and why it is what it is. */
export interface DefaultSource {
  source: ReferenceName | typeof ASSUMPTION | typeof UNCHECKED;
  /** One line: the reason, or what the source says that gives the value. */
  why: string;
}

/** A default the project chose, and why. */
export function assumption(why: string): DefaultSource {
  return { source: ASSUMPTION, why };
}

/** A default that is off, zero or one so that the mechanism does nothing unless a scenario asks for it. */
export function neutral(why: string): DefaultSource {
  return { source: ASSUMPTION, why: `neutral: ${why}` };
}

/** A default taken from a commonly cited figure whose source was not checked. */
export function unchecked(why: string): DefaultSource {
  return { source: UNCHECKED, why };
}

/** A default taken from a checked reference. */
export function cited(source: ReferenceName, why: string): DefaultSource {
  return { source, why };
}
