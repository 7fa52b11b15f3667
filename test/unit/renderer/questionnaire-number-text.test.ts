import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateQuestionnaire } from '../../../src/shared/questionnaire-validation';
import { formErrorsOf, toResponses } from '../../../src/renderer/src/questionnaire/fields';
import {
  numberInWordsProblems,
  numberText,
  parseNumberText,
  textReadsAs,
  UnreadNumber,
  unreadNumbers,
  withoutUnreadNumbers,
} from '../../../src/renderer/src/questionnaire/number-text';
import { appTranslators } from '../../support/i18n';

let tEs: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  ({ es: tEs, en: tEn } = await appTranslators());
});

const REQUIRED = {
  nombre_completo: 'Laura Gómez Ruiz',
  email: 'laura@example.com',
  fecha_nacimiento: '1990-04-12',
  sexo: 'Mujer',
  peso: 62.5,
  altura_cm: 165,
  objetivo_fisico: 'Perder grasa',
};

describe('numeric answers typed as text', () => {
  it('reads numbers with a decimal comma or point, and Spanish thousands in whole-number fields', () => {
    expect(parseNumberText('62,5', true)).toBe(62.5);
    expect(parseNumberText(' 62.5 ', true)).toBe(62.5);
    expect(parseNumberText('62,', true)).toBe(62); // halfway through "62,5"
    expect(parseNumberText('-3', false)).toBe(-3);
    expect(parseNumberText('10.000', false)).toBe(10000);
    expect(parseNumberText('1.250.000', false)).toBe(1250000);
    expect(parseNumberText('7,5', false)).toBe(7.5); // the validator then asks for a whole number
    expect(parseNumberText('', true)).toBeUndefined();
    expect(parseNumberText('   ', false)).toBeUndefined();
  });

  it('keeps a number written in words instead of emptying it', () => {
    for (const text of ['siete', 'seven', 'unos 70', '70 kg', '7 u 8']) {
      const parsed = parseNumberText(text, true);
      expect(parsed, text).toBeInstanceOf(UnreadNumber);
      expect((parsed as UnreadNumber).text).toBe(text);
    }
  });

  it('shows a value in the language’s decimal separator, and imported text as it arrived', () => {
    expect(numberText(62.5, ',')).toBe('62,5');
    expect(numberText(62.5, '.')).toBe('62.5');
    expect(numberText('78 kg', ',')).toBe('78 kg');
    expect(numberText(new UnreadNumber('siete'), ',')).toBe('siete');
    expect(numberText(undefined, ',')).toBe('');
    expect(numberText({ a: 1 }, ',')).toBe('');
  });

  it('keeps the coach’s own writing while it stands for the value', () => {
    expect(textReadsAs('62,', 62, true)).toBe(true);
    expect(textReadsAs('62,50', 62.5, true)).toBe(true);
    expect(textReadsAs('62', 63, true)).toBe(false);
    expect(textReadsAs('', undefined, true)).toBe(true);
    expect(textReadsAs('siete', new UnreadNumber('siete'), true)).toBe(true);
    expect(textReadsAs('siete', new UnreadNumber('ocho'), true)).toBe(false);
    expect(textReadsAs('78,5', '78,5', true)).toBe(true); // imported text is not re-read
  });

  it('finds every number in words, also inside list items, and reports each once, by its path', () => {
    const values = {
      ...REQUIRED,
      peso: new UnreadNumber('unos 70'),
      horas_sueno: new UnreadNumber('siete'),
      lesiones: [
        { zona: 'rodilla', estado: 'activa' },
        { zona: 'hombro', estado: 'activa', dolor_0_10: new UnreadNumber('mucho') },
      ],
    };
    expect(unreadNumbers(values).map((u) => u.path)).toEqual([
      ['peso'],
      ['horas_sueno'],
      ['lesiones', 1, 'dolor_0_10'],
    ]);
    const problems = numberInWordsProblems(values, tEs);
    expect(problems.map((p) => p.field)).toEqual([
      'responses.peso',
      'responses.horas_sueno',
      'responses.lesiones.1.dolor_0_10',
    ]);
    expect(problems[1]!.message).toBe(
      'horas_sueno: escribe el número en cifras (p. ej. 7), sin palabras ni unidades; has escrito «siete»',
    );
    expect(numberInWordsProblems(values, tEn)[0]!.message).toMatch(/^peso: write the number in digits/);
  });

  it('leaves the words out of what the shared validator sees (a required one is then missing, not an object)', () => {
    const values = { ...REQUIRED, peso: new UnreadNumber('setenta'), horas_sueno: new UnreadNumber('siete') };
    const stripped = withoutUnreadNumbers(values);
    expect(stripped['peso']).toBeUndefined();
    expect(stripped['horas_sueno']).toBeUndefined();
    const { errors } = validateQuestionnaire(
      { _id: 'q', user_id: 'u', responses: toResponses(stripped) },
      { lang: 'es', now: new Date('2025-06-01T00:00:00Z') },
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([['responses.peso', 'missing']]);
    // The words' own problem lands on the input, like the validator's would.
    const tree = formErrorsOf(numberInWordsProblems(values, tEs));
    expect((tree['horas_sueno'] as { message: string }).message).toMatch(/escribe el número en cifras/);
  });
});
