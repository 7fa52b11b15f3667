import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AutorizacionMedicaSchema,
  CirugiaSchema,
  ConsentimientosSchema,
  LesionSchema,
  MarcaActualSchema,
  MedicacionSchema,
  PARQ_KEYS,
  SCOFF_KEYS,
  SuplementoSchema,
  TYPED_RESPONSE_FIELDS,
} from '../../../src/shared/questionnaire';
import { validateQuestionnaire } from '../../../src/shared/questionnaire-validation';
import { en } from '../../../src/renderer/src/i18n/en';
import { es } from '../../../src/renderer/src/i18n/es';
import {
  countYes,
  fieldSpec,
  formErrorPath,
  formErrorsOf,
  messageAt,
  ownMessage,
  QUESTIONNAIRE_SECTIONS,
  subFieldsOf,
  toResponses,
  withSubField,
  type FieldSpec,
  type YesNoFieldSpec,
} from '../../../src/renderer/src/questionnaire/fields';

const REQUIRED = {
  nombre_completo: 'Laura Gómez Ruiz',
  email: 'laura@example.com',
  fecha_nacimiento: '1990-04-12',
  sexo: 'Mujer',
  peso: '62,5',
  altura_cm: '165',
  objetivo_fisico: 'Perder grasa',
};

const NOW = new Date('2025-06-01T12:00:00Z');

function validate(responses: Record<string, unknown>) {
  // As the form's resolver does: the app's own form reports each typed optional answer that does not fit.
  return validateQuestionnaire(
    { _id: 'q1', user_id: 'u1', responses },
    { lang: 'es', now: NOW, optionalFields: 'strict' },
  );
}

/** Form values → resolver errors, as the form's resolver computes them (without the i18n import). */
function formErrors(values: Record<string, unknown>): Record<string, unknown> {
  return formErrorsOf(validate(toResponses(values)).errors);
}

function at(tree: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[key] : undefined,
    tree,
  );
}

const ALL_SPECS: FieldSpec[] = QUESTIONNAIRE_SECTIONS.flatMap((s) => s.fields);

describe('toResponses with lists, objects and yes/no groups', () => {
  it('leaves out list items that were added but not filled in, and empty lists', () => {
    const out = toResponses({
      ...REQUIRED,
      lesiones: [
        {},
        { zona: '', descripcion: undefined },
        { diagnostico_medico: false, dolor_0_10: undefined },
      ],
      medicacion: [],
      suplementos_actuales: [{ nombre: '', dosis: '' }],
    });
    expect(out).toEqual(REQUIRED);
  });

  it('drops the unset inputs of an item and keeps its answers, "no" answers and unknown keys', () => {
    const out = toResponses({
      ...REQUIRED,
      lesiones: [
        {},
        {
          zona: 'rodilla derecha',
          estado: 'activa',
          dolor_0_10: 4,
          descripcion: '',
          fecha: undefined,
          diagnostico_medico: false,
          origen: 'importado',
        },
      ],
    });
    expect(out.lesiones).toEqual([
      {
        zona: 'rodilla derecha',
        estado: 'activa',
        dolor_0_10: 4,
        diagnostico_medico: false,
        origen: 'importado',
      },
    ]);
  });

  it('keeps a value of the wrong type for the validator to report', () => {
    const out = toResponses({ ...REQUIRED, lesiones: 'rodilla', parq: 'no', lesiones_extra: [] });
    expect(out.lesiones).toBe('rodilla');
    expect(out.parq).toBe('no');
    expect(out.lesiones_extra).toEqual([]); // not a form field: imported data is never dropped
    expect(validate(out).errors.map((e) => e.field)).toEqual(['responses.parq', 'responses.lesiones']);
  });

  it('leaves out an untouched object and writes an unticked required box of an answered one as false', () => {
    expect(toResponses({ ...REQUIRED, autorizacion_medica: { fecha: '', notas: undefined } })).toEqual(
      REQUIRED,
    );
    expect(toResponses({ ...REQUIRED, consentimientos: { imagen: true } }).consentimientos).toEqual({
      imagen: true,
      datos_salud: false,
    });
    expect(
      toResponses({ ...REQUIRED, autorizacion_medica: { fecha: '2025-05-20', notas: '' } })
        .autorizacion_medica,
    ).toEqual({ fecha: '2025-05-20', tiene: false });
  });

  it('keeps "no" answers of objects and yes/no groups (false is an answer there)', () => {
    const out = toResponses({
      ...REQUIRED,
      consentimientos: { datos_salud: false, imagen: false },
      scoff: { s1: false },
      parq: {},
    });
    expect(out.consentimientos).toEqual({ datos_salud: false, imagen: false });
    expect(out.scoff).toEqual({ s1: false });
    expect('parq' in out).toBe(false);
  });

  it('does not change the form values it reads', () => {
    const values = { ...REQUIRED, lesiones: [{ zona: 'hombro', estado: 'cronica', descripcion: '' }] };
    const copy = structuredClone(values);
    toResponses(values);
    expect(values).toEqual(copy);
  });
});

describe('an imported original-format questionnaire with structured fields', () => {
  const imported: Record<string, unknown> = {
    ...REQUIRED,
    // Original free-text answers stay as they are.
    entrenado_gimnasio: 'Sí, 3 años',
    dias_semana_entrenar: '4-5 días',
    lesiones_text: 'Molestias en la rodilla',
    medicamentos: 'Eutirox 75',
    // Structured fields, with a null and keys the form does not show.
    parq: { p1: false, p2: false, p3: false, p4: true, p5: true, p6: false, p7: false },
    scoff: { s1: false, s2: true, s3: false, s4: false, s5: false },
    lesiones: [
      {
        zona: 'rodilla derecha',
        descripcion: 'Condromalacia rotuliana',
        estado: 'cronica',
        dolor_0_10: 3,
        diagnostico_medico: true,
        fecha: '2023-09-01',
      },
      { zona: 'hombro', estado: 'recuperada', dolor_0_10: null, origen: 'fisio' },
    ],
    medicacion: [{ nombre: 'Levotiroxina', dosis: '75 µg', motivo: 'Hipotiroidismo' }],
    cirugias_recientes: [{ tipo: 'Artroscopia de rodilla', fecha: '2024-02-10' }],
    autorizacion_medica: { tiene: true, fecha: '2025-05-20', notas: 'Dra. Pérez: sin impacto 3 meses' },
    suplementos_actuales: [{ nombre: 'Creatina', dosis: '3 g/día' }, { nombre: 'Vitamina D' }],
    consentimientos: {
      datos_salud: true,
      datos_salud_fecha: '2025-05-01',
      tutor_legal: false,
      imagen: false,
    },
    marcas_actuales: [
      { ejercicio_id: 'sentadilla_trasera_barra', kg: 80, reps: 5 },
      { ejercicio_id: 'press_banca_barra', kg: 52.5, reps: 8 },
    ],
  };

  it('is valid', () => {
    expect(validate(imported).errors).toEqual([]);
  });

  it('round-trips through the form unchanged (the form holds what was imported)', () => {
    expect(toResponses(structuredClone(imported))).toEqual(imported);
  });

  it('every one of its structured fields has an input in the form', () => {
    for (const key of Object.keys(imported)) {
      if ((TYPED_RESPONSE_FIELDS as string[]).includes(key)) expect(fieldSpec(key), key).toBeDefined();
    }
  });
});

describe('error paths of nested answers', () => {
  it.each([
    ['responses.peso', ['peso']],
    ['responses.parq.p3', ['parq', 'p3']],
    ['responses.parq', ['parq']],
    ['responses.parq.p9', ['parq']],
    ['responses.lesiones.0.dolor_0_10', ['lesiones', 0, 'dolor_0_10']],
    ['responses.lesiones.12.zona', ['lesiones', 12, 'zona']],
    ['responses.lesiones.1', ['lesiones', 1]],
    ['responses.lesiones.1.origen', ['lesiones', 1]],
    ['responses.lesiones', ['lesiones']],
    ['responses.marcas_actuales.2.reps', ['marcas_actuales', 2, 'reps']],
    ['responses.consentimientos.datos_salud', ['consentimientos', 'datos_salud']],
    ['responses.autorizacion_medica.fecha', ['autorizacion_medica', 'fecha']],
    ['responses.dias_semana.2', ['dias_semana']],
    ['responses.perimetros_cm.cintura', ['perimetros_cm']],
    ['_id', null],
    ['responses', null],
  ])('%s → %j', (path, expected) => {
    expect(formErrorPath(path)).toEqual(expected);
  });

  it("puts each validator message on its sub-input (lists as arrays, as react-hook-form's field arrays expect)", () => {
    const errors = formErrors({
      ...REQUIRED,
      lesiones: [
        { zona: 'rodilla', estado: 'activa', dolor_0_10: 3 },
        { zona: 'hombro', estado: 'activa', dolor_0_10: 11, fecha: '2024-02-30' },
      ],
      marcas_actuales: [{ ejercicio_id: 'sentadilla_trasera_barra', kg: 80 }],
      parq: { p1: false, p2: true },
      autorizacion_medica: { tiene: true, fecha: '20/05/2025' },
    });
    expect(Array.isArray(errors.lesiones)).toBe(true);
    expect(at(errors, 'lesiones', 0)).toBeUndefined();
    expect(at(errors, 'lesiones', 1, 'dolor_0_10', 'message')).toMatch(/lesiones\.1\.dolor_0_10/);
    expect(at(errors, 'lesiones', 1, 'fecha', 'type')).toBe('invalid_date');
    expect(at(errors, 'lesiones', 'message')).toBeUndefined();
    expect(at(errors, 'marcas_actuales', 0, 'reps', 'type')).toBe('missing');
    expect(at(errors, 'parq', 'p3', 'message')).toMatch(/parq\.p3/);
    expect(at(errors, 'parq', 'p1')).toBeUndefined();
    expect(at(errors, 'autorizacion_medica', 'fecha', 'type')).toBe('invalid_date');
  });

  it('an error of the whole value shows at the group; top-level and unknown paths as before', () => {
    const errors = formErrors({ ...REQUIRED, peso: '700', lesiones: 'rodilla', consentimientos: true });
    expect(at(errors, 'peso', 'type')).toBe('out_of_range');
    expect(at(errors, 'lesiones', 'type')).toBe('invalid_type');
    expect(at(errors, 'consentimientos', 'type')).toBe('invalid_type');
    expect(formErrorsOf([{ field: '_id', code: 'missing', message: 'falta _id' }])).toEqual({
      root: { type: 'missing', message: 'falta _id' },
    });
  });

  it('keeps the first message per input and puts a group error that comes after its inputs in root', () => {
    const errors = formErrorsOf([
      { field: 'responses.lesiones.0.zona', code: 'missing', message: 'a' },
      { field: 'responses.lesiones.0.zona', code: 'empty', message: 'b' },
      { field: 'responses.lesiones', code: 'invalid_value', message: 'c' },
      { field: 'responses.parq', code: 'invalid_type', message: 'd' },
      { field: 'responses.parq.p1', code: 'missing', message: 'e' },
    ]);
    expect(at(errors, 'lesiones', 0, 'zona')).toEqual({ type: 'missing', message: 'a' });
    expect(at(errors, 'lesiones', 'root')).toEqual({ type: 'invalid_value', message: 'c' });
    expect(at(errors, 'parq')).toEqual({ type: 'invalid_type', message: 'd' });
  });
});

describe('reading errors and editing sub-records', () => {
  it('reads a message at an input, or the own error of a group (message or root)', () => {
    const errors = formErrorsOf([
      { field: 'responses.lesiones.0.zona', code: 'missing', message: 'falta zona' },
      { field: 'responses.lesiones', code: 'invalid_value', message: 'lista' },
    ]);
    expect(messageAt(at(errors, 'lesiones', 0), 'zona')).toBe('falta zona');
    expect(messageAt(at(errors, 'lesiones', 0), 'estado')).toBeUndefined();
    expect(messageAt(errors.lesiones)).toBeUndefined();
    expect(ownMessage(errors.lesiones)).toBe('lista');
    expect(ownMessage(undefined)).toBeUndefined();
  });

  it('changes one input and keeps the rest; ticking the health-data consent dates it once', () => {
    const spec = fieldSpec('consentimientos');
    const [datosSalud, fecha] = subFieldsOf(spec as FieldSpec);
    const now = new Date(2025, 4, 7, 10, 0);
    const ticked = withSubField({ imagen: true, otro: 1 }, datosSalud!, true, now);
    expect(ticked).toEqual({ imagen: true, otro: 1, datos_salud: true, datos_salud_fecha: '2025-05-07' });
    // A date already there (typed or imported) is kept; unticking never clears it.
    expect(withSubField({ datos_salud_fecha: '2024-01-02' }, datosSalud!, true, now).datos_salud_fecha).toBe(
      '2024-01-02',
    );
    expect(withSubField(ticked, datosSalud!, false, now).datos_salud_fecha).toBe('2025-05-07');
    expect(withSubField({}, fecha!, '2025-01-01', now)).toEqual({ datos_salud_fecha: '2025-01-01' });
  });
});

describe('yes/no groups', () => {
  const parq = fieldSpec('parq') as YesNoFieldSpec;
  const scoff = fieldSpec('scoff') as YesNoFieldSpec;

  it('use the shared PAR-Q+ and SCOFF keys', () => {
    expect(parq.kind).toBe('yesno');
    expect(parq.questions).toEqual(PARQ_KEYS);
    expect(scoff.questions).toEqual(SCOFF_KEYS);
  });

  it('count only "yes" answers to their own questions', () => {
    expect(countYes(parq, { p1: true, p2: false, p4: true, extra: true })).toBe(2);
    expect(countYes(scoff, undefined)).toBe(0);
  });

  it.each([
    ['parq', PARQ_KEYS],
    ['scoff', SCOFF_KEYS],
  ] as const)('%s: every question has its full text in es and en', (group, keys) => {
    for (const messages of [es, en]) {
      const texts = messages.questionnaire.questions[group] as Record<string, string>;
      expect(Object.keys(texts).sort()).toEqual([...keys].sort());
      // A whole question (the screening decides on it), not a bare label.
      for (const key of keys) expect(texts[key], key).toMatch(/^[¿A-Z].{30,}\?/s);
    }
    expect(es.questionnaire.questions[group]).not.toEqual(en.questionnaire.questions[group]);
  });
});

describe('compound fields match the shared schema and are labelled', () => {
  const SCHEMAS: Record<string, z.ZodObject> = {
    lesiones: LesionSchema,
    medicacion: MedicacionSchema,
    cirugias_recientes: CirugiaSchema,
    suplementos_actuales: SuplementoSchema,
    marcas_actuales: MarcaActualSchema,
    autorizacion_medica: AutorizacionMedicaSchema,
    consentimientos: ConsentimientosSchema,
  };

  it.each(Object.entries(SCHEMAS))(
    '%s: one input per schema key, required where the schema requires it',
    (name, schema) => {
      const spec = fieldSpec(name);
      expect(spec?.kind === 'list' || spec?.kind === 'object', name).toBe(true);
      const subs = subFieldsOf(spec as FieldSpec);
      expect(subs.map((s) => s.name).sort()).toEqual(Object.keys(schema.shape).sort());
      for (const sub of subs) {
        const required = !(schema.shape[sub.name] as z.ZodType).safeParse(undefined).success;
        expect(Boolean(sub.required), `${name}.${sub.name}`).toBe(required);
      }
    },
  );

  it('every field and section has an es and an en label', () => {
    for (const messages of [es, en]) {
      const q = messages.questionnaire;
      for (const section of QUESTIONNAIRE_SECTIONS) {
        expect((q.sections as Record<string, string>)[section.id], section.id).toBeTruthy();
        for (const spec of section.fields) {
          expect((q.fields as Record<string, string>)[spec.name], spec.name).toBeTruthy();
        }
      }
    }
  });

  it('every compound field has its sub-labels, descriptions, alerts and list texts in es and en', () => {
    for (const messages of [es, en]) {
      const q = messages.questionnaire as unknown as Record<string, Record<string, unknown>>;
      for (const spec of ALL_SPECS) {
        const where = `${spec.name}`;
        if (spec.described) expect(q.descriptions?.[spec.name], `descriptions.${where}`).toBeTruthy();
        if (spec.kind === 'yesno') expect(q.alerts?.[spec.name], `alerts.${where}`).toBeTruthy();
        if (spec.kind === 'list') {
          for (const group of ['items', 'add', 'empty'])
            expect(q[group]?.[spec.name], `${group}.${where}`).toBeTruthy();
          expect(String(q.items?.[spec.name])).toContain('{{n}}');
        }
        for (const sub of subFieldsOf(spec)) {
          const labels = q.subfields?.[spec.name] as Record<string, string> | undefined;
          expect(labels?.[sub.name], `subfields.${where}.${sub.name}`).toBeTruthy();
        }
      }
    }
  });

  it('places the screening answers in their sections', () => {
    const sectionOf = (name: string) =>
      QUESTIONNAIRE_SECTIONS.find((s) => s.fields.some((f) => f.name === name))?.id;
    expect(['parq', 'lesiones', 'cirugias_recientes', 'autorizacion_medica'].map(sectionOf)).toEqual([
      'health',
      'health',
      'health',
      'health',
    ]);
    expect(sectionOf('medicacion')).toBe('medication');
    expect(sectionOf('scoff')).toBe('nutrition');
    expect(sectionOf('suplementos_actuales')).toBe('habits');
    expect(sectionOf('marcas_actuales')).toBe('experience');
    expect(sectionOf('consentimientos')).toBe('consent');
  });
});
