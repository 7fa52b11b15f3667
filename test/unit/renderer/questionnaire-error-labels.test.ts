import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateQuestionnaire } from '../../../src/shared/questionnaire-validation';
import { answerLabel, labelMessage, labelProblem } from '../../../src/renderer/src/questionnaire/labels';
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

function problems(responses: Record<string, unknown>, lang: 'es' | 'en' = 'es') {
  return validateQuestionnaire(
    { _id: 'q', user_id: 'u', responses: { ...REQUIRED, ...responses } },
    // Strict about the typed optional answers, as the form asks (resolver.ts).
    { lang, now: new Date('2025-06-01T00:00:00Z'), optionalFields: 'strict' },
  ).errors;
}

describe('questionnaire errors name fields by their labels', () => {
  it('labels every kind of path in the coach’s language', () => {
    expect(answerLabel('responses.horas_sueno', tEs)).toBe('Horas de sueño');
    expect(answerLabel('responses.horas_sueno', tEn)).toBe('Hours of sleep');
    expect(answerLabel('responses.lesiones.1.dolor_0_10', tEs)).toBe('Lesión 2 · Dolor (0–10)');
    expect(answerLabel('responses.lesiones.1.dolor_0_10', tEn)).toBe('Injury 2 · Pain (0–10)');
    expect(answerLabel('responses.lesiones.0', tEs)).toBe('Lesión 1');
    expect(answerLabel('responses.lesiones', tEs)).toBe('Lesiones');
    expect(answerLabel('responses.parq.p3', tEs)).toBe(
      'PAR-Q+: cuestionario de aptitud para la actividad física · Pregunta 3',
    );
    expect(answerLabel('responses.autorizacion_medica.fecha', tEs)).toBe(
      'Autorización médica · Fecha del informe (AAAA-MM-DD)',
    );
    expect(answerLabel('responses.dias_semana.2', tEs)).toBe('Días de la semana · valor 3');
    expect(answerLabel('responses', tEs)).toBe('Respuestas');
  });

  it('keeps the stored name of what the form does not know', () => {
    expect(answerLabel('responses.perimetros_cm.cintura', tEs)).toBe('perimetros_cm.cintura');
    expect(answerLabel('responses.lesiones.0.lado', tEs)).toBe('Lesión 1 · lado');
    expect(answerLabel('_id', tEs)).toBe('_id');
  });

  it('rewrites the validator’s own messages: label first, never the key', () => {
    const found = problems({
      horas_sueno: 30,
      lesiones: [
        { zona: 'rodilla', estado: 'activa' },
        { zona: 'hombro', estado: 'activa', dolor_0_10: 11 },
      ],
      parq: { p1: false, p2: false, p3: 'quizá', p4: false, p5: false, p6: false, p7: false },
    });
    const text = found.map((p) => labelProblem(p, tEs));
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Horas de sueño: se esperaba un número/),
        expect.stringMatching(
          /^Lesión 2 · Dolor \(0–10\): se esperaba un número entero entre 0 y 10; recibido 11$/,
        ),
        expect.stringMatching(/^PAR-Q\+: .* · Pregunta 3: /),
      ]),
    );
    for (const line of text) expect(line).not.toMatch(/horas_sueno|dolor_0_10|parq\.p3/);
    const english = problems({ horas_sueno: 30 }, 'en').map((p) => labelProblem(p, tEn));
    expect(english).toEqual([expect.stringMatching(/^Hours of sleep: expected /)]);
  });

  it('rewrites a message shown on an input from the path it starts with', () => {
    const [missing] = problems({ peso: undefined });
    expect(labelMessage(missing!.message, tEs)).toMatch(/^Peso \(kg\): falta este campo obligatorio/);
    expect(labelMessage('lesiones.0.zona: falta este campo obligatorio', tEs)).toBe(
      'Lesión 1 · Zona: falta este campo obligatorio',
    );
    expect(labelMessage('sin prefijo', tEs)).toBe('sin prefijo');
    expect(labelMessage('¿Qué? comida: algo', tEs)).toBe('¿Qué? comida: algo');
  });

  it('leaves messages about the document itself as they are', () => {
    expect(labelProblem({ field: '_id', message: '_id: falta este campo obligatorio' }, tEs)).toBe(
      '_id: falta este campo obligatorio',
    );
  });
});
