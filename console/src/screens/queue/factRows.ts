/**
 * A case's programme facts as rows of the case file, whatever the programme: each leaf
 * with its path (`support.carerName`), the key of its words (`fact.<programme>.<path>`,
 * a self-care item's as `selfCare.items.*` for its value) and its value.
 */
export interface FactRow {
  path: string;
  labelKey: string;
  /** The key of a coded value's words; null when the value is shown as it is. */
  valueKey: string | null;
  value: string | number | boolean | null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A coded value: lower-case letters and underscores (`acute_illness`), not free text. */
const isCode = (v: string) => /^[a-z][a-z_]*$/.test(v);

export function factRows(programme: string, facts: unknown, prefix = ''): FactRow[] {
  if (!isPlainObject(facts)) return [];
  return Object.entries(facts).flatMap(([key, value]): FactRow[] => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value)) return factRows(programme, value, path);
    const valuePath = path.replace(/^selfCare\.items\.[^.]+$/, 'selfCare.items.*');
    const leaf =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : value === null || value === undefined
          ? null
          : JSON.stringify(value);
    return [
      {
        path,
        labelKey: `fact.${programme}.${path}`,
        valueKey:
          typeof leaf === 'string' && isCode(leaf)
            ? `factValue.${programme}.${valuePath}.${leaf}`
            : null,
        value: leaf,
      },
    ];
  });
}
