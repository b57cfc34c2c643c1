#!/usr/bin/env python3
"""SimPy baseline for the desksim M/M/c benchmark.

Models the same M/M/c help desk as desksim's benchmark in the idiomatic SimPy
way: a ``simpy.Resource(capacity=c)`` for the agents, a source process that
creates customers with exponential inter-arrival times, and one process per
customer that requests an agent, records its wait and holds the agent for an
exponential service time. Time unit: minutes; rates are per minute.

The first N customers to arrive are simulated (the source then stops) and the
run ends when all N have departed. Statistics cover all N customers from an
empty start (no warm-up), matching what the TypeScript benchmark measures.

Usage:
    python3 bench/simpy_mmc.py --servers 10 --arrival-rate 0.9 \
        --service-rate 0.1 --customers 200000 --seed 1

Prints exactly one JSON line on stdout:
    {"customers": N, "seconds": ..., "customers_per_second": ...,
     "mean_wait": ..., "probability_wait": ...}
where "seconds" is the wall time of ``env.run`` only (time.perf_counter) and
"cpu_seconds" its process CPU time (time.process_time), which VM steal does not inflate.

Requires SimPy (Debian: ``apt-get install python3-simpy3``). If the running
interpreter cannot import it (e.g. a pyenv Python), the Debian dist-packages
directory is tried as a fallback.
"""

import argparse
import json
import random
import sys
import time

try:
    import simpy
except ImportError:  # pragma: no cover - depends on the host's Python setup
    DEBIAN_DIST_PACKAGES = "/usr/lib/python3/dist-packages"
    sys.path.append(DEBIAN_DIST_PACKAGES)
    try:
        import simpy
    except ImportError:
        sys.exit("simpy is not installed: apt-get install python3-simpy3 (or pip install simpy)")


class WaitStatistics:
    """Running totals of the customers' waits in queue and departures."""

    def __init__(self, customers, done):
        self.customers = customers
        self.done = done
        self.departed = 0
        self.wait_sum = 0.0
        self.waited = 0

    def record_wait(self, wait):
        self.wait_sum += wait
        if wait > 0:
            self.waited += 1

    def record_departure(self):
        self.departed += 1
        if self.departed == self.customers:
            self.done.succeed()


def customer(env, agents, service_rate, rng, statistics):
    """One customer: queue for an agent, record the wait, get served, leave."""
    arrival = env.now
    with agents.request() as request:
        yield request
        statistics.record_wait(env.now - arrival)
        yield env.timeout(rng.expovariate(service_rate))
    statistics.record_departure()


def source(env, agents, arrival_rate, service_rate, customers, rng, statistics):
    """Poisson arrivals: start `customers` customer processes, then stop."""
    for _ in range(customers):
        yield env.timeout(rng.expovariate(arrival_rate))
        env.process(customer(env, agents, service_rate, rng, statistics))


def run(servers, arrival_rate, service_rate, customers, seed):
    """Simulate the M/M/c queue and return the benchmark result dictionary."""
    rng = random.Random(seed)
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=servers)
    done = env.event()
    statistics = WaitStatistics(customers, done)
    env.process(source(env, agents, arrival_rate, service_rate, customers, rng, statistics))

    start = time.perf_counter()
    cpu_start = time.process_time()
    env.run(until=done)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start

    return {
        "customers": statistics.departed,
        "seconds": seconds,
        "customers_per_second": statistics.departed / seconds,
        "cpu_seconds": cpu_seconds,
        "customers_per_cpu_second": statistics.departed / cpu_seconds,
        "mean_wait": statistics.wait_sum / statistics.departed,
        "probability_wait": statistics.waited / statistics.departed,
    }


def positive_int(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {text}")
    return value


def positive_float(text):
    value = float(text)
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a finite positive number, got {text}")
    return value


def main(argv=None):
    parser = argparse.ArgumentParser(description="SimPy M/M/c benchmark baseline (minutes).")
    parser.add_argument("--servers", type=positive_int, required=True, help="number of agents c")
    parser.add_argument("--arrival-rate", type=positive_float, required=True, help="λ per minute")
    parser.add_argument("--service-rate", type=positive_float, required=True, help="μ per agent per minute")
    parser.add_argument("--customers", type=positive_int, required=True, help="customers to simulate")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    arguments = parser.parse_args(argv)
    if arguments.arrival_rate >= arguments.servers * arguments.service_rate:
        print(
            "warning: arrival rate >= servers x service rate; the queue is unstable",
            file=sys.stderr,
        )
    result = run(
        arguments.servers,
        arguments.arrival_rate,
        arguments.service_rate,
        arguments.customers,
        arguments.seed,
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
