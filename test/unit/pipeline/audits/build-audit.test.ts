import { describe, expect, it } from 'vitest';
import { buildAudit } from '../../../../src/main/pipeline/audits';
import { AuditResultSchema, type AuditCheckResult } from '../../../../src/shared/plan-content';

const pass = (id: string, severity: AuditCheckResult['severity'] = 'block'): AuditCheckResult => ({
  id,
  severity,
  passed: true,
  reason: `${id} correcto.`,
});
const fail = (id: string, severity: AuditCheckResult['severity'], reason: string): AuditCheckResult => ({
  id,
  severity,
  passed: false,
  reason,
});
const review = {
  revision: 'Plan coherente con el objetivo; orden de ejercicios adecuado.',
  warnings: [] as string[],
  recomendaciones: ['Revisar la técnica de la sentadilla en la semana 1.'],
};

describe('buildAudit', () => {
  it('aprobado when every check passed and the LLM has no warnings', () => {
    const audit = buildAudit([pass('TRN-01'), pass('TRN-06', 'warn')], review);
    expect(audit).toEqual({
      status: 'aprobado',
      checks: [pass('TRN-01'), pass('TRN-06', 'warn')],
      warnings: [],
      recomendaciones: ['Revisar la técnica de la sentadilla en la semana 1.'],
      revision: review.revision,
    });
    expect(AuditResultSchema.parse(audit)).toEqual(audit);
  });

  it('con_warnings for a failed warn check, listing its reason', () => {
    const audit = buildAudit(
      [pass('TRN-01'), fail('TRN-05', 'warn', 'lunes: 75 min > 60 min + 10 %.')],
      review,
    );
    expect(audit.status).toBe('con_warnings');
    expect(audit.warnings).toEqual(['TRN-05: lunes: 75 min > 60 min + 10 %.']);
  });

  it('con_warnings for LLM warnings alone', () => {
    const audit = buildAudit([pass('NUT-01')], { ...review, warnings: ['Poca variedad de verduras.'] });
    expect(audit).toMatchObject({ status: 'con_warnings', warnings: ['Poca variedad de verduras.'] });
  });

  it('bloqueado for any failed block check, whatever the LLM says', () => {
    const audit = buildAudit(
      [fail('NUT-05', 'block', 'día bajo 900 kcal.'), fail('NUT-09', 'warn', 'grasa 18 %.')],
      { ...review, warnings: ['Nada que objetar.'] },
    );
    expect(audit.status).toBe('bloqueado');
    expect(audit.warnings).toEqual(['NUT-09: grasa 18 %.', 'Nada que objetar.']);
    expect(audit.checks.filter((check) => !check.passed).map((check) => check.id)).toEqual([
      'NUT-05',
      'NUT-09',
    ]);
  });

  it('failed info checks do not change the status', () => {
    expect(buildAudit([fail('NUT-12', 'info', 'solo 2 comidas con ≥ 0,25 g/kg.')], review).status).toBe(
      'aprobado',
    );
  });

  it('without an LLM review the checks still decide and the revision says so', () => {
    const audit = buildAudit([fail('TRN-03', 'block', 'Sentadilla con lesión de rodilla.')], null);
    expect(audit).toMatchObject({ status: 'bloqueado', warnings: [], recomendaciones: [] });
    expect(audit.revision).toMatch(/no disponible/);
  });
});
