/**
 * PLACEHOLDER so the registry compiles while the module is written (issue #13): the
 * 低保 frame with no facts of its own. Replaced by the real module.
 */
import { z } from 'zod';
import type { ProgrammeModule } from '../types';
import { dibaoModule } from '../dibao/module';

export const temporaryModule: ProgrammeModule = {
  ...dibaoModule,
  id: 'temporary',
  factsSchema: z.object({}).passthrough(),
  rules: {},
  excludes: [],
};
