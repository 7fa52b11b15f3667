import { describe, expect, it } from 'vitest';
import { screenQuestionnaire, screeningMessage } from '../../../../src/main/pipeline/audits';
import type { NormalizedResponses } from '../../../../src/shared/questionnaire';
import { validateQuestionnaire } from '../../../../src/shared/questionnaire-validation';
import type { Screening } from '../../../../src/shared/plan-content';

const NOW = new Date('2025-06-15T10:00:00Z');
const ALL_NO_PARQ = { p1: false, p2: false, p3: false, p4: false, p5: false, p6: false, p7: false };
const ALL_NO_SCOFF = { s1: false, s2: false, s3: false, s4: false, s5: false };
const CLEARANCE = { tiene: true, fecha: '2025-05-20', notas: 'Dr. Martín, apto para ejercicio moderado' };

/** A questionnaire as the app's form writes it, through the real validator (as the pipeline does). */
function responses(overrides: Record<string, unknown> = {}): NormalizedResponses {
  const result = validateQuestionnaire(
    {
      _id: 'sub-1',
      user_id: 'user-1',
      responses: {
        nombre_completo: 'Laura Gómez Ruiz',
        email: 'laura.gomez@example.com',
        fecha_nacimiento: '1991-04-12',
        sexo: 'MUJER',
        peso: '62,5',
        altura_cm: '168',
        objetivo_fisico: 'Ganar músculo',
        objetivo_principal: 'ganar_musculo',
        parq: ALL_NO_PARQ,
        scoff: ALL_NO_SCOFF,
        embarazo_lactancia: 'no',
        ciclo_menstrual: 'regular',
        patologias: [],
        medicacion: [],
        consentimientos: { datos_salud: true, datos_salud_fecha: '2025-06-01' },
        ...overrides,
      },
    },
    { now: NOW },
  );
  if (!result.data) throw new Error(`fixture inválido: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.data.responses;
}

const screen = (overrides: Record<string, unknown> = {}) =>
  screenQuestionnaire(responses(overrides), { now: NOW });
const byId = (screening: Screening, id: string) => {
  const found = screening.checks.find((check) => check.id === id);
  if (!found) throw new Error(`${id} no está en el cribado`);
  return found;
};
const failedBlocks = (screening: Screening) =>
  screening.checks.filter((check) => check.severity === 'block' && !check.passed).map((check) => check.id);

describe('screenQuestionnaire: a healthy adult', () => {
  it('passes every check, with no deficit restriction and the adult caffeine limit', () => {
    const screening = screen();
    expect(screening.checks.map((check) => check.id)).toEqual([
      'SCR-01',
      'SCR-02',
      'SCR-03',
      'SCR-04',
      'SCR-05',
      'SCR-06',
      'SCR-07',
      'SCR-08',
      'SCR-09',
      'SCR-10',
    ]);
    expect(screening.checks.filter((check) => !check.passed)).toEqual([]);
    expect(screening).toMatchObject({ blocked: false, no_deficit: false, caffeine_limit_mg: 400 });
    expect(screeningMessage(screening)).toBe('');
  });

  it('gives every check a Spanish reason the coach can read', () => {
    for (const check of screen().checks) expect(check.reason.length).toBeGreaterThan(10);
    expect(byId(screen(), 'SCR-03').reason).toBe('Mayor de edad (34 años).');
  });
});

describe('SCR-01 PAR-Q+', () => {
  it('blocks any "yes" without a medical clearance and names the question', () => {
    const screening = screen({ parq: { ...ALL_NO_PARQ, p2: true } });
    expect(screening.blocked).toBe(true);
    expect(byId(screening, 'SCR-01')).toMatchObject({ severity: 'block', passed: false });
    expect(byId(screening, 'SCR-01').reason).toMatch(/P2 dolor torácico/);
  });

  it('is released by a dated clearance and stays visible as a warning', () => {
    const screening = screen({ parq: { ...ALL_NO_PARQ, p6: true }, autorizacion_medica: CLEARANCE });
    expect(screening.blocked).toBe(false);
    expect(byId(screening, 'SCR-01')).toMatchObject({ severity: 'warn', passed: false });
    expect(byId(screening, 'SCR-01').reason).toContain('2025-05-20');
  });

  it('does not accept a clearance without a date or dated in the future', () => {
    const undated = screen({ parq: { ...ALL_NO_PARQ, p1: true }, autorizacion_medica: { tiene: true } });
    expect(undated.blocked).toBe(true);
    expect(byId(undated, 'SCR-01').reason).toMatch(/no tiene fecha/);
    const future = screen({
      parq: { ...ALL_NO_PARQ, p1: true },
      autorizacion_medica: { tiene: true, fecha: '2025-09-01' },
    });
    expect(future.blocked).toBe(true);
    const denied = screen({ parq: { ...ALL_NO_PARQ, p1: true }, autorizacion_medica: { tiene: false } });
    expect(denied.blocked).toBe(true);
  });

  it('asks for the PAR-Q+ (warning) when the questionnaire has none and declares nothing', () => {
    const screening = screen({ parq: null });
    expect(screening.blocked).toBe(false);
    expect(byId(screening, 'SCR-01')).toMatchObject({ severity: 'warn', passed: false });
  });
});

describe('original-format questionnaires (free text)', () => {
  /** The original system's documented example client: hypothyroid, shoulder and L4-L5 problems. */
  const original = {
    parq: null,
    scoff: null,
    embarazo_lactancia: null,
    patologias: null,
    medicacion: null,
    consentimientos: null,
    objetivo_principal: null,
    sexo: 'HOMBRE',
    fecha_nacimiento: '1987-01-31',
    peso: '85',
    altura_cm: '172',
    objetivo_fisico: 'Perder grasa',
    medicamentos: 'Eutirox75',
    enfermedad_cronica: 'Hipotiroidismo',
    problemas_corazon: 'No',
    hipertension: 'No',
    diabetes: 'No',
    problema_ejercicio: 'No',
    embarazo: 'No',
    problemas_musculares: 'Manguito rotador de los 2 hombros',
    hernias_protusiones: 'L4-L5',
    artrosis: 'No',
    dietas_anteriores: 'Keto y me fue genial',
    sustancias_alteran: 'Eutirox 75',
  };

  it('reads PAR-Q+-like answers as a warning to complete the PAR-Q+, not a block', () => {
    const screening = screen(original);
    expect(screening.blocked).toBe(false);
    const parq = byId(screening, 'SCR-01');
    expect(parq).toMatchObject({ severity: 'warn', passed: false });
    expect(parq.reason).toContain('medicamentos: «Eutirox75»');
    expect(parq.reason).toContain('hernias_protusiones: «L4-L5»');
    expect(parq.reason).not.toContain('problemas_corazon');
    // Hypothyroidism is not a cardiovascular, metabolic or renal disease in the ACSM sense.
    expect(byId(screening, 'SCR-02').passed).toBe(true);
  });

  it('blocks "¿algún problema que impida hacer ejercicio?" answered yes (PAR-Q+ 7)', () => {
    const screening = screen({ ...original, problema_ejercicio: 'Sí, el traumatólogo me lo ha prohibido' });
    expect(failedBlocks(screening)).toEqual(['SCR-01']);
  });

  it('reads heart problems, hypertension and diabetes answered in free text as known disease (SCR-02)', () => {
    expect(byId(screen({ ...original, diabetes: 'Sí, tipo 2 desde 2020' }), 'SCR-02')).toMatchObject({
      severity: 'block',
      passed: false,
    });
    expect(byId(screen({ ...original, hipertension: 'Controlada con enalapril' }), 'SCR-02').passed).toBe(
      false,
    );
    expect(byId(screen({ ...original, enfermedad_cronica: 'No tengo diabetes' }), 'SCR-02').passed).toBe(
      true,
    );
  });

  it('reads a free-text pregnancy answer', () => {
    const pregnant = screen({ ...original, sexo: 'MUJER', embarazo: 'Sí, de 20 semanas' });
    expect(byId(pregnant, 'SCR-04')).toMatchObject({ severity: 'block', passed: false });
    const lactating = screen({
      ...original,
      sexo: 'MUJER',
      objetivo_fisico: 'Mantener',
      embarazo: 'Lactancia',
    });
    expect(byId(lactating, 'SCR-04')).toMatchObject({ severity: 'warn', passed: false });
    expect(byId(lactating, 'SCR-04').reason).toMatch(/^Lactancia/);
    expect(lactating.caffeine_limit_mg).toBe(200);
  });

  it('reads insulin in the free-text medication answer (SCR-08)', () => {
    const screening = screen({ ...original, medicamentos: 'Insulina Lantus por la noche' });
    expect(byId(screening, 'SCR-08')).toMatchObject({ severity: 'warn', passed: false });
  });

  it('reads an eating-disorder history in the diet history, ignoring negations', () => {
    expect(byId(screen({ ...original, dietas_anteriores: 'Tuve bulimia a los 20' }), 'SCR-05').passed).toBe(
      false,
    );
    expect(
      byId(screen({ ...original, dietas_anteriores: 'No he tenido anorexia ni nada' }), 'SCR-05').passed,
    ).toBe(true);
  });
});

describe('SCR-02 cardiovascular, metabolic or renal disease', () => {
  it('blocks without clearance and becomes a warning with it', () => {
    const blocked = screen({ patologias: ['hipertension'] });
    expect(failedBlocks(blocked)).toEqual(['SCR-02']);
    expect(byId(blocked, 'SCR-02').reason).toContain('hipertensión');
    const cleared = screen({ patologias: ['hipertension'], autorizacion_medica: CLEARANCE });
    expect(cleared.blocked).toBe(false);
    expect(byId(cleared, 'SCR-02')).toMatchObject({ severity: 'warn', passed: false });
  });

  it('ignores conditions outside the ACSM list (asthma, hypothyroidism)', () => {
    expect(byId(screen({ patologias: ['asma', 'hipotiroidismo'] }), 'SCR-02').passed).toBe(true);
  });
});

describe('SCR-03 minors', () => {
  const minor = { fecha_nacimiento: '2009-03-01', peso: '55', objetivo_fisico: 'Mejorar en fútbol' };

  it('blocks a minor without guardian consent, before generation', () => {
    const screening = screen(minor);
    expect(screening.blocked).toBe(true);
    expect(failedBlocks(screening)).toEqual(['SCR-03']);
    expect(byId(screening, 'SCR-03').reason).toMatch(
      /Menor de edad \(16 años\) sin consentimiento del tutor/,
    );
    expect(screeningMessage(screening)).toMatch(
      /^El cuestionario requiere revisión profesional[\s\S]*• SCR-03: Menor/,
    );
  });

  it('with guardian consent: no block, but never a deficit and caffeine ≤ 3 mg/kg', () => {
    const screening = screen({ ...minor, consentimientos: { datos_salud: true, tutor_legal: true } });
    expect(screening.blocked).toBe(false);
    expect(byId(screening, 'SCR-03')).toMatchObject({ severity: 'warn', passed: false });
    expect(screening.no_deficit).toBe(true);
    expect(screening.caffeine_limit_mg).toBe(165);
  });

  it('a medical clearance does not replace the guardian', () => {
    expect(screen({ ...minor, autorizacion_medica: CLEARANCE }).blocked).toBe(true);
  });
});

describe('SCR-04 pregnancy, postpartum, lactation', () => {
  it('blocks pregnancy with a fat-loss goal', () => {
    const screening = screen({
      embarazo_lactancia: 'embarazo',
      objetivo_principal: 'perder_grasa',
      objetivo_fisico: 'Perder grasa',
    });
    expect(screening.blocked).toBe(true);
    expect(failedBlocks(screening)).toEqual(['SCR-04']);
    expect(byId(screening, 'SCR-04').reason).toMatch(/^Embarazo .* objetivo de pérdida de grasa/);
  });

  it('reads a loss goal from a target weight below the current one', () => {
    const screening = screen({ embarazo_lactancia: 'posparto_6m', peso_objetivo_kg: 56 });
    expect(failedBlocks(screening)).toEqual(['SCR-04']);
  });

  it('without a loss goal: warning, no deficit and caffeine ≤ 200 mg', () => {
    const screening = screen({
      embarazo_lactancia: 'lactancia',
      objetivo_principal: 'salud',
      objetivo_fisico: 'Salud',
    });
    expect(screening).toMatchObject({ blocked: false, no_deficit: true, caffeine_limit_mg: 200 });
    expect(byId(screening, 'SCR-04')).toMatchObject({ severity: 'warn', passed: false });
  });

  it('a clearance does not release pregnancy with a fat-loss goal', () => {
    const screening = screen({
      embarazo_lactancia: 'embarazo',
      objetivo_fisico: 'Definición',
      objetivo_principal: null,
      autorizacion_medica: CLEARANCE,
    });
    expect(screening.blocked).toBe(true);
  });
});

describe('SCR-05 eating-disorder risk', () => {
  const scoff2 = { ...ALL_NO_SCOFF, s2: true, s4: true };

  it('blocks SCOFF ≥ 2 even with a muscle-gain goal', () => {
    const screening = screen({ scoff: scoff2 });
    expect(screening.blocked).toBe(true);
    expect(failedBlocks(screening)).toEqual(['SCR-05']);
    expect(byId(screening, 'SCR-05').reason).toContain('SCOFF con 2 de 5');
    expect(screening.no_deficit).toBe(true);
  });

  it('SCOFF 1 passes', () => {
    expect(byId(screen({ scoff: { ...ALL_NO_SCOFF, s5: true } }), 'SCR-05').passed).toBe(true);
  });

  it('clearance plus a goal without weight loss turns it into a warning; with a loss goal it stays blocked', () => {
    const cleared = screen({ scoff: scoff2, autorizacion_medica: CLEARANCE });
    expect(cleared.blocked).toBe(false);
    expect(byId(cleared, 'SCR-05')).toMatchObject({ severity: 'warn', passed: false });
    expect(cleared.no_deficit).toBe(true);
    const losing = screen({
      scoff: scoff2,
      autorizacion_medica: CLEARANCE,
      objetivo_principal: 'perder_grasa',
      objetivo_fisico: 'Adelgazar',
    });
    expect(failedBlocks(losing)).toEqual(['SCR-05']);
  });

  it('treats an ED history and ≥ 3 months of amenorrhoea (REDs) like SCOFF ≥ 2', () => {
    expect(failedBlocks(screen({ historial_dietas: 'Anorexia nerviosa en 2018, en tratamiento' }))).toEqual([
      'SCR-05',
    ]);
    expect(failedBlocks(screen({ ciclo_menstrual: 'amenorrea_3m' }))).toEqual(['SCR-05']);
  });
});

describe('SCR-06 / SCR-07 BMI', () => {
  it('blocks a deficit for an underweight client with a loss goal and refers below 17', () => {
    const screening = screen({
      peso: '48',
      altura_cm: '170',
      objetivo_fisico: 'Perder peso',
      objetivo_principal: null,
    });
    expect(failedBlocks(screening)).toEqual(['SCR-06']);
    expect(byId(screening, 'SCR-06').reason).toMatch(/IMC 16,6 .* derivar/);
  });

  it('underweight without a loss goal: warning and no deficit', () => {
    const screening = screen({ peso: '52', altura_cm: '170' });
    expect(screening.blocked).toBe(false);
    expect(byId(screening, 'SCR-06')).toMatchObject({ severity: 'warn', passed: false });
    expect(screening.no_deficit).toBe(true);
  });

  it('BMI ≥ 30 is routed to a dietitian (warning), with medical oversight from 40', () => {
    const obese = screen({ peso: '105', altura_cm: '175' });
    expect(obese.blocked).toBe(false);
    expect(byId(obese, 'SCR-07')).toMatchObject({ severity: 'warn', passed: false });
    expect(byId(obese, 'SCR-07').reason).toMatch(/IMC 34,3 .*dietista-nutricionista/);
    expect(byId(obese, 'SCR-07').reason).not.toMatch(/supervisión médica/);
    expect(byId(screen({ peso: '125', altura_cm: '175' }), 'SCR-07').reason).toMatch(/supervisión médica/);
  });
});

describe('SCR-08 insulin and sulfonylureas', () => {
  it('warns (not blocks) with the hypoglycaemia protocol', () => {
    const screening = screen({
      patologias: ['diabetes_t2'],
      medicacion: [{ nombre: 'Gliclazida 30 mg', dosis: '1 al día', motivo: 'diabetes' }],
      autorizacion_medica: CLEARANCE,
    });
    expect(screening.blocked).toBe(false);
    const check = byId(screening, 'SCR-08');
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check.reason).toMatch(/gliclazida.*hipoglucemia.*2,9 mmol\/L/i);
  });

  it('assumes insulin for type 1 diabetes', () => {
    const screening = screen({ patologias: ['diabetes_t1'], autorizacion_medica: CLEARANCE });
    expect(byId(screening, 'SCR-08').passed).toBe(false);
  });

  it('ignores other medication', () => {
    expect(byId(screen({ medicacion: [{ nombre: 'Metformina 850' }] }), 'SCR-08').passed).toBe(true);
  });
});

describe('SCR-09 chronic kidney disease', () => {
  it('blocks even with a medical clearance (which releases SCR-02 only)', () => {
    const screening = screen({ patologias: ['enfermedad_renal'], autorizacion_medica: CLEARANCE });
    expect(failedBlocks(screening)).toEqual(['SCR-09']);
    expect(byId(screening, 'SCR-02')).toMatchObject({ severity: 'warn', passed: false });
    expect(byId(screening, 'SCR-09').reason).toMatch(/0,55–0,8 g\/kg/);
  });

  it('reads CKD in free text', () => {
    expect(failedBlocks(screen({ patologias_detalle: 'Insuficiencia renal crónica estadio 3' }))).toContain(
      'SCR-09',
    );
  });
});

describe('clearance releases only the clearance-type blocks', () => {
  it('minor + pregnancy-like + SCOFF + underweight + CKD stay blocked; PAR-Q and disease are released', () => {
    const screening = screen({
      fecha_nacimiento: '2008-09-01',
      peso: '45',
      altura_cm: '165',
      objetivo_fisico: 'Perder grasa',
      objetivo_principal: 'perder_grasa',
      parq: { ...ALL_NO_PARQ, p4: true },
      patologias: ['cardiopatia', 'enfermedad_renal'],
      scoff: { ...ALL_NO_SCOFF, s1: true, s3: true },
      embarazo_lactancia: 'embarazo',
      autorizacion_medica: CLEARANCE,
    });
    expect(failedBlocks(screening)).toEqual(['SCR-03', 'SCR-04', 'SCR-05', 'SCR-06', 'SCR-09']);
    expect(byId(screening, 'SCR-01').severity).toBe('warn');
    expect(byId(screening, 'SCR-02').severity).toBe('warn');
    expect(screening.caffeine_limit_mg).toBe(135);
    const message = screeningMessage(screening);
    for (const id of ['SCR-03', 'SCR-04', 'SCR-05', 'SCR-06', 'SCR-09'])
      expect(message).toContain(`• ${id}:`);
    expect(message).not.toContain('SCR-01');
  });
});

describe('red flags and eating-disorder signs written as free text, in any field', () => {
  const written = (overrides: Record<string, unknown>) => screen({ ...overrides });

  it('chest pain, fainting and "only supervised" count like the PAR-Q+ ticked, even when the form says no', () => {
    for (const [field, text, question] of [
      [
        'comentarios_adicionales',
        'A veces noto un dolor opresivo en el pecho al apretar en las series',
        'P2',
      ],
      ['observaciones', 'El año pasado me desmayé corriendo una media maratón', 'P3'],
      ['notes', 'My GP says I should only exercise under medical supervision for now', 'P7'],
    ] as const) {
      const screening = written({ [field]: text });
      const check = byId(screening, 'SCR-01');
      expect(check).toMatchObject({ severity: 'block', passed: false });
      expect(check.reason).toContain(question);
      expect(check.reason).toContain(field);
    }
  });

  it('a denied red flag is not one', () => {
    expect(
      byId(written({ comentarios_adicionales: 'Nunca me he mareado ni me he desmayado' }), 'SCR-01').passed,
    ).toBe(true);
  });

  it('eating-disorder signs in free text block a deficit like SCOFF ≥ 2', () => {
    const screening = written({
      objetivo_principal: 'perder_grasa',
      historial_dietas: 'Después de los atracones me provoco el vómito',
    });
    const check = byId(screening, 'SCR-05');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toContain('historial_dietas');
    expect(screening.no_deficit).toBe(true);
  });

  it('an uncertain sign is an open question that stops generation (SCR-10) until the coach answers it', () => {
    const screening = written({ comentarios_adicionales: 'Noto palpitaciones cuando subo escaleras' });
    expect(failedBlocks(screening)).toEqual(['SCR-10']);
    expect(byId(screening, 'SCR-10').reason).toContain('palpitaciones');
  });
});

describe('SCR-07 reads written pathologies too', () => {
  it('routes the diet of a client who writes "tengo la tensión alta" like one who ticks it', () => {
    const check = byId(
      screen({ comentarios_adicionales: 'Tengo la tensión alta desde hace años' }),
      'SCR-07',
    );
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check.reason).toContain('hipertension');
  });
});
