import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { readQuestionnaire, type QuestionnaireReading, type ReadingCorrection } from '@shared/reading';
import { en } from '../../../src/renderer/src/i18n/en';
import { es } from '../../../src/renderer/src/i18n/es';
import {
  codeChoice,
  correctionTopics,
  factsOf,
  foodCode,
  INJURY_ZONES,
  KNOWN_FOODS,
  knownCodes,
  NON_FOOD_KINDS,
  rowsOf,
} from '../../../src/renderer/src/questionnaire/reading-codes';
import { factPhrases, readingView } from '../../../src/renderer/src/questionnaire/reading-lines';
import { REPO_ROOT } from '../../support/spawn-cli';
import { appTranslators } from '../../support/i18n';

let tEs: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  ({ es: tEs, en: tEn } = await appTranslators());
});

const lexicon = (name: string): unknown =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'resources/lexicons', name), 'utf8'));

/** A reading as the server returns it for a questionnaire in the original format. */
const ORIGINAL = {
  nombre_completo: 'Marta Ruiz',
  objetivo_fisico: 'Ganar músculo y definir',
  alergias: 'Nada importante, solo que el kiwi me pica en la boca',
  lesiones_actuales: 'Menisco sin terminar de curar',
  comentarios_adicionales: 'A veces noto palpitaciones al subir escaleras',
  intolerancias_texto: 'El marisco',
  profesion: 'Enfermera',
};

const es_ = () => ({ t: tEs, lang: 'es' as const });
const en_ = () => ({ t: tEn, lang: 'en' as const });

describe('what the app understood, line by line', () => {
  it('shows each free-text health answer with its verbatim text and the facts in plain words (es)', () => {
    const view = readingView(readQuestionnaire(ORIGINAL), es_());
    const line = (field: string) => [...view.review, ...view.understood].find((l) => l.field === field);
    expect(line('alergias')).toMatchObject({
      label: 'alergias', // not a field of this app's form: shown by its key
      text: ORIGINAL.alergias,
      understood: 'Entendido: alergia a kiwi',
      correctable: true,
      corrected: false,
    });
    expect(line('lesiones_actuales')?.understood).toBe('Entendido: lesión de rodilla (activa)');
    expect(line('intolerancias_texto')?.understood).toBe('Entendido: alergia a crustáceos y moluscos');
    // The profession declares nothing: not listed.
    expect(line('profesion')).toBeUndefined();
    expect(view.goal).toBe('Objetivo entendido: recomposición corporal (leído del texto)');
  });

  it('puts the answers with an open question first, with why (es)', () => {
    const view = readingView(readQuestionnaire(ORIGINAL), es_());
    expect(view.open).toBe(1);
    expect(view.review.map((l) => l.field)).toEqual(['comentarios_adicionales']);
    const [palpitations] = view.review;
    expect(palpitations).toMatchObject({
      text: ORIGINAL.comentarios_adicionales,
      understood: null,
      facts: [],
    });
    expect(palpitations?.reviews).toEqual([
      expect.objectContaining({
        topic: 'parq',
        reason: 'uncertain',
        why: 'Por revisar — Señal de alarma (PAR-Q+): puede ser una señal de alarma o no; confírmalo con el cliente',
      }),
    ]);
    expect(view.understood.every((l) => l.reviews.length === 0)).toBe(true);
  });

  it('words the same reading in English', () => {
    const view = readingView(readQuestionnaire(ORIGINAL), en_());
    const line = (field: string) => [...view.review, ...view.understood].find((l) => l.field === field);
    expect(line('alergias')?.understood).toBe('Understood: allergy to kiwi');
    expect(line('lesiones_actuales')?.understood).toBe('Understood: knee injury (active)');
    expect(line('intolerancias_texto')?.understood).toBe('Understood: allergy to crustaceans and molluscs');
    expect(view.review[0]?.reviews[0]?.why).toBe(
      'To review — Warning sign (PAR-Q+): may or may not be a warning sign; check with the client',
    );
    expect(view.goal).toBe('Goal understood: body recomposition (read from the text)');
  });

  it('names every topic in plain words, es and en', () => {
    const facts = [
      { topic: 'alergia', code: 'leche' },
      { topic: 'alergia', code: 'alimento:melocoton' },
      { topic: 'alergia', code: 'alimento:chirimoya' },
      { topic: 'alergia', code: 'no_alimentaria:polen' },
      { topic: 'intolerancia', code: 'lactosa' },
      { topic: 'patron', code: 'vegano' },
      { topic: 'lesion', code: 'lumbar', estado: 'cronica' },
      { topic: 'lesion', code: 'hombro' },
      { topic: 'patologia', code: 'diabetes_t1' },
      { topic: 'patologia', code: 'sop' },
      { topic: 'medicacion', code: 'hipoglucemiante' },
      { topic: 'cirugia', code: 'cirugia' },
      { topic: 'embarazo', code: 'posparto_6m' },
      { topic: 'embarazo', code: 'complicacion' },
      { topic: 'parq', code: 'p3' },
      { topic: 'tca', code: 'signo' },
      { topic: 'objetivo', code: 'fuerza' },
    ] as const;
    expect(factPhrases(facts, tEs, 'es')).toEqual([
      'objetivo: fuerza',
      'alergia a leche, melocotón y chirimoya',
      'alergia no alimentaria: polen',
      'intolerancia a lactosa',
      'patrón alimentario: vegano',
      'lesión de zona lumbar (crónica)',
      'lesión de hombro',
      'patología: diabetes tipo 1 y síndrome de ovario poliquístico (SOP)',
      'medicación hipoglucemiante',
      'cirugía',
      'posparto (menos de 6 meses)',
      'complicación del embarazo',
      'PAR-Q+ pregunta 3 (mareo o pérdida de conocimiento)',
      'señal de trastorno alimentario',
    ]);
    expect(factPhrases(facts, tEn, 'en')).toEqual([
      'goal: strength',
      'allergy to milk, peach, and chirimoya',
      'non-food allergy: pollen',
      'intolerance to lactose',
      'dietary pattern: vegan',
      'lower back injury (chronic)',
      'shoulder injury',
      'condition: type 1 diabetes and polycystic ovary syndrome (PCOS)',
      'glucose-lowering medication',
      'surgery',
      'postpartum (under 6 months)',
      'pregnancy complication',
      'PAR-Q+ question 3 (dizziness or loss of consciousness)',
      'sign of an eating disorder',
    ]);
  });

  it('reads free text in any field: an eating-disorder sign and a PAR-Q+ red flag', () => {
    const view = readingView(
      readQuestionnaire({
        comentarios: 'Tengo atracones por la noche',
        notas: 'Me mareo y pierdo el conocimiento a veces',
      }),
      es_(),
    );
    const understood = view.understood.map((l) => l.understood);
    expect(understood).toContain('Entendido: señal de trastorno alimentario');
    expect(understood).toContain('Entendido: PAR-Q+ pregunta 3 (mareo o pérdida de conocimiento)');
  });

  it('groups typed answers by field, by their labels; only a bare "otra" can be corrected', () => {
    const reading = readQuestionnaire({
      alergias_alimentarias: ['gluten', 'sesamo'],
      lesiones: [{ zona: 'Rodilla dcha.', estado: 'recuperada', descripcion: 'todavía me duele' }],
      intolerancias: ['otra'],
      objetivo_principal: 'perder_grasa',
    });
    const view = readingView(reading, es_());
    expect(view.understood).toEqual([
      expect.objectContaining({
        field: 'alergias_alimentarias',
        label: 'Alergias alimentarias (14 alérgenos UE)',
        text: null, // the ids themselves: the facts say them
        understood: 'Entendido: alergia a gluten y sésamo',
        correctable: false,
      }),
      expect.objectContaining({
        field: 'lesiones.0',
        label: 'Lesión 1',
        text: 'Rodilla dcha. — todavía me duele',
        understood: 'Entendido: lesión de rodilla (activa)',
        correctable: false,
      }),
    ]);
    expect(view.review).toEqual([
      expect.objectContaining({
        field: 'intolerancias',
        label: 'Intolerancias',
        // "Otra" with nothing beside it: the coach says what it is (a correction of that answer).
        text: 'otra',
        correctable: true,
        reviews: [
          expect.objectContaining({
            reason: 'unspecified',
            why: 'Por revisar — Intolerancia: dice que sí, pero no qué',
          }),
        ],
      }),
    ]);
    expect(view.goal).toBe('Objetivo entendido: perder grasa (elegido en el formulario)');
  });

  it('marks corrected answers and says what the coach stated', () => {
    const at = new Date('2025-06-01T10:00:00Z');
    const corrections: ReadingCorrection[] = [
      {
        field: 'comentarios_adicionales',
        text: ORIGINAL.comentarios_adicionales,
        findings: [],
        corrected_at: at,
      },
      {
        field: 'alergias',
        text: ORIGINAL.alergias,
        findings: [
          { topic: 'alergia', code: 'alimento:kiwi' },
          { topic: 'alergia', code: 'alimento:melocoton' },
        ],
        note: 'Síndrome de alergia oral',
        corrected_at: at,
      },
      {
        field: 'objetivo_fisico',
        text: ORIGINAL.objetivo_fisico,
        findings: [{ topic: 'objetivo', code: 'ganar_musculo' }],
        corrected_at: at,
      },
    ];
    const reading: QuestionnaireReading = readQuestionnaire(ORIGINAL, { corrections });
    const view = readingView(reading, { ...es_(), corrections });
    expect(view.open).toBe(0);
    expect(view.review).toEqual([]);
    const line = (field: string) => view.understood.find((l) => l.field === field);
    expect(line('comentarios_adicionales')).toMatchObject({
      corrected: true,
      understood: 'Entendido: no declara nada',
      facts: [],
    });
    expect(line('alergias')).toMatchObject({
      corrected: true,
      understood: 'Entendido: alergia a kiwi y melocotón',
    });
    // The goal's correction is not a finding: the line says it from the correction itself.
    expect(line('objetivo_fisico')).toMatchObject({
      corrected: true,
      isGoal: true,
      understood: 'Entendido: objetivo: ganar músculo',
    });
    expect(view.goal).toBe('Objetivo entendido: ganar músculo (corregido por el coach)');
    const enView = readingView(reading, { ...en_(), corrections });
    expect(enView.understood.find((l) => l.field === 'comentarios_adicionales')?.understood).toBe(
      'Understood: declares nothing',
    );
  });

  it('an ambiguous goal is a question on the goal answer, which may then state the goal', () => {
    const view = readingView(readQuestionnaire({ objetivo_fisico: 'Perder peso y ganar peso' }), es_());
    expect(view.review).toEqual([
      expect.objectContaining({
        field: 'objetivo_fisico',
        label: 'Objetivo físico (en palabras del cliente)',
        isGoal: true,
        correctable: true,
        reviews: [expect.objectContaining({ reason: 'ambiguous_goal' })],
      }),
    ]);
    expect(correctionTopics(true)[0]).toBe('objetivo');
    expect(correctionTopics(false)).not.toContain('objetivo');
  });

  it('shows health answers read as declaring nothing, so the coach can see a miss and correct it', () => {
    const view = readingView(readQuestionnaire({ alergias: 'Ninguna', lesiones_actuales: 'No' }), es_());
    expect(view.review).toEqual([]);
    expect(view.understood).toEqual([
      expect.objectContaining({
        field: 'alergias',
        understood: 'Entendido: no declara nada',
        correctable: true,
      }),
      expect.objectContaining({
        field: 'lesiones_actuales',
        understood: 'Entendido: no declara nada',
        correctable: true,
      }),
    ]);
    expect(view.goal).toBe('Objetivo entendido: salud (no se indicó ninguno)');
  });
});

describe('the correction editor’s facts', () => {
  it('turns rows into facts: foods by their lexicon form, injuries with a status', () => {
    const rows = rowsOf(
      [
        { topic: 'alergia', code: 'alimento:melocoton' },
        { topic: 'lesion', code: 'rodilla', estado: 'cronica' },
      ],
      tEs,
    );
    expect(rows).toEqual([
      { topic: 'alergia', code: 'alimento:', food: 'melocotón', estado: null },
      { topic: 'lesion', code: 'rodilla', food: '', estado: 'cronica' },
    ]);
    expect(factsOf(rows)).toEqual({
      facts: [
        { topic: 'alergia', code: 'alimento:melocoton' },
        { topic: 'lesion', code: 'rodilla', estado: 'cronica' },
      ],
    });
    expect(foodCode('  Piña  Colada ')).toBe('alimento:pina colada');
    expect(foodCode('  ')).toBeNull();
  });

  it('names what is missing in a row', () => {
    expect(
      factsOf([
        { topic: 'alergia', code: 'alimento:', food: ' ', estado: null },
        { topic: 'patologia', code: '', food: '', estado: null },
        { topic: 'tca', code: 'signo', food: '', estado: null },
      ]),
    ).toEqual({ problems: ['food', 'code', null] });
  });

  it('offers every code of a topic by name, in both languages', () => {
    for (const topic of correctionTopics(true)) {
      for (const code of knownCodes(topic)) {
        for (const [t, lang] of [
          [tEs, 'es'],
          [tEn, 'en'],
        ] as const) {
          const choice = codeChoice(topic, code, t, lang);
          expect(choice.trim(), `${lang}: ${topic}.${code}`).not.toBe('');
          expect(choice, `${lang}: ${topic}.${code}`).not.toMatch(/reading\.|questionnaire\./);
        }
      }
    }
    expect(codeChoice('parq', 'p3', tEs, 'es')).toBe('Pregunta 3: mareo o pérdida de conocimiento');
    expect(codeChoice('alergia', 'crustaceos', tEs, 'es')).toBe('Crustáceos');
    expect(codeChoice('alergia', 'no_alimentaria:latex', tEn, 'en')).toBe('Non-food: latex');
  });

  it('labels every zone, non-food allergen and food the lexicons name', () => {
    const injuries = lexicon('injuries.json') as { zones: { zone: string }[] };
    expect([...new Set(injuries.zones.map((z) => z.zone))].sort()).toEqual([...INJURY_ZONES].sort());
    type Terms = { terms: { es: [string, string][]; en: [string, string][] } };
    const food = lexicon('food-declarations.json') as { non_food_allergens: Terms; other_foods: Terms };
    const values = (section: Terms) =>
      [...new Set([...section.terms.es, ...section.terms.en].map(([, value]) => value))].sort();
    expect(values(food.non_food_allergens)).toEqual([...NON_FOOD_KINDS].sort());
    expect(values(food.other_foods)).toEqual([...KNOWN_FOODS].sort());
    for (const messages of [es, en]) {
      expect(Object.keys(messages.reading.zones).sort()).toEqual([...INJURY_ZONES].sort());
      expect(Object.keys(messages.reading.nonFood).sort()).toEqual([...NON_FOOD_KINDS].sort());
      expect(Object.keys(messages.reading.foods).sort()).toEqual([...KNOWN_FOODS].sort());
    }
  });
});
