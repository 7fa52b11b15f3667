import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOnlyAnswers, verbatim } from '../../../src/renderer/src/questionnaire/answers';
import { appTranslators } from '../../support/i18n';

let tEs: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  ({ es: tEs, en: tEn } = await appTranslators());
});

const responses = {
  nombre_completo: 'Laura Gómez Ruiz',
  email: 'laura@example.com',
  fecha_nacimiento: '1990-04-12',
  sexo: 'Mujer',
  peso: 62.5,
  altura_cm: '165',
  objetivo_fisico: 'Perder grasa',
  telefono: '',
  dias_semana: ['lunes', 'jueves'],
  nivel_experiencia: 'experto', // not one of the form's values: shown as stored
  anafilaxia: false,
  parq: { p1: false, p3: true, nota: 'mareo en 2023' },
  lesiones: [{ zona: 'rodilla', estado: 'activa', dolor_0_10: 4, lado: 'derecho' }],
  marcas_actuales: [{ ejercicio_id: 'press_banca', kg: 60, reps: 5 }],
  consentimientos: { datos_salud: true, datos_salud_fecha: '2025-05-01' },
  // Keys of an original-format import that the form does not have.
  comidas_texto: 'Más de 6',
  frecuencia_cardiaca: null,
  medidas: { cintura: 70, cadera: 95 },
};

describe('a submitted questionnaire, read-only', () => {
  it('shows each answer under its label, choices by their names, by the form’s sections', () => {
    const view = readOnlyAnswers(responses, { t: tEs, lang: 'es', exerciseName: (id) => `<${id}>` });
    const personal = view.sections.find((s) => s.id === 'personal')!;
    expect(personal.title).toBe('Datos personales');
    const value = (field: string) => view.sections.flatMap((s) => s.entries).find((e) => e.field === field);
    expect(value('peso')).toMatchObject({ label: 'Peso (kg)', value: '62,5' });
    expect(value('altura_cm')?.value).toBe('165');
    expect(value('sexo')?.value).toBe('Mujer');
    expect(value('telefono')).toBeUndefined(); // unanswered
    expect(value('dias_semana')?.value).toBe('Lunes, Jueves');
    expect(value('nivel_experiencia')?.value).toBe('experto');
    expect(value('anafilaxia')?.value).toBe('No');
    expect(value('parq')?.blocks?.[0]?.rows).toEqual([
      { label: expect.stringMatching(/^1\. ¿Le ha dicho/), value: 'No' },
      { label: expect.stringMatching(/^3\. ¿Ha perdido el equilibrio/), value: 'Sí' },
      { label: 'nota', value: 'mareo en 2023' },
    ]);
    expect(value('lesiones')?.blocks).toEqual([
      {
        title: 'Lesión 1',
        rows: [
          { label: 'Zona', value: 'rodilla' },
          { label: 'Estado', value: 'Activa' },
          { label: 'Dolor (0–10)', value: '4' },
          { label: 'lado', value: 'derecho' },
        ],
      },
    ]);
    expect(value('marcas_actuales')?.blocks?.[0]?.rows[0]).toEqual({
      label: 'Ejercicio',
      value: '<press_banca>',
    });
    expect(value('consentimientos')?.blocks?.[0]?.rows[0]).toEqual({
      label: 'Consiente el tratamiento de sus datos de salud',
      value: 'Sí',
    });
    // Sections without an answer are left out.
    expect(view.sections.map((s) => s.id)).not.toContain('equipment');
  });

  it('shows the answers the form does not know by key, with their values verbatim', () => {
    const view = readOnlyAnswers(responses, { t: tEn, lang: 'en' });
    expect(view.others).toEqual([
      { label: 'comidas_texto', value: 'Más de 6' },
      { label: 'frecuencia_cardiaca', value: 'null' },
      { label: 'medidas', value: '{\n  "cintura": 70,\n  "cadera": 95\n}' },
    ]);
    expect(view.sections.flatMap((s) => s.entries).find((e) => e.field === 'peso')?.value).toBe('62.5');
  });

  it('shows a known answer of another shape than the form writes as it was stored', () => {
    const view = readOnlyAnswers({ lesiones: 'rodilla izquierda', parq: 'no' }, { t: tEs, lang: 'es' });
    const entries = view.sections.flatMap((s) => s.entries);
    expect(entries.map((e) => [e.field, e.value])).toEqual([
      ['parq', 'no'],
      ['lesiones', 'rodilla izquierda'],
    ]);
    expect(verbatim('')).toBe('""');
    expect(verbatim(3)).toBe('3');
  });
});
