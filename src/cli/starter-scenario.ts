/**
 * The scenario `desksim init` writes: a small, complete desk with a comment on every
 * section, so a new user can read it top to bottom and change what matters. It validates
 * and runs in a few seconds (a test checks both).
 */

import { parse } from 'yaml';

/** The starter scenario's YAML for a desk called `name`. */
export function starterScenario(name: string): string {
  // A file called true.yaml or 2026.yaml gives a name YAML would read as a boolean or a number.
  const nameYaml = parse(name) === name ? name : JSON.stringify(name);
  return `# ${name} — a desksim scenario. Every section below is optional except \`name\`;
# what you leave out takes its default. See every field, its default and its description with
#   desksim schema            (JSON Schema: point your editor's YAML plug-in at it)
#   desksim validate ${name}.yaml   (this file with every default filled in)
# Durations are minutes or strings: "45s", "15m", "4h", "2d", "1w". Shares are 0..1.

name: ${nameYaml}
description: A small two-tier support desk (edit me).

# --- Run control -------------------------------------------------------------------------
# Same seed ⇒ same results. Replications are independent runs; KPIs get 95 % confidence
# intervals across them. The first warmup_days are simulated but not measured (the desk
# starts empty).
seed: 1
replications: 5
horizon: { days: 21, warmup_days: 7 }

# --- Calendar ---------------------------------------------------------------------------
# When the simulation starts (local time), the time zone, and the opening hours that
# arrival patterns, shifts and a business-hours SLA clock follow.
clock:
  start: "2026-03-02T00:00:00"      # a Monday
  timezone: Europe/London
  business_hours:
    - { days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:30" }

# --- Ticket arrivals ----------------------------------------------------------------------
# Average tickets per hour over the whole week; pattern business_hours puts them in opening
# hours (profile: give hourly_profile and weekly_profile multipliers instead). Surges model
# incidents: { start, duration, multiplier }.
arrivals:
  rate_per_hour: 4
  pattern: business_hours

# --- Channels -----------------------------------------------------------------------------
# How customers write in. Chat and phone customers hang up if nobody picks up within their
# patience; email waits.
channels:
  email: { share: 0.7 }
  chat: { share: 0.3, response: on_pickup, patience: { dist: exponential, mean: 10m } }

# --- Priorities, work content and issue types --------------------------------------------
priorities:
  high: { share: 0.2 }
  normal: { share: 0.8 }

# Agent working time per ticket by complexity (mean/sd as a manager would state them).
complexity:
  simple: { handle_time: { dist: lognormal, mean: 10m, sd: 6m } }
  complex: { handle_time: { dist: lognormal, mean: 40m, sd: 25m } }

# Issue types: their share of tickets and how complex they are.
categories:
  how_to: { share: 0.6, complexity: { simple: 0.9, complex: 0.1 } }
  bug: { share: 0.4, complexity: { simple: 0.3, complex: 0.7 } }

# --- Support tiers ------------------------------------------------------------------------
# Who works the tickets. \`agents\` staffs the tier around the clock; \`shifts\` staffs it by
# day and hour instead. skill: chance the tier solves a ticket of each complexity (else it
# escalates to escalates_to); accuracy: chance a resolution really fixes the problem.
tiers:
  - id: tier1
    cost_per_hour: 30
    skill: { simple: 0.95, complex: 0.4 }
    accuracy: { simple: 0.95, complex: 0.8 }
    escalates_to: tier2
    shifts:
      - { name: day, agents: 3, days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:30" }
  - id: tier2
    cost_per_hour: 45
    shifts:
      - { name: day, agents: 1, days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:30" }

# Queue discipline: fifo, or priority (higher priorities first).
routing:
  discipline: priority

# --- Customers ----------------------------------------------------------------------------
# How often agents must ask for information, how fast customers answer, whether they come
# back when the problem was not really fixed, and the satisfaction survey.
customers:
  info_request: 0.1
  reply_delay: { dist: lognormal, mean: 3h, sd: 4h }
  return_when_not_fixed: 0.6
  survey: { share: 1, response_rate: 0.25 }

# --- Service-level agreement ----------------------------------------------------------------
# Targets per priority, counted in business hours (clock: calendar counts every hour).
sla:
  clock: business
  targets:
    high: { first_response: 2h, resolution: 1d }
    normal: { first_response: 8h, resolution: 3d }

# --- Costs and metric definitions ---------------------------------------------------------
costs: { per_ticket: 1, fixed_monthly: 2000 }
metrics:
  service_level_threshold: 1h       # service_level: share of tickets taken within this
  reopen_window_days: 7             # a reopen counts within this many days of resolution

# --- Management pressure --------------------------------------------------------------------
# Push one KPI and agents start gaming it (see docs/model.md), e.g.:
#   incentives: [{ kpi: first_response_time_mean, pressure: 0.7 }]
`;
}
