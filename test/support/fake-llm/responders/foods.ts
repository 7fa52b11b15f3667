/**
 * A small food bank for the fake's menus. `contains` lists what a restriction could object to, so
 * allergy- and pattern-safe menus are built by filtering, as a careful dietitian would.
 */
export interface Food {
  alimento: string;
  /** per 100 g */
  p: number;
  c: number;
  f: number;
  contains: string[];
}

export const FOODS: Record<'proteina' | 'hidrato' | 'grasa' | 'verdura' | 'fruta' | 'lacteo', Food[]> = {
  proteina: [
    { alimento: 'pechuga de pollo', p: 31, c: 0, f: 3.6, contains: ['carne'] },
    { alimento: 'salmón', p: 20, c: 0, f: 13, contains: ['pescado'] },
    { alimento: 'merluza', p: 17, c: 0, f: 1.8, contains: ['pescado'] },
    { alimento: 'huevo', p: 13, c: 1, f: 10, contains: ['huevo'] },
    { alimento: 'tofu firme', p: 15, c: 2, f: 8, contains: ['soja'] },
    { alimento: 'lentejas cocidas', p: 9, c: 20, f: 0.4, contains: [] },
    { alimento: 'garbanzos cocidos', p: 9, c: 27, f: 2.6, contains: [] },
    { alimento: 'pavo', p: 29, c: 0, f: 1, contains: ['carne'] },
  ],
  hidrato: [
    { alimento: 'arroz', p: 2.7, c: 28, f: 0.3, contains: [] },
    { alimento: 'patata', p: 2, c: 17, f: 0.1, contains: [] },
    { alimento: 'quinoa', p: 4.4, c: 21, f: 1.9, contains: [] },
    { alimento: 'pan integral', p: 9, c: 41, f: 3.4, contains: ['gluten'] },
    { alimento: 'copos de avena', p: 13, c: 60, f: 7, contains: ['gluten'] },
    { alimento: 'boniato', p: 1.6, c: 20, f: 0.1, contains: [] },
  ],
  grasa: [
    { alimento: 'aceite de oliva', p: 0, c: 0, f: 100, contains: [] },
    { alimento: 'aguacate', p: 2, c: 9, f: 15, contains: [] },
    { alimento: 'nueces', p: 15, c: 14, f: 65, contains: ['frutos_cascara'] },
  ],
  verdura: [
    { alimento: 'brócoli', p: 2.8, c: 7, f: 0.4, contains: [] },
    { alimento: 'ensalada de lechuga y tomate', p: 1, c: 3, f: 0.2, contains: [] },
    { alimento: 'calabacín', p: 1.2, c: 3, f: 0.3, contains: [] },
  ],
  fruta: [
    { alimento: 'plátano', p: 1.1, c: 23, f: 0.3, contains: [] },
    { alimento: 'manzana', p: 0.3, c: 14, f: 0.2, contains: [] },
    { alimento: 'fresas', p: 0.7, c: 8, f: 0.3, contains: [] },
  ],
  lacteo: [
    { alimento: 'yogur natural', p: 4, c: 5, f: 3, contains: ['leche', 'lactosa'] },
    { alimento: 'queso fresco', p: 12, c: 3, f: 4, contains: ['leche', 'lactosa'] },
    { alimento: 'bebida de soja', p: 3.3, c: 0.5, f: 1.8, contains: ['soja'] },
    { alimento: 'bebida de avena sin gluten', p: 1, c: 6.5, f: 1.5, contains: [] },
  ],
};

/** What a client's restrictions exclude, as `contains` tags. */
export function excludedTags(alergias: string[], intolerancias: string[], patron: string): Set<string> {
  const tags = new Set<string>([...alergias, ...intolerancias]);
  if (intolerancias.includes('gluten_no_celiaca')) tags.add('gluten');
  if (patron === 'vegano') ['carne', 'pescado', 'huevo', 'leche', 'lactosa'].forEach((t) => tags.add(t));
  if (patron === 'ovolactovegetariano') ['carne', 'pescado'].forEach((t) => tags.add(t));
  if (patron === 'pescetariano') tags.add('carne');
  return tags;
}
