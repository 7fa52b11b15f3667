import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/main/db/repositories';
import { DomainError } from '../../../src/main/application/domain-error';
import { previewPlanEdits, savePlanEdits } from '../../../src/main/application/plan-editing';
import { approvePlan, exportApprovedPlan, getApprovedPlan } from '../../../src/main/application/plan-review';
import {
  comparePlanVersions,
  getPlanVersion,
  listPlanVersions,
  restorePlanVersion,
} from '../../../src/main/application/plan-versions';
import { getPlan, overridePlanBlock } from '../../../src/main/application/plan-delivery';
import { recordDelivery } from '../../../src/main/application/plan-review';
import { planVersionId } from '../../../src/shared/plan-versions';
import type { TrainingEdit } from '../../../src/shared/plan-edits';
import { clearCollections, useTestDatabase } from '../../support/test-db';
import { storedPlans } from '../../unit/shared/client-plan/stored-plans';

/*
 * Versions, re-audit and review of a real stored plan (issue #16 points 3, 4, 6, 7), through the
 * application use cases both doors call, on the run's MongoDB backend. Two repositories on two
 * connections stand for two app instances sharing a clinic's database.
 */

const database = useTestDatabase();
let repos: Repositories;
let otherClient: MongoClient;
let otherInstance: Repositories;

beforeAll(async () => {
  repos = createRepositories(database.db);
  otherClient = await MongoClient.connect(database.uri);
  otherInstance = createRepositories(otherClient.db(database.dbName));
});
afterAll(async () => {
  await otherClient.close();
});

const knee = () => storedPlans('rodillaLactosa', 'es');
let planId: string;

beforeEach(async () => {
  await clearCollections(database.db);
  const { training } = knee();
  await repos.trainingPlans.saveOnce(training);
  planId = training._id;
});

const setsEdit: TrainingEdit = { type: 'set_prescription', session: 0, exercise: 0, series: 4 };
const save = (base: number, edits: TrainingEdit[], r: Repositories = repos, note = '') =>
  savePlanEdits(r, { kind: 'training', plan_id: planId, base_version: base, edits, note, via: 'desktop' });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('preview and save', () => {
  it('a preview re-audits and lists the change, and saves nothing', async () => {
    const preview = await previewPlanEdits(repos, {
      kind: 'training',
      plan_id: planId,
      base_version: 1,
      edits: [setsEdit],
    });
    expect(preview.changes.map((c) => c.code)).toEqual(['prescription_changed']);
    expect(preview.changes[0]?.text.es).toContain('3 → 4');
    expect(preview.audit.checks.length).toBeGreaterThan(5);
    expect((await getPlan(repos, 'training', planId)).version).toBeUndefined();
    expect(await repos.planVersions.list(planId)).toEqual([]);
  });

  it('a save is version 2 on top of the generated version 1, a draft, with who, when and the note', async () => {
    const { version, plan } = await save(1, [setsEdit], repos, 'más volumen de pecho');
    expect(version).toBe(2);
    expect(plan.version).toBe(2);
    expect(plan.review?.state).toBe('draft');
    const list = await listPlanVersions(repos, 'training', planId);
    expect(list.current_version).toBe(2);
    expect(list.versions.map((v) => [v.version, v.origin, v.based_on])).toEqual([
      [1, 'generated', null],
      [2, 'edit', 1],
    ]);
    expect(list.versions[1]).toMatchObject({ note: 'más volumen de pecho', author: { via: 'desktop' } });
    const v1 = await getPlanVersion(repos, 'training', planId, 1);
    expect(v1.content).toEqual(knee().training.training);
  });

  it('an unknown exercise id is refused with the field at fault, in the request’s terms', async () => {
    const error = await refusal(
      save(1, [
        setsEdit,
        { type: 'swap_exercise', session: 0, exercise: 1, exercise_id: 'press_imaginario' },
      ]),
    );
    expect(error.code).toBe('validation_error');
    expect(error.fields[0]).toMatchObject({ field: 'edits.1.exercise_id', code: 'unknown_exercise' });
    expect(error.message).toContain('edits.1.exercise_id');
    expect((await getPlan(repos, 'training', planId)).version).toBeUndefined();
  });
});

describe('concurrent edits (two instances, one database)', () => {
  it('a save on a version someone else already moved on is refused and overwrites nothing', async () => {
    await save(1, [setsEdit], otherInstance);
    const error = await refusal(save(1, [{ type: 'set_prescription', session: 0, exercise: 0, series: 2 }]));
    expect(error.code).toBe('plan_version_conflict');
    expect(error.fields[0]?.field).toBe('base_version');
    expect(error.message).toContain('versión 2');
    const list = await listPlanVersions(repos, 'training', planId);
    expect(list.versions).toHaveLength(2);
  });

  it('two saves at once on the same version: exactly one lands', async () => {
    const results = await Promise.allSettled([
      save(1, [setsEdit], repos),
      save(1, [{ type: 'set_prescription', session: 0, exercise: 0, series: 2 }], otherInstance),
    ]);
    const landed = results.filter((r) => r.status === 'fulfilled');
    expect(landed).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: 'plan_version_conflict' });
    expect((await listPlanVersions(repos, 'training', planId)).versions).toHaveLength(2);
  });

  it('a version claimed by a writer that died before moving the plan is rolled forward, not lost', async () => {
    await save(1, [setsEdit]);
    const v2 = await getPlanVersion(repos, 'training', planId, 2);
    // The dead writer's claim: version 3 written, the plan never moved from 2.
    await database.db.collection('plan_versions').insertOne({
      ...v2,
      _id: planVersionId(planId, 3),
      version: 3,
      based_on: 2,
      note: 'escrito por una instancia que se cerró',
    } as never);
    const error = await refusal(save(2, [{ type: 'set_prescription', session: 0, exercise: 0, series: 5 }]));
    expect(error.code).toBe('plan_version_conflict');
    expect((await getPlan(repos, 'training', planId)).version).toBe(3);
  });
});

describe('re-audit, approval and export', () => {
  const contraindicated: TrainingEdit = {
    type: 'swap_exercise',
    session: 0,
    exercise: 0,
    exercise_id: 'sentadilla_trasera_barra',
  };

  it('a contraindicated swap is saved as a blocked draft that needs a written reason to approve', async () => {
    const preview = await previewPlanEdits(repos, {
      kind: 'training',
      plan_id: planId,
      base_version: 1,
      edits: [contraindicated],
    });
    expect(preview.warnings[0]).toMatchObject({ field: 'edits.0.exercise_id', code: 'restricted_exercise' });
    expect(preview.audit.status).toBe('bloqueado');
    const { plan } = await save(1, [contraindicated]);
    expect(plan.delivery.status).toBe('blocked');

    const error = await refusal(
      approvePlan(repos, { kind: 'training', plan_id: planId, version: 2, via: 'api' }),
    );
    expect(error.code).toBe('plan_blocked');
    expect(error.fields[0]?.field).toBe('override_reason');

    const approved = await approvePlan(repos, {
      kind: 'training',
      plan_id: planId,
      version: 2,
      via: 'api',
      override_reason: 'El fisio autoriza la sentadilla con carga ligera esta semana.',
      coach: 'Ana',
    });
    expect(approved.delivery.status).toBe('overridden');
    expect(approved.review).toMatchObject({ state: 'approved', approved: { version: 2, coach: 'Ana' } });
    expect((await getPlanVersion(repos, 'training', planId, 2)).delivery.status).toBe('overridden');
  });

  it('the client copy leaves only for an approved current version, and records which version the client has', async () => {
    expect((await refusal(getApprovedPlan(repos, 'training', planId))).code).toBe('plan_not_approved');
    await approvePlan(repos, { kind: 'training', plan_id: planId, version: 1, via: 'desktop' });
    const exported = await exportApprovedPlan(repos, 'training', planId, 'desktop');
    expect(exported.review).toMatchObject({ state: 'delivered', delivered: { version: 1, format: 'json' } });

    await save(1, [setsEdit]);
    const after = await getPlan(repos, 'training', planId);
    // The new version needs its own approval; the client still has version 1.
    expect(after.review).toMatchObject({ state: 'draft', delivered: { version: 1 } });
    expect((await refusal(getApprovedPlan(repos, 'training', planId))).code).toBe('plan_not_approved');
  });

  it('approving a version that is no longer current is a conflict', async () => {
    await save(1, [setsEdit]);
    const error = await refusal(
      approvePlan(repos, { kind: 'training', plan_id: planId, version: 1, via: 'desktop' }),
    );
    expect(error.code).toBe('plan_version_conflict');
  });
});

describe('diff and restore', () => {
  it('the diff between any two versions reads as the coach’s changes', async () => {
    await save(1, [setsEdit]);
    await save(2, [{ type: 'move_session', session: 0, dia: 'domingo' }]);
    const { changes } = await comparePlanVersions(repos, 'training', planId, 1, 3);
    const codes = changes.map((c) => c.code);
    expect(codes).toContain('prescription_changed');
    expect(codes).toContain('session_moved');
    expect((await comparePlanVersions(repos, 'training', planId, 2, 2)).changes).toEqual([]);
  });

  it('a restore brings an old version back as a new one on top, history untouched', async () => {
    await save(1, [setsEdit]);
    const { version, plan } = await restorePlanVersion(repos, {
      kind: 'training',
      plan_id: planId,
      version: 1,
      base_version: 2,
      note: 'volvemos a la versión generada',
      via: 'desktop',
    });
    expect(version).toBe(3);
    expect((await comparePlanVersions(repos, 'training', planId, 1, 3)).changes).toEqual([]);
    expect(plan.review?.state).toBe('draft');
    const list = await listPlanVersions(repos, 'training', planId);
    expect(list.versions.at(-1)).toMatchObject({ origin: 'restore', restored_from: 1, based_on: 2 });
  });

  it('a version that does not exist is named with the range', async () => {
    const error = await refusal(getPlanVersion(repos, 'training', planId, 7));
    expect(error.code).toBe('plan_not_found');
    expect(error.message).toContain('de la 1 a la 1');
  });
});

describe('races between a save and the review stamps (two instances)', () => {
  it('a save that read the plan before a delivery was recorded keeps that delivery', async () => {
    await approvePlan(repos, { kind: 'training', plan_id: planId, version: 1, via: 'desktop' });
    const readBeforeExport = await getPlan(repos, 'training', planId);
    // The other instance exports the approved v1 to the client…
    await exportApprovedPlan(otherInstance, 'training', planId, 'api');
    // …while this one, which read the plan before, saves v2 on top of it.
    await savePlanEdits(repos, {
      kind: 'training',
      plan_id: readBeforeExport._id,
      base_version: 1,
      edits: [setsEdit],
      via: 'desktop',
    });
    const after = await getPlan(repos, 'training', planId);
    expect(after.review).toMatchObject({
      state: 'draft',
      approved: { version: 1 },
      delivered: { version: 1, via: 'api' },
    });
  });

  it('a copy made while a new version was being saved is still recorded as delivered', async () => {
    await approvePlan(repos, { kind: 'training', plan_id: planId, version: 1, via: 'desktop' });
    const approvedV1 = await getApprovedPlan(repos, 'training', planId);
    await save(1, [setsEdit], otherInstance);
    // The PDF of v1 was drawn and saved after the other instance's save landed.
    await recordDelivery(repos, 'training', approvedV1, 'pdf', 'desktop');
    const after = await getPlan(repos, 'training', planId);
    expect(after.version).toBe(2);
    // The client has v1; the current v2 is a draft, not "delivered".
    expect(after.review).toMatchObject({ state: 'draft', delivered: { version: 1, format: 'pdf' } });
  });
});

describe('no empty versions', () => {
  it('edits that leave the plan as it was, and a restore of the current version, are refused', async () => {
    const same = await refusal(save(1, [{ type: 'set_prescription', session: 0, exercise: 0, series: 3 }]));
    expect(same.code).toBe('validation_error');
    expect(same.fields[0]).toMatchObject({ field: 'edits', code: 'no_change' });
    const current = await refusal(
      restorePlanVersion(repos, {
        kind: 'training',
        plan_id: planId,
        version: 1,
        base_version: 1,
        via: 'api',
      }),
    );
    expect(current.fields[0]).toMatchObject({ field: 'version', code: 'no_change' });
    // v2 = v1 + one set; v3 = v2 − that set: v3 has v1's content, so restoring v1 onto it changes nothing.
    await save(1, [setsEdit]);
    await save(2, [{ type: 'set_prescription', session: 0, exercise: 0, series: 3 }]);
    const equal = await refusal(
      restorePlanVersion(repos, {
        kind: 'training',
        plan_id: planId,
        version: 1,
        base_version: 3,
        via: 'api',
      }),
    );
    expect(equal.message).toContain('mismo contenido');
    expect((await getPlanVersion(repos, 'training', planId, 1))._id).toBe(planVersionId(planId, 1));
  });

  it('the older approval-despite-block route also marks the stored copy of the current version', async () => {
    await save(1, [
      { type: 'swap_exercise', session: 0, exercise: 0, exercise_id: 'sentadilla_trasera_barra' },
    ]);
    await overridePlanBlock(repos, {
      kind: 'training',
      plan_id: planId,
      reason: 'El fisio autoriza la sentadilla con carga ligera esta semana.',
      via: 'api',
    });
    expect((await getPlanVersion(repos, 'training', planId, 2)).delivery.status).toBe('overridden');
  });
});

describe('a nutrition plan whose training week changed', () => {
  it('names the days where the menus follow the old week, in the versions list and in the re-audit', async () => {
    const { nutrition } = knee();
    await repos.nutritionPlans.saveOnce(nutrition);
    expect((await listPlanVersions(repos, 'nutrition', nutrition._id)).week_drift).toBeNull();
    // The coach moves Monday's session to Sunday in the training plan the menus were built on.
    await save(1, [{ type: 'move_session', session: 0, dia: 'domingo' }]);
    const drift = (await listPlanVersions(repos, 'nutrition', nutrition._id)).week_drift;
    expect(drift).toMatchObject({ training_plan_id: planId, training_version: 2 });
    expect(drift?.days).toEqual([
      {
        dia: 'lunes',
        menus: { tipo_dia: 'medio', entrena: true },
        training: { tipo_dia: 'bajo', entrena: false },
      },
      {
        dia: 'domingo',
        menus: { tipo_dia: 'bajo', entrena: false },
        training: { tipo_dia: 'medio', entrena: true },
      },
    ]);
    // Any edit of the menus is re-audited with it: a warning (the plan fits worse, nothing is unsafe).
    const preview = await previewPlanEdits(repos, {
      kind: 'nutrition',
      plan_id: nutrition._id,
      base_version: 1,
      edits: [{ type: 'set_grams', day_type: 'medio', meal: 1, dish: 0, item: 0, grams: 90 }],
    });
    const check = preview.audit.checks.find((c) => c.id === 'SEMANA');
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check?.reason).toContain('lunes: menús de día medio, entrenamiento de día bajo');
    expect(preview.audit.status).not.toBe('aprobado');
  });
});
