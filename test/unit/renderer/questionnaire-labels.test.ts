import { describe, expect, it } from 'vitest';
import * as questionnaire from '../../../src/shared/questionnaire';
import { en } from '../../../src/renderer/src/i18n/en';
import { es } from '../../../src/renderer/src/i18n/es';
import { OPTION_GROUPS, QUESTIONNAIRE_SECTIONS } from '../../../src/renderer/src/questionnaire/fields';

/** Every enum the shared questionnaire exports: the `*_VALUES` lists and the EU-14 allergens. */
const ENUMS: Array<[string, readonly string[]]> = Object.entries(questionnaire as Record<string, unknown>)
  .filter(([name]) => name.endsWith('_VALUES') || name === 'ALERGENOS_EU14')
  .flatMap(([name, value]) =>
    Array.isArray(value) && value.every((v) => typeof v === 'string')
      ? [[name, value as readonly string[]] as [string, readonly string[]]]
      : [],
  );

const groupOf = new Map<readonly string[], string>(
  Object.entries(OPTION_GROUPS).map(([group, values]) => [values, group]),
);

function label(messages: typeof es, group: string, value: string): unknown {
  const groups = messages.questionnaire.options as Record<string, Record<string, string> | undefined>;
  return groups[group]?.[value];
}

describe('questionnaire option labels (i18n)', () => {
  it('finds the shared enums', () => {
    expect(ENUMS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(ENUMS)('%s: every value has an es and an en label', (name, values) => {
    const group = groupOf.get(values);
    expect(group, `${name} has no option group in fields.ts`).toBeDefined();
    for (const value of values) {
      for (const [lang, messages] of [
        ['es', es],
        ['en', en],
      ] as const) {
        const text = label(messages, group ?? '', value);
        expect(typeof text === 'string' && text.trim() !== '', `${lang}: ${group}.${value}`).toBe(true);
      }
    }
  });

  it('labels no value that the shared enums do not have', () => {
    for (const messages of [es, en]) {
      for (const [group, labels] of Object.entries(messages.questionnaire.options)) {
        const values: readonly string[] = OPTION_GROUPS[group as keyof typeof OPTION_GROUPS] ?? [];
        expect(Object.keys(labels).sort(), group).toEqual([...values].sort());
      }
    }
  });

  it('every choice field of the form uses a labelled group', () => {
    const choices = QUESTIONNAIRE_SECTIONS.flatMap((s) => s.fields).filter(
      (f) => f.kind === 'select' || f.kind === 'multi',
    );
    expect(choices.length).toBeGreaterThan(10);
    for (const field of choices) expect(field.options, field.name).toBeDefined();
  });
});
