import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { programmeModules } from '@shared/programmes/registry';
import type { ProgrammeModule } from '@shared/programmes/types';
import { en } from '../../../console/src/i18n/en';
import { zhCN } from '../../../console/src/i18n/zh-CN';
import { factRows } from '../../../console/src/screens/queue/factRows';
import { workflowWords } from '../../../console/src/i18n/workflowWords';

/**
 * The console's case file words every programme's facts (issue #14 item 2): each leaf of
 * each module's factsSchema has a label, each of its enum or literal values a word, in
 * zh-CN and en. The schema is walked, so a new field or value without words fails here.
 */
interface Leaf {
  path: string;
  codes: string[];
}

type Schema = z.ZodType & { def: Record<string, unknown> & { type: string } };

function leaves(schema: Schema, path: string): Leaf[] {
  const def = schema.def;
  switch (def.type) {
    case 'object': {
      const shape = (schema as unknown as { shape: Record<string, Schema> }).shape;
      return Object.entries(shape).flatMap(([key, inner]) =>
        leaves(inner, path ? `${path}.${key}` : key),
      );
    }
    case 'union': {
      const options = (def as unknown as { options: Schema[] }).options;
      const all = options.flatMap((o) => leaves(o, path));
      const byPath = new Map<string, Set<string>>();
      for (const leaf of all) {
        const codes = byPath.get(leaf.path) ?? new Set<string>();
        leaf.codes.forEach((c) => codes.add(c));
        byPath.set(leaf.path, codes);
      }
      return [...byPath].map(([p, codes]) => ({ path: p, codes: [...codes] }));
    }
    case 'default':
    case 'nullable':
    case 'optional':
    case 'pipe':
      return leaves(
        ((def as unknown as { innerType?: Schema; in?: Schema }).innerType ??
          (def as unknown as { in: Schema }).in) as Schema,
        path,
      );
    case 'enum':
      return [{ path, codes: Object.values((def as unknown as { entries: object }).entries) }];
    case 'literal':
      return [{ path, codes: (def as unknown as { values: unknown[] }).values.map(String) }];
    default:
      return [{ path, codes: [] }];
  }
}

const modules = Object.values(programmeModules) as ProgrammeModule[];
const dictionaries = { 'zh-CN': zhCN as Record<string, string>, en: en as Record<string, string> };

describe("the console's words for every programme's facts", () => {
  it.each(modules.map((m) => [m.id, m] as const))('words %s', (id, module) => {
    const found = leaves(module.factsSchema as unknown as Schema, '');
    const wanted = found.flatMap((leaf) => {
      const valuePath = leaf.path.replace(/^selfCare\.items\.[^.]+$/, 'selfCare.items.*');
      return [
        `fact.${id}.${leaf.path}`,
        ...leaf.codes.map((code) => `factValue.${id}.${valuePath}.${code}`),
      ];
    });
    for (const [language, words] of Object.entries(dictionaries)) {
      expect(
        wanted.filter((key) => !words[key]),
        language,
      ).toEqual([]);
    }
    // The rows the case file shows for the module's starting facts use these keys.
    for (const row of factRows(id, module.defaultFacts())) {
      expect(wanted, row.path).toContain(row.labelKey);
    }
  });

  it('finds the facts of 特困 and 临时救助', () => {
    const paths = (id: 'tekun' | 'temporary') =>
      leaves(programmeModules[id].factsSchema as unknown as Schema, '').map((l) => l.path);
    expect(paths('tekun')).toContain('support.carerName');
    expect(paths('tekun')).toContain('selfCare.items.bathing');
    expect(paths('temporary')).toContain('proposedFen');
  });
});

describe("the console's words for every programme's statuses and steps", () => {
  const worded = (language: 'zh-CN' | 'en', key: string) =>
    Boolean(dictionaries[language][key] ?? workflowWords[language][key]);
  it.each(modules.map((m) => [m.id, m] as const))('words %s', (_id, module) => {
    const keys = [
      ...module.workflow.states.map((s) => `status.${s}`),
      ...Object.keys(module.workflow.actions).map((a) => `action.${a}`),
    ];
    for (const language of ['zh-CN', 'en'] as const) {
      expect(
        keys.filter((key) => !worded(language, key)),
        language,
      ).toEqual([]);
    }
  });
});
