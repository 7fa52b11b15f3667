import { describe, expect, it } from 'vitest';
import { collectStrings, findInternalMarkers } from '../../../../src/shared/client-plan';

describe('findInternalMarkers', () => {
  it.each([
    ['TRN-06: pecho 35 series', ['TRN-06']],
    ['Regla NUT-13 BLOQUEANTE', ['NUT-13', 'BLOQUEANTE']],
    ['No supera el límite', ['No supera']],
    ['Hoy es dia_alto de pierna_gluteo', ['dia_alto', 'pierna_gluteo']],
    ['Tu TDEE es 2.100 kcal y tu BMR 1.400', ['TDEE', 'BMR']],
    ['Según E7, el plan…', ['E7']],
    ['Nombre: undefined', ['undefined']],
    ['[object Object]', ['[object Object]']],
    ['Hola ${nombre}', ['${']],
  ])('finds the markers in «%s»', (text, expected) => {
    expect(findInternalMarkers(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    'Deja 2 repeticiones en reserva (RIR 2): termina la serie sintiendo que podrías hacer 2 más',
    'Día de entrenamiento intenso',
    '1.822 kcal: 164 g de proteína, 177 g de hidratos de carbono y 51 g de grasa.',
    'Semanas 1–6',
    'Ritmo 3-1-1-0: 3 s bajando',
    'Consulta con tu médico antes de empezar.',
  ])('finds nothing in client wording: «%s»', (text) => {
    expect(findInternalMarkers(text)).toEqual([]);
  });

  it('collects every string of a document but data URLs', () => {
    const strings = collectStrings({
      a: 'x',
      b: ['y', { c: 'z', n: 3 }],
      logo: 'data:image/png;base64,N5_E7',
    });
    expect(strings).toEqual(['x', 'y', 'z']);
  });
});
