#!/usr/bin/env node
/** Entry point of the `opsloop` command. */
import { OpsError } from '../core/errors.js';
import { buildProgram } from './program.js';

/** Exit code for configuration mistakes, distinct from runtime failures (1). */
const EXIT_CONFIG = 2;

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof OpsError && error.code === 'OPS_ERR_CONFIG') {
    // A person made a typo: say what and where, without a stack trace.
    console.error(`opsloop: ${error.message}`);
    process.exitCode = EXIT_CONFIG;
  } else {
    console.error(`opsloop: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
