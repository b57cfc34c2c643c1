/**
 * Desk-wide KPIs of satisfaction and surveys: response rate, CSAT, NPS and CES (in report order).
 */
import type { KpiDefinition } from './catalog-definition.js';
import { meanOf, satisfiedFlags, shareOf } from './log-columns.js';

/** These KPIs, in report order; src/metrics/catalog.ts assembles the families into KPI_CATALOG. */
export const SATISFACTION_KPIS = [
  {
    id: 'survey_response_rate',
    label: 'Survey response rate',
    better: 'higher',
    unit: 'share',
    definition: 'Surveys answered / surveys sent.',
    needs: ['survey_sent'],
    compute: (context) => {
      const { ledger, tickets } = context;
      let sent = 0;
      let answered = 0;
      for (let index = 0; index < tickets.length; index++) {
        const ticket = tickets[index]!;
        sent += ledger.surveysSent[ticket]!;
        if (
          ledger.surveysSent[ticket]! > 0 &&
          !(Number.isNaN(ledger.csat[ticket]!) && Number.isNaN(ledger.nps[ticket]!))
        )
          answered++;
      }
      return sent === 0 ? null : answered / sent;
    },
  },
  {
    id: 'csat_mean',
    label: 'CSAT, mean (1–5)',
    better: 'higher',
    daily: 9,
    truth: { kpi: 'true_satisfaction_mean', measure: 'Satisfaction, mean (1–5)' },
    unit: 'score',
    definition: 'Mean survey CSAT (1–5) over answered surveys.',
    range: [1, 5],
    needs: ['survey_answered'],
    compute: (context) => meanOf(context, context.ledger.csat),
  },
  {
    id: 'csat_satisfied_share',
    label: 'CSAT satisfied (4–5)',
    better: 'higher',
    truth: { kpi: 'true_satisfied_share', measure: 'Satisfied customers (CSAT 4–5)' },
    unit: 'share',
    definition: 'Share of CSAT answers that are 4 or 5.',
    needs: ['survey_answered'],
    compute: (context) => shareOf(context, satisfiedFlags(context)),
  },
  {
    id: 'nps',
    label: 'Net promoter score',
    better: 'higher',
    unit: 'score',
    definition: 'Net promoter score of survey answers: % promoters (9–10) − % detractors (0–6), −100..100.',
    range: [-100, 100],
    needs: ['survey_answered'],
    compute: (context) => {
      const { ledger, tickets } = context;
      let promoters = 0;
      let detractors = 0;
      let answers = 0;
      for (let index = 0; index < tickets.length; index++) {
        const ticket = tickets[index]!;
        const score = ledger.nps[ticket]!;
        if (Number.isNaN(score)) continue;
        answers++;
        if (score >= 9) promoters++;
        else if (score <= 6) detractors++;
      }
      return answers === 0 ? null : (100 * (promoters - detractors)) / answers;
    },
  },
  {
    id: 'ces_mean',
    label: 'Customer effort, mean (1–7)',
    better: 'lower',
    unit: 'score',
    definition: 'Mean customer effort score (1–7, lower is easier) of survey answers.',
    range: [1, 7],
    needs: ['survey_answered'],
    compute: (context) => meanOf(context, context.ledger.ces),
  },
] as const satisfies readonly KpiDefinition[];
