import { describe, expect, it } from 'vitest';
import { CONTRA_VALUES } from '@shared/exercise';
import {
  activeInjuryTags,
  contraindicationsForInjury,
  exercisesFor,
} from '../../../src/main/pipeline/catalog';

describe('contraindicationsForInjury', () => {
  it.each([
    ['rodilla', ['flexion_profunda_rodilla', 'impacto', 'rodilla_valgo_carga']],
    ['Rodilla derecha', ['flexion_profunda_rodilla', 'impacto', 'rodilla_valgo_carga']],
    ['RODILLA IZQ.', ['flexion_profunda_rodilla', 'impacto', 'rodilla_valgo_carga']],
    ['menisco', ['flexion_profunda_rodilla', 'impacto', 'rodilla_valgo_carga']],
    ['lumbar', ['carga_axial_columna', 'flexion_lumbar_cargada', 'cizalla_lumbar']],
    ['zona lumbar', ['carga_axial_columna', 'flexion_lumbar_cargada', 'cizalla_lumbar']],
    ['espalda baja', ['carga_axial_columna', 'flexion_lumbar_cargada', 'cizalla_lumbar']],
    ['Espalda', ['carga_axial_columna', 'flexion_lumbar_cargada', 'cizalla_lumbar']],
    ['ciática', ['carga_axial_columna', 'flexion_lumbar_cargada', 'cizalla_lumbar']],
    ['hombro', ['overhead', 'hombro_rotacion_extrema']],
    ['Hombro izquierdo (manguito rotador)', ['overhead', 'hombro_rotacion_extrema']],
    ['muñeca', ['muneca_extension_cargada', 'agarre_intenso']],
    ['Muneca', ['muneca_extension_cargada', 'agarre_intenso']],
    ['tobillo', ['impacto', 'apoyo_unipodal']],
    ['tendón de Aquiles', ['impacto', 'apoyo_unipodal']],
    ['cadera', ['impacto', 'flexion_profunda_cadera']],
    ['ingle', ['impacto', 'flexion_profunda_cadera']],
    ['codo', ['agarre_intenso', 'codo_carga_aislada']],
    ['epicondilitis', ['agarre_intenso', 'codo_carga_aislada']],
    ['cervical', ['carga_axial_columna', 'carga_cervical']],
    ['cuello', ['carga_axial_columna', 'carga_cervical']],
    ['espalda alta', ['carga_axial_columna', 'cizalla_lumbar']],
    ['pectoral', ['hombro_rotacion_extrema']],
    ['diástasis abdominal', ['flexion_lumbar_cargada', 'valsalva']],
  ])('%s', (zona, expected) => {
    expect(contraindicationsForInjury(zona)).toEqual(expected);
  });

  it('returns tags in catalog order without repeats', () => {
    const tags = contraindicationsForInjury('rodilla y cadera');
    expect(tags).toEqual(CONTRA_VALUES.filter((t) => tags.includes(t)));
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags).toEqual(expect.arrayContaining(['flexion_profunda_rodilla', 'flexion_profunda_cadera']));
  });

  it('unknown zones map to nothing', () => {
    expect(contraindicationsForInjury('')).toEqual([]);
    expect(contraindicationsForInjury('oreja')).toEqual([]);
    expect(contraindicationsForInjury('dorsal ancho')).toEqual([]);
    expect(contraindicationsForInjury('ojo izquierdo')).toEqual([]);
  });

  it('a specific spine level wins over the generic back words', () => {
    expect(contraindicationsForInjury('hernia discal cervical')).toEqual([
      'carga_axial_columna',
      'carga_cervical',
    ]);
    expect(contraindicationsForInjury('hernia discal')).toEqual([
      'carga_axial_columna',
      'flexion_lumbar_cargada',
      'cizalla_lumbar',
    ]);
    // An inguinal hernia is not a back problem: hip zone plus no breath-holding.
    expect(contraindicationsForInjury('hernia inguinal')).toEqual([
      'impacto',
      'valsalva',
      'flexion_profunda_cadera',
    ]);
  });

  it('the description adds condition-specific tags', () => {
    expect(
      contraindicationsForInjury('rodilla', 'rotura de ligamento cruzado anterior (LCA) operada'),
    ).toContain('cizalla_rodilla');
    expect(contraindicationsForInjury('rodilla', 'condromalacia rotuliana')).toContain('cizalla_rodilla');
    expect(contraindicationsForInjury('rodilla', 'esguince leve')).not.toContain('cizalla_rodilla');
    expect(contraindicationsForInjury('hombro', 'luxación recidivante')).toContain('colgado');
    expect(contraindicationsForInjury('hombro', 'tendinitis')).not.toContain('colgado');
  });

  it('falls back to the description when the zone says nothing usable', () => {
    expect(contraindicationsForInjury('pierna derecha', 'rotura de menisco')).toEqual([
      'flexion_profunda_rodilla',
      'impacto',
      'rodilla_valgo_carga',
    ]);
    expect(contraindicationsForInjury('molestias', 'dolor lumbar al agacharme')).toContain('cizalla_lumbar');
    expect(contraindicationsForInjury('tobillo', 'y algo de cadera')).toEqual(['impacto', 'apoyo_unipodal']);
  });

  it('reads accents, case, punctuation and English the same way', () => {
    expect(contraindicationsForInjury('  Muñeca-DERECHA (túnel carpiano) ')).toEqual(
      contraindicationsForInjury('muneca derecha'),
    );
    expect(contraindicationsForInjury('left knee (ACL)')).toEqual(
      contraindicationsForInjury('rodilla izquierda, LCA'),
    );
  });
});

describe('activeInjuryTags', () => {
  it('unions active and chronic injuries, ignoring recovered ones', () => {
    expect(
      activeInjuryTags([
        { zona: 'rodilla derecha', estado: 'activa' },
        { zona: 'lumbar', descripcion: 'lumbalgia crónica', estado: 'cronica' },
        { zona: 'hombro', estado: 'recuperada' },
      ]),
    ).toEqual([
      'flexion_profunda_rodilla',
      'impacto',
      'carga_axial_columna',
      'flexion_lumbar_cargada',
      'rodilla_valgo_carga',
      'cizalla_lumbar',
    ]);
    expect(activeInjuryTags([])).toEqual([]);
    expect(activeInjuryTags(null)).toEqual([]);
    expect(activeInjuryTags([{ zona: 'hombro', estado: 'recuperada' }])).toEqual([]);
  });

  it('a knee injury removes deep squats and lunges but leaves knee-friendly leg work', () => {
    const tags = activeInjuryTags([{ zona: 'rodilla', estado: 'activa' }]);
    const ids = exercisesFor({
      material: ['barra', 'discos', 'rack', 'banco', 'mancuernas', 'maquinas'],
      excludeTags: tags,
    }).map((e) => e.id);
    for (const risky of [
      'sentadilla_trasera_barra',
      'zancada_frontal_mancuernas',
      'sentadilla_bulgara_mancuernas',
      'prensa_piernas',
    ]) {
      expect(ids).not.toContain(risky);
    }
    for (const ok of [
      'prensa_piernas_rango_parcial',
      'hip_thrust_barra',
      'curl_femoral_tumbado_maquina',
      'sentadilla_caja_alta_barra',
    ]) {
      expect(ids).toContain(ok);
    }
  });

  it('a shoulder injury removes overhead pressing and dips but keeps pulling and supported pressing', () => {
    const tags = activeInjuryTags([{ zona: 'hombro derecho', estado: 'cronica' }]);
    const ids = exercisesFor({
      material: ['barra', 'discos', 'rack', 'banco', 'mancuernas', 'maquinas', 'poleas'],
      excludeTags: tags,
    }).map((e) => e.id);
    for (const risky of [
      'press_militar_barra',
      'fondos_paralelas',
      'press_tras_nuca_barra',
      'remo_menton_barra',
    ]) {
      expect(ids).not.toContain(risky);
    }
    for (const ok of [
      'press_landmine',
      'remo_polea_baja',
      'jalon_agarre_neutro',
      'press_mancuernas_agarre_neutro',
    ]) {
      expect(ids).toContain(ok);
    }
  });

  it('a lower-back injury removes axial loading and loaded hinges', () => {
    const tags = activeInjuryTags([{ zona: 'espalda baja', estado: 'activa' }]);
    const ids = exercisesFor({
      material: ['barra', 'discos', 'rack', 'banco', 'mancuernas', 'maquinas', 'poleas'],
      excludeTags: tags,
    }).map((e) => e.id);
    for (const risky of [
      'sentadilla_trasera_barra',
      'peso_muerto_convencional_barra',
      'remo_barra',
      'buenos_dias_barra',
      'crunch',
    ]) {
      expect(ids).not.toContain(risky);
    }
    for (const ok of [
      'hip_thrust_barra',
      'remo_pecho_apoyado_mancuernas',
      'prensa_piernas',
      'bicho_muerto',
      'press_pallof_polea',
    ]) {
      expect(ids).toContain(ok);
    }
  });
});
