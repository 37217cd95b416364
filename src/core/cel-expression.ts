import { parse as parseCel } from '@marcbachmann/cel-js';
import { z } from 'zod';

/** A CEL expression that parses; the message points at the error (evaluation errors are "no match" at run time). */
export const CelExpressionSchema = z
  .string()
  .min(1)
  .superRefine((expression, context) => {
    try {
      parseCel(expression);
    } catch (error) {
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      context.addIssue({ code: 'custom', message: `is not a valid CEL expression (${detail}): ${expression}` });
    }
  });
