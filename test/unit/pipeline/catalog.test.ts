import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONTRA_VALUES,
  EQUIPMENT_VALUES,
  MUSCLE_VALUES,
  PATRON_VALUES,
  TECNICA_MAX_CHARS,
  type Exercise,
} from '@shared/exercise';
import {
  CatalogLoadError,
  ExerciseCatalog,
  catalogPathCandidates,
  defaultCatalogPath,
  exercisesFor,
  findExercise,
  getCatalog,
  initCatalog,
  isCatalogId,
  loadCatalog,
  missingEquipment,
  parseCatalog,
  resetCatalogCache,
} from '../../../src/main/pipeline/catalog';

const repoRoot = resolve(__dirname, '../../..');
const catalogFile = defaultCatalogPath(join(repoRoot, 'resources'));

function tempCatalog(data: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'edn-catalog-'));
  const file = join(dir, 'catalog.json');
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

const valid = (overrides: Partial<Exercise> = {}): Exercise => ({
  id: 'remo_prueba',
  nombre: 'Remo de prueba',
  name_en: 'Test row',
  patron: 'traccion_horizontal',
  tipo: 'compuesto',
  musculos_primarios: ['dorsal'],
  musculos_secundarios: ['biceps'],
  material: ['poleas'],
  nivel: 'principiante',
  contraindicaciones: [],
  unilateral: false,
  empuje_traccion: 'traccion',
  tecnica: {
    es: 'Tira de los codos hacia atrás y junta los omóplatos.',
    en: 'Pull your elbows back and squeeze your shoulder blades.',
  },
  ...overrides,
});

afterEach(() => resetCatalogCache());

describe('shipped catalog', () => {
  const catalog = loadCatalog(catalogFile);
  const all = catalog.exercises;
  const byId = (id: string): Exercise => catalog.get(id);

  it('loads, validates and has at least 160 exercises with unique ids', () => {
    expect(catalog.size).toBeGreaterThanOrEqual(160);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  it('covers every pattern, every muscle as a primary and every equipment value', () => {
    for (const patron of PATRON_VALUES)
      expect(all.filter((e) => e.patron === patron).length, patron).toBeGreaterThan(0);
    for (const muscle of MUSCLE_VALUES) {
      expect(all.filter((e) => e.musculos_primarios.includes(muscle)).length, muscle).toBeGreaterThanOrEqual(
        3,
      );
    }
    for (const item of EQUIPMENT_VALUES) {
      expect(all.filter((e) => e.material.includes(item)).length, item).toBeGreaterThanOrEqual(
        item === 'rack' ? 5 : 3,
      );
    }
  });

  it('uses every contraindication tag somewhere', () => {
    for (const tag of CONTRA_VALUES)
      expect(
        all.some((e) => e.contraindicaciones.includes(tag)),
        tag,
      ).toBe(true);
  });

  it('has truthful tags on the classic risky lifts', () => {
    const has = (id: string, ...tags: string[]) =>
      expect(byId(id).contraindicaciones, id).toEqual(expect.arrayContaining(tags));
    has('sentadilla_trasera_barra', 'flexion_profunda_rodilla', 'carga_axial_columna');
    has('sentadilla_frontal_barra', 'flexion_profunda_rodilla', 'carga_axial_columna');
    has('peso_muerto_convencional_barra', 'carga_axial_columna', 'agarre_intenso', 'cizalla_lumbar');
    has('press_militar_barra', 'overhead', 'carga_axial_columna');
    has('arranque_barra', 'overhead', 'carga_axial_columna');
    has('zancada_frontal_mancuernas', 'flexion_profunda_rodilla');
    has('sentadilla_bulgara_mancuernas', 'flexion_profunda_rodilla');
    has('sentadilla_salto', 'impacto');
    has('zancada_salto', 'impacto', 'flexion_profunda_rodilla');
    has('burpees', 'impacto');
    has('correr', 'impacto');
    has('fondos_paralelas', 'hombro_rotacion_extrema');
    has('dominadas_pronas', 'colgado', 'agarre_intenso');
    has('flexiones', 'muneca_extension_cargada');
    has('crunch', 'flexion_lumbar_cargada');
    has('extension_cuadriceps_maquina', 'cizalla_rodilla');
    // Every lunge and every jump carries its knee tag.
    for (const e of all) {
      if (e.patron === 'zancada' && !e.id.startsWith('subida') && e.id !== 'salto_patinador') {
        expect(e.contraindicaciones, e.id).toContain('flexion_profunda_rodilla');
      }
      if (/salto|saltos|pliometric|burpee|correr|carrera/.test(e.id))
        expect(e.contraindicaciones, e.id).toContain('impacto');
      if (e.patron === 'empuje_vertical' && /press_(militar|hombro|arnold|tras)|push_press/.test(e.id)) {
        expect(e.contraindicaciones, e.id).toContain('overhead');
      }
    }
  });

  it('keeps push/pull consistent with the pattern and strength work has primary muscles', () => {
    for (const e of all) {
      if (e.patron.startsWith('empuje_')) expect(e.empuje_traccion, e.id).toBe('empuje');
      if (e.patron.startsWith('traccion_')) expect(e.empuje_traccion, e.id).toBe('traccion');
      if (e.tipo === 'compuesto' || e.tipo === 'aislamiento')
        expect(e.musculos_primarios.length, e.id).toBeGreaterThan(0);
    }
  });

  it('offers plenty of knee-, back- and shoulder-friendly and home options', () => {
    const strength = all.filter((e) => e.tipo === 'compuesto' || e.tipo === 'aislamiento');
    const avoid = (tags: string[]) =>
      strength.filter((e) => !e.contraindicaciones.some((t) => tags.includes(t)));
    const knee = avoid(['flexion_profunda_rodilla', 'impacto', 'rodilla_valgo_carga', 'cizalla_rodilla']);
    expect(knee.filter((e) => e.musculos_primarios.includes('cuadriceps')).length).toBeGreaterThanOrEqual(8);
    const back = avoid(['carga_axial_columna', 'flexion_lumbar_cargada', 'cizalla_lumbar']);
    expect(
      back.filter((e) => ['sentadilla', 'bisagra', 'zancada'].includes(e.patron)).length,
    ).toBeGreaterThanOrEqual(15);
    const shoulder = avoid(['overhead', 'hombro_rotacion_extrema']);
    expect(
      shoulder.filter((e) => e.patron === 'empuje_vertical' || e.patron === 'empuje_horizontal').length,
    ).toBeGreaterThanOrEqual(15);
    const home = exercisesFor({ material: ['bandas', 'mancuernas'], nivel: 'principiante' }, catalog);
    for (const patron of PATRON_VALUES)
      expect(
        home.some((e) => e.patron === patron),
        `casa: ${patron}`,
      ).toBe(true);
  });
});

describe('lookups and filters', () => {
  it('finds ids through the cached default catalog', () => {
    expect(getCatalog()).toBe(getCatalog());
    expect(findExercise('press_banca_barra')?.nombre).toBe('Press de banca con barra');
    expect(isCatalogId('press_banca_barra')).toBe(true);
    expect(isCatalogId('press_banca_inventado')).toBe(false);
    expect(findExercise('XYZ')).toBeUndefined();
  });

  it('resolves the default path from the repo and accepts an explicit one', () => {
    expect(catalogPathCandidates()).toContain(catalogFile);
    const explicit = initCatalog(catalogFile);
    expect(explicit.source).toBe(catalogFile);
    expect(getCatalog()).toBe(explicit);
  });

  it('filters by equipment (all items required), level, tags and exclusions', () => {
    const bodyweight = exercisesFor({ material: ['ninguno'] });
    expect(bodyweight.length).toBeGreaterThan(20);
    for (const e of bodyweight)
      expect(
        e.material.filter((m) => m !== 'ninguno'),
        e.id,
      ).toEqual([]);
    expect(exercisesFor({ material: [] }).map((e) => e.id)).toEqual(bodyweight.map((e) => e.id));

    // Barbell bench needs barra + discos + banco + rack.
    const noRack = exercisesFor({ material: ['barra', 'discos', 'banco'] }).map((e) => e.id);
    expect(noRack).not.toContain('press_banca_barra');
    expect(noRack).toContain('hip_thrust_barra');
    expect(missingEquipment(findExercise('press_banca_barra')!, ['barra', 'discos', 'banco'])).toEqual([
      'rack',
    ]);

    const beginner = exercisesFor({ material: [...EQUIPMENT_VALUES], nivel: 'principiante' });
    expect(beginner.every((e) => e.nivel === 'principiante')).toBe(true);
    const intermediate = exercisesFor({ material: [...EQUIPMENT_VALUES], nivel: 'intermedio' });
    expect(intermediate.some((e) => e.nivel === 'intermedio')).toBe(true);
    expect(intermediate.some((e) => e.nivel === 'avanzado')).toBe(false);
    expect(exercisesFor({ material: [...EQUIPMENT_VALUES] }).length).toBe(getCatalog().size);

    const kneeSafe = exercisesFor({
      material: [...EQUIPMENT_VALUES],
      excludeTags: ['flexion_profunda_rodilla', 'impacto'],
    });
    expect(kneeSafe.some((e) => e.contraindicaciones.includes('flexion_profunda_rodilla'))).toBe(false);
    expect(kneeSafe.map((e) => e.id)).not.toContain('sentadilla_trasera_barra');

    const excluded = exercisesFor({ material: ['mancuernas'], excludeIds: ['curl_mancuernas'] }).map(
      (e) => e.id,
    );
    expect(excluded).not.toContain('curl_mancuernas');
    expect(excluded).toContain('curl_martillo');

    const pulls = exercisesFor({
      material: ['poleas'],
      patron: ['traccion_vertical', 'traccion_horizontal'],
    });
    expect(pulls.length).toBeGreaterThan(3);
    expect(pulls.every((e) => e.empuje_traccion === 'traccion')).toBe(true);
  });
});

describe('loader errors', () => {
  it('fails loudly naming the bad entry', () => {
    const file = tempCatalog([
      valid(),
      valid({ id: 'press_roto', nombre: 'Press roto', musculos_primarios: ['pectorales' as never] }),
      valid({ id: 'Mal Id', nombre: 'Otro' }),
    ]);
    let error: unknown;
    try {
      loadCatalog(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogLoadError);
    const err = error as CatalogLoadError;
    expect(err.message).toContain('#1 "press_roto": musculos_primarios.0');
    expect(err.message).toContain('#2 "Mal Id": id');
    expect(err.problems).toHaveLength(2);
    expect(err.path).toBe(file);
  });

  /** What the loader finds wrong with these entries (none when they load). */
  const problems = (entries: unknown[]): readonly string[] => {
    try {
      parseCatalog(entries, 'mem');
    } catch (e) {
      return (e as CatalogLoadError).problems;
    }
    return [];
  };

  it('rejects duplicates, inconsistent push/pull, ninguno mixed with equipment, muscle overlap, empty strength muscles', () => {
    expect(problems([valid(), valid({ nombre: 'Otro nombre' })])[0]).toMatch(
      /#1 "remo_prueba": id repetido \(ya usado en #0\)/,
    );
    expect(problems([valid(), valid({ id: 'otro' })])[0]).toMatch(/nombre repetido/);
    expect(problems([valid({ empuje_traccion: 'empuje' })])[0]).toMatch(/empuje_traccion/);
    expect(problems([valid({ material: ['ninguno', 'bandas'] })])[0]).toMatch(/ninguno/);
    expect(problems([valid({ musculos_secundarios: ['dorsal'] })])[0]).toMatch(/primarios y secundarios/);
    expect(problems([valid({ musculos_primarios: [] })])[0]).toMatch(/al menos un músculo primario/);
    expect(problems([valid({ contraindicaciones: ['rodilla_mala' as never] })])[0]).toMatch(
      /contraindicaciones/,
    );
    expect(problems([{ ...valid(), extra: 1 }])[0]).toMatch(/extra/);
    expect(
      problems([valid({ id: 'cardio_x', patron: 'cardio', tipo: 'compuesto', empuje_traccion: null })])[0],
    ).toMatch(/cardio/);
  });

  it('requires a technique cue in both languages, within the length limit', () => {
    const { tecnica, ...withoutCue } = valid();
    expect(problems([withoutCue])[0]).toMatch(/#0 "remo_prueba": tecnica/);
    expect(problems([valid({ tecnica: { es: tecnica.es } as never })])[0]).toMatch(/tecnica\.en/);
    expect(problems([valid({ tecnica: { ...tecnica, es: '   ' } })])[0]).toMatch(/tecnica\.es/);
    expect(problems([valid({ tecnica: { ...tecnica, en: 'x'.repeat(TECNICA_MAX_CHARS + 1) } })])[0]).toMatch(
      /tecnica\.en.*140/,
    );
    expect(problems([valid({ tecnica: { ...tecnica, fr: 'Tirez.' } as never })])[0]).toMatch(/fr/);
    expect(problems([valid({ tecnica: { ...tecnica, en: 'y'.repeat(TECNICA_MAX_CHARS) } })])).toEqual([]);
  });

  it('reports unreadable, non-JSON, non-array and empty files', () => {
    expect(() => loadCatalog('/nonexistent/catalog.json')).toThrow(/No se puede leer/);
    expect(() => loadCatalog(tempCatalog('{ not json'))).toThrow(/no es JSON válido/);
    expect(() => loadCatalog(tempCatalog({ a: 1 }))).toThrow(/debe ser un array/);
    expect(() => loadCatalog(tempCatalog([]))).toThrow(/vacío/);
  });

  it('builds a catalog from valid entries', () => {
    const catalog = parseCatalog([valid()], 'mem');
    expect(catalog).toBeInstanceOf(ExerciseCatalog);
    expect(catalog.get('remo_prueba').nombre).toBe('Remo de prueba');
    expect(() => catalog.get('nada')).toThrow(/nada/);
    expect(catalog.unknownIds(['nada', 'remo_prueba', 'nada', 'otro'])).toEqual(['nada', 'otro']);
  });
});
