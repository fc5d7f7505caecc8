import { z } from 'zod';
import { officeCodeProblem } from './officeCode';
import { areaCodeProblem } from './regionCode';

/** A zod string that reports exactly one code from `problem` ('' → 必填, not a format). */
const oneProblem = (problem: (value: string) => string | null) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const code = problem(value);
      if (code) ctx.addIssue({ code: 'custom', message: code, params: { value } });
    });

/** 6-digit administrative division code (GB/T 2260 shape) of a township or county. */
export const areaCodeSchema = oneProblem(areaCodeProblem);

/** The permanent office code (see officeCode.ts). */
export const officeCodeSchema = oneProblem(officeCodeProblem);
