#!/usr/bin/env node
/** desksim's executable entry point. */
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2));
