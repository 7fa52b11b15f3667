import { describe, expect, it } from 'vitest';
import { extractQuantities, parseNumber } from '../../../../src/main/pipeline/audits';

/** unit[:qualifier] = values (…range) for each quantity read, in order. */
const read = (text: string) =>
  extractQuantities(text).map(
    (q) => `${q.unit}${q.qualifier ? `:${q.qualifier}` : ''}=${q.values.join(q.range ? '…' : ',')}`,
  );

describe('parseNumber: Spanish thousands dot vs decimal comma, and English commas', () => {
  it.each([
    ['2.480', 2480],
    ['2,480', 2480],
    ['12.000', 12000],
    ['2.350,5', 2350.5],
    ['2,350.5', 2350.5],
    ['1,8', 1.8],
    ['2.2', 2.2],
    ['0,500', 0.5],
    ['1\u202f850', 1850],
    ['siete', 7],
    ['twelve', 12],
  ])('%s → %d', (raw, value) => expect(parseNumber(raw)).toBe(value));
});

describe('extractQuantities', () => {
  it('reads kcal in Spanish and English writing, glued units and elided units in a list', () => {
    expect(read('Con 2.480 kcal de media perderás unos 0,4 kg por semana.')).toEqual(['kcal=2480']);
    expect(read('Tomarás 3.900 kcals, unas 3.900 calorías, 3900 cals.')).toEqual([
      'kcal=3900',
      'kcal=3900',
      'kcal=3900',
    ]);
    expect(read('You will eat 2,480 kcal on average and 2,650 Calories on training days.')).toEqual([
      'kcal=2480',
      'kcal=2650',
    ]);
    expect(read('Aportas 1.850kcal los días de descanso')).toEqual(['kcal=1850']);
    expect(read('Comerás 2.650, 2.480 y 2.300 kilocalorías')).toEqual(['kcal=2650,2480,2300']);
    expect(read('2.650 kcal el lunes, 2.300 el domingo')).toEqual(['kcal=2650', 'kcal=2300']);
  });

  it('reads a unit joined to its number by a hyphen ("a 500-kcal snack", "12-set weeks")', () => {
    expect(read('A 500-kcal snack after training.')).toEqual(['kcal=500']);
    expect(read('Un tentempié de 30-g de proteína.')).toEqual(['g:proteina=30']);
    expect(read('Then 12-set weeks.')).toEqual(['sets=12']);
    // A range keeps its hyphen.
    expect(read('Entre 20-40 g de proteína.')).toEqual(['g:proteina=20…40']);
  });

  it('never reads conversion factors as the plan’s energy', () => {
    expect(
      read('Cada gramo de grasa aporta 9 kcal por gramo; 1 kg de grasa son unas 7.700 kcal/kg.'),
    ).toEqual([]);
  });

  it('reads grams by nutrient, before or after the number', () => {
    expect(read('Son 140 gramos de proteína, 60 g de grasas y 210 g de carbohidratos.')).toEqual([
      'g:proteina=140',
      'g:grasa=60',
      'g:carbohidratos=210',
    ]);
    expect(read('Carbs: 305 g; fat 71 g')).toEqual(['g:carbohidratos=305', 'g:grasa=71']);
    expect(read('Toma 3–5 g de creatina')).toEqual(['g=3…5']);
  });

  it('reads g/kg written every way, and ranges', () => {
    expect(read('Protein: 2.2 g per kg of body weight')).toEqual(['g_kg:proteina=2.2']);
    expect(read('1,8 gramos por kilo de proteína')).toEqual(['g_kg:proteina=1.8']);
    expect(read('entre 1,4 y 2,0 g/kg')).toEqual(['g_kg=1.4…2']);
    expect(read('de 1,6 a 2,2 g/kg/día de proteína')).toEqual(['g_kg:proteina=1.6…2.2']);
  });

  it('reads percentages with their nutrient, "por ciento" and a sign', () => {
    expect(read('La grasa supone el 30 por ciento de la energía')).toEqual(['pct:grasa=30']);
    expect(read('un déficit del −18 %')).toEqual(['pct=18']);
    expect(read('tu grasa corporal ronda el 24%')).toEqual(['pct:grasa_corporal=24']);
  });

  it('reads days and sessions only where they count the week', () => {
    expect(read('Entrenarás seis días por semana.')).toEqual(['days=6']);
    expect(read('You have two rest days and 4 training days.')).toEqual([
      'days:descanso=2',
      'days:entreno=4',
    ]);
    expect(read('Semana con 2 días altos, 3 medios y 2 bajos')).toEqual([
      'days:alto=2',
      'days:medio=3',
      'days:bajo=2',
    ]);
    expect(read('Entrenas 4 días y descansas 3 días a la semana.')).toEqual(['days=4', 'days:descanso=3']);
    expect(read('cuatro sesiones a la semana')).toEqual(['sessions=4']);
    // Phrasings a review found escaping: a weekly count said as "veces" / "times".
    expect(read('Entrenarás 5 veces por semana')).toEqual(['sessions=5']);
    expect(read('You will train five times a week.')).toEqual(['sessions=5']);
    expect(read('tres veces a la semana')).toEqual(['sessions=3']);
    expect(read('Bebe agua 3 veces al día y repite 2 veces cada ejercicio.')).toEqual([]);
    // Advice, not the plan's count.
    expect(read('Descansa al menos 2 días entre sesiones de pierna.')).toEqual([]);
    expect(read('Cada 3 sesiones sube el peso; en las próximas 2 sesiones, técnica.')).toEqual([]);
    expect(read('Añade 2 sesiones de cardio suave.')).toEqual([]);
    expect(read('Come bien los 7 días de la semana.')).toEqual([]);
    expect(read('Un día alto comes más.')).toEqual([]);
  });

  it('reads sets, sets × reps, minutes and RIR; leaves warm-ups and rest advice alone', () => {
    expect(read('Haz 4 series de 8 a 10 repeticiones')).toEqual(['sets=4', 'reps=8…10']);
    expect(read('Press banca 3x8-10 RIR 2')).toEqual(['sets=3', 'reps=8…10', 'rir=2']);
    expect(read('doce series semanales para pecho')).toEqual(['sets=12']);
    expect(read('Sesiones de 45 minutos')).toEqual(['minutes=45']);
    expect(read('Calienta 5-10 minutos antes y haz 2 series de calentamiento.')).toEqual([]);
    expect(read('Mantén RIR 1-2 en los básicos y quédate a 2 repeticiones del fallo.')).toEqual([
      'rir=1…2',
      'rir=2',
    ]);
    expect(read('Toma 2 x 3 g de creatina')).toEqual(['g=3']);
  });

  it('reads the activity factor by its name', () => {
    expect(read('con un factor de actividad de 1,55')).toEqual(['pal=1.55']);
    expect(read('PAL 1.725')).toEqual(['pal=1.725']);
  });

  it('does not read litres, hours, seconds, mg, kg or ages', () => {
    expect(
      read(
        'Duerme 8 horas, bebe 2,5 litros, descansa 90 segundos, 200 mg de cafeína; tienes 34 años y 68 kg.',
      ),
    ).toEqual([]);
  });
});
