import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readQuestionnaire, type QuestionnaireReading } from '../../../src/shared/reading';

/* The reader's rules one by one (docs/DOMAIN.md, "Reading free-text answers"); the corpora measure it at scale. */

const facts = (reading: QuestionnaireReading) =>
  reading.findings.map((f) => `${f.topic}:${f.code}${f.estado ? `/${f.estado}` : ''}`);

describe('readQuestionnaire', () => {
  it('reads the README sample as a careful coach would: lactose intolerance, an active knee, a loss goal', () => {
    const reading = readQuestionnaire({
      objetivo_fisico: 'Perder grasa y ganar fuerza',
      lesiones_actuales: 'Molestia en rodilla derecha al bajar escaleras',
      alergias: 'Ninguna conocida',
      intolerancias_texto: 'Lactosa',
    });
    expect(facts(reading)).toEqual(expect.arrayContaining(['intolerancia:lactosa', 'lesion:rodilla/activa']));
    expect(facts(reading).some((f) => f.startsWith('alergia:'))).toBe(false);
    expect(reading.goal).toMatchObject({ objetivo: 'perder_grasa', mentions_loss: true, source: 'text' });
  });

  it('"Ganar músculo y definir" is recomposition, never a deficit; an ambiguous goal is a question', () => {
    expect(readQuestionnaire({ objetivo_fisico: 'Ganar músculo y definir' }).goal.objetivo).toBe(
      'recomposicion',
    );
    const health = readQuestionnaire({ objetivo_fisico: 'Mejorar mi salud' });
    expect(health.goal.objetivo).toBe('salud');
    expect(health.needs_review).toEqual([]);
    const opposite = readQuestionnaire({
      objetivo_fisico: 'Bajar peso pero también ganar peso en las piernas',
    });
    expect(opposite.goal.objetivo).toBe('mantenimiento');
    expect(opposite.needs_review).toEqual([expect.objectContaining({ reason: 'ambiguous_goal' })]);
    const unknown = readQuestionnaire({ objetivo_fisico: 'Lo que tú veas' });
    expect(unknown.goal.objetivo).toBe('salud');
    expect(unknown.needs_review).toEqual([
      expect.objectContaining({ topic: 'objetivo', reason: 'ambiguous_goal' }),
    ]);
  });

  it('a declaration stands when a related field says "No", and is found under any field name', () => {
    const reading = readQuestionnaire({
      alergias: 'No',
      intolerancias: 'Ninguna',
      otra_cosa_que_quieras_contarnos: 'Las gambas me dan urticaria',
    });
    expect(facts(reading)).toContain('alergia:crustaceos');
    expect(reading.findings.find((f) => f.code === 'crustaceos')?.field).toBe(
      'otra_cosa_que_quieras_contarnos',
    );
  });

  it('negated status words: "sin terminar de curar" is active, "ya no me duele" recovered', () => {
    expect(facts(readQuestionnaire({ lesiones: 'Menisco sin terminar de curar' }))).toEqual([
      'lesion:rodilla/activa',
    ]);
    expect(facts(readQuestionnaire({ lesiones: 'El hombro ya no me duele' }))).toEqual([
      'lesion:hombro/recuperada',
    ]);
  });

  it('a typed injury marked recovered is active when its own description says it still hurts', () => {
    const reading = readQuestionnaire({
      lesiones: [{ zona: 'Rodilla', estado: 'recuperada', descripcion: 'todavía me duele al correr' }],
    });
    expect(reading.findings).toEqual([
      expect.objectContaining({ code: 'rodilla', estado: 'activa', source: 'typed' }),
    ]);
  });

  it('never drops a health answer it cannot classify: it becomes a question with its words', () => {
    // A known word is read as that food, even inside a vague answer.
    const reading = readQuestionnaire({ alergias: 'Algo con la fruta de hueso, no sé bien cuál' });
    expect(facts(reading)).toContain('alergia:alimento:fruta');
    const unknown = readQuestionnaire({ alergias: 'A una cosa rara del bar de mi pueblo' });
    expect(unknown.findings).toEqual([]);
    expect(unknown.needs_review).toEqual([
      expect.objectContaining({
        topic: 'alergia',
        reason: 'unclassified',
        words: expect.arrayContaining(['rara', 'bar']),
      }),
    ]);
    expect(readQuestionnaire({ alergias: 'Sí' }).needs_review).toEqual([
      expect.objectContaining({ topic: 'alergia', reason: 'unspecified', words: [] }),
    ]);
  });

  it('diabetes without its type is read as type 2 and asked about, unless another answer gives the type', () => {
    const untyped = readQuestionnaire({ enfermedad_cronica: 'Diabetes' });
    expect(facts(untyped)).toContain('patologia:diabetes_t2');
    expect(untyped.needs_review).toEqual([
      expect.objectContaining({ topic: 'patologia', reason: 'unspecified' }),
    ]);
    expect(
      readQuestionnaire({ enfermedad_cronica: 'Diabetes', patologias: ['diabetes_t1'] }).needs_review,
    ).toEqual([]);
    const type1 = readQuestionnaire({ diabetes: 'Sí, tipo 1 desde niña' });
    expect(facts(type1)).toContain('patologia:diabetes_t1');
    expect(type1.needs_review).toEqual([]);
  });

  it('a relative’s condition is not the client’s, but it is asked about', () => {
    const reading = readQuestionnaire({ antecedentes: 'Mi madre es hipertensa' });
    expect(reading.findings).toEqual([]);
    expect(reading.needs_review).toEqual([
      expect.objectContaining({ topic: 'patologia', reason: 'uncertain' }),
    ]);
  });

  it('applies the coach’s correction while the answer is unchanged, and ignores it once it changes', () => {
    const correction = {
      field: 'comentarios_adicionales',
      text: 'A veces noto palpitaciones',
      findings: [],
      corrected_at: new Date('2026-11-30T10:00:00Z'),
    };
    const same = readQuestionnaire(
      { comentarios_adicionales: 'A veces noto palpitaciones' },
      { corrections: [correction] },
    );
    expect(same.needs_review).toEqual([]);
    expect(same.answers).toEqual([expect.objectContaining({ status: 'none', corrected: true })]);
    const changed = readQuestionnaire(
      { comentarios_adicionales: 'A veces noto palpitaciones y me mareo' },
      { corrections: [correction] },
    );
    expect(facts(changed)).toContain('parq:p3');
    expect(changed.answers[0]?.corrected).toBe(false);
    const declared = readQuestionnaire(
      { comentarios_adicionales: 'A veces noto palpitaciones' },
      { corrections: [{ ...correction, findings: [{ topic: 'patologia', code: 'cardiopatia' }] }] },
    );
    expect(declared.findings).toEqual([expect.objectContaining({ code: 'cardiopatia', source: 'coach' })]);
  });

  it('never throws, whatever JSON it is given', () => {
    // Found by this property: an answer named like an Object.prototype member.
    expect(() => readQuestionnaire({ valueOf: '', constructor: 'x', toString: ['a'] })).not.toThrow();
    fc.assert(
      fc.property(
        fc.jsonValue(),
        // Field names of every kind: prototype members, the typed health fields, anything.
        fc.dictionary(
          fc.oneof(
            fc.constantFrom(
              'valueOf',
              'constructor',
              'hasOwnProperty',
              'alergias',
              'alergias_alimentarias',
              'intolerancias',
              'patologias',
              'patron_alimentario',
              'embarazo_lactancia',
              'lesiones',
              'medicacion',
              'cirugias_recientes',
              'objetivo_fisico',
              'objetivo_principal',
            ),
            fc.string(),
          ),
          fc.jsonValue(),
        ),
        (any, record) => {
          expect(() => readQuestionnaire(any)).not.toThrow();
          const reading = readQuestionnaire(record);
          expect(Array.isArray(reading.findings)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('phrasings a reviewer found lost (regression: each yields its fact or a question)', () => {
  const cases: [Record<string, unknown>, string, string | null][] = [
    [{ alergias: 'alergia a la chirimoya' }, 'alergia', null],
    [{ comentarios: 'soy alergica a la chirimoya' }, 'alergia', null],
    [{ allergies: 'lychee gives me hives' }, 'alergia', null],
    [{ comentarios: 'Gambas. Me dan alergia.' }, 'alergia', 'crustaceos'],
    [{ comentarios: 'No me gusta el marisco porque me da alergia' }, 'alergia', 'crustaceos'],
    [{ alimentos_no_gustan: 'el marisco, me da alergia' }, 'alergia', 'crustaceos'],
    [{ alimentos_evitar: 'Marisco (me pongo fatal)' }, 'alergia', 'crustaceos'],
    [{ tiene_alergias: 'No', cuales: 'marisco' }, 'alergia', null],
    [{ lesiones: 'No me duele la rodilla pero no está curada' }, 'lesion', 'rodilla'],
    [{ lesiones: 'no me he recuperado de la rodilla' }, 'lesion', 'rodilla'],
    [{ injuries: "haven't recovered from my knee surgery" }, 'lesion', 'rodilla'],
    [{ lesiones: 'no tengo el hombro bien' }, 'lesion', 'hombro'],
    [{ lesiones: 'Rotura fibrilar en el gemelo hace 3 semanas' }, 'lesion', 'gemelo'],
    [{ injuries: 'hamstring tear, not 100% yet' }, 'lesion', 'muslo'],
    [{ lesiones: 'tendinitis' }, 'lesion', null],
    [{ comentarios: 'me duele' }, 'lesion', null],
    [{ embarazada: 'Sí' }, 'embarazo', 'embarazo'],
    [{ mareos: 'a veces' }, 'parq', 'p3'],
    [{ dolor_pecho_ejercicio: 'Sí' }, 'parq', 'p2'],
    [{ atracones: 'Sí, a menudo' }, 'tca', 'signo'],
    [{ comentarios: 'Mi médico dice que no haga ejercicio intenso por el corazón' }, 'parq', 'p7'],
    [{ otros: 'mi tensión es 160/100 y no me la trato' }, 'patologia', 'hipertension'],
    [{ otros: 'la tensión por las nubes' }, 'patologia', 'hipertension'],
    [
      { relacion_comida: 'Siento culpa cuando como y a veces compenso con ayuno de dos días' },
      'tca',
      'signo',
    ],
    [{ comentarios: 'no me baja la regla desde hace 5 meses' }, 'tca', null],
    [{ comentarios: 'Tomo sintrom' }, 'medicacion', 'otra'],
    // A health field answered with words the lexicons do not know is asked about, never "nothing".
    [{ alergias: 'a una cosa que no sé nombrar' }, 'alergia', null],
    [{ alergias: 'something I cannot name' }, 'alergia', null],
    [{ allergies: 'yes, to a thing whose name I forget' }, 'alergia', null],
    [{ intolerancias: 'una que me dijeron en el hospital' }, 'intolerancia', null],
    [{ alergias: 'No sé' }, 'alergia', null],
    [{ alergias: 'sí, pero no me acuerdo del nombre' }, 'alergia', null],
    [{ allergies: "I can't remember what it's called" }, 'alergia', null],
    [{ intolerancias: 'no estoy segura, algo me sienta mal' }, 'intolerancia', null],
  ];
  it.each(cases)('%j → %s %s', (responses, topic, code) => {
    const reading = readQuestionnaire(responses);
    const fact = reading.findings.some((f) => f.topic === topic && (code === null || f.code === code));
    const asked = reading.needs_review.some((item) => item.topic === topic);
    expect(fact || asked).toBe(true);
  });

  it('reads "mal curado", "casi recuperada" and "almost healed" as not recovered', () => {
    for (const text of ['Tobillo mal curado', 'rodilla casi recuperada', 'knee almost healed']) {
      expect(readQuestionnaire({ lesiones: text }).findings[0]?.estado).toBe('activa');
    }
  });
});
