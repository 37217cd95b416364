#!/usr/bin/env node
/** Entry point of the `opsloop` command. */
import { CommanderError } from 'commander';
import { OpsError } from '../core/errors.js';
import { InputError } from './input-error.js';
import { buildProgram } from './program.js';

/** Exit code for mistakes in what was given (settings, input files), distinct from runtime failures (1). */
const EXIT_INPUT = 2;

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed the usage error (or the help, or the version, exit code 0).
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_INPUT;
  } else if ((error instanceof OpsError && error.code === 'OPS_ERR_CONFIG') || error instanceof InputError) {
    // A person made a typo: say what and where, without a stack trace.
    console.error(`opsloop: ${error.message}`);
    process.exitCode = EXIT_INPUT;
  } else {
    console.error(`opsloop: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
