/**
 * The programmes the desk carries, by id: one module each. Adding a programme is a
 * module folder plus one line here and its id in `programmes` (assistanceCase.ts).
 */
import type { Programme } from '../domain/assistanceCase';
import { AppError, type FieldError } from '../errors/appError';
import { dibaoModule } from './dibao/module';
import { rollRuleSpecs } from '../rolls/rollRules';
import { ruleBook, type ProgrammeRuleData, type RuleBook, type RuleSpec } from './ruleBook';
import { temporaryModule } from './temporary/module';
import { tekunModule } from './tekun/module';
import type { ProgrammeModule } from './types';

export const programmeModules: Readonly<Record<Programme, ProgrammeModule>> = {
  dibao: dibaoModule,
  tekun: tekunModule,
  temporary: temporaryModule,
};

export function isProgramme(id: unknown): id is Programme {
  return typeof id === 'string' && Object.hasOwn(programmeModules, id);
}

/** The module of a programme id; an unknown id (a forged op, an old desk) is refused. */
export function programmeModule(id: string): ProgrammeModule {
  if (!isProgramme(id)) {
    throw new AppError({
      code: 'validation',
      message: `No programme ${id}.`,
      fieldErrors: [
        { path: 'programme', code: 'case.programme_unknown', params: { programme: id } },
      ],
    });
  }
  return programmeModules[id];
}

/** Every rule key any module declares, with its spec. */
/** Every action any programme lets the county take (the admin API's and CLI's choices). */
export const countyActionIds: readonly [string, ...string[]] = (() => {
  const ids = new Set<string>();
  for (const module of Object.values(programmeModules) as ProgrammeModule[])
    for (const [id, action] of Object.entries(module.workflow.actions))
      if (action.roles.includes('county')) ids.add(id);
  const [first = 'confirm', ...rest] = [...ids];
  return [first, ...rest];
})();

export const allRuleSpecs: Readonly<Record<string, RuleSpec>> = Object.assign(
  {},
  ...Object.values(programmeModules).map((m) => m.rules),
  rollRuleSpecs,
);

/** The rule book over these records, samples of declared keys filling what is unpublished. */
export function programmeRuleBook(records: readonly Omit<ProgrammeRuleData, 'note'>[]): RuleBook {
  return ruleBook(records, allRuleSpecs);
}

/**
 * What is wrong with a rule record beyond its schema: a key no programme reads
 * (`rule.unknown`), a value outside the key's bounds (`rule.out_of_range`, params min/max).
 */
export function ruleRecordIssues(data: { key: string; value: number }): FieldError[] {
  const spec = Object.hasOwn(allRuleSpecs, data.key) ? allRuleSpecs[data.key] : undefined;
  if (!spec) return [{ path: 'key', code: 'rule.unknown', params: { key: data.key } }];
  if (data.value < spec.min || data.value > spec.max) {
    return [
      {
        path: 'value',
        code: 'rule.out_of_range',
        params: { key: data.key, min: spec.min, max: spec.max },
      },
    ];
  }
  return [];
}
