import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { scopeOf, scopeOptions, scopeValue } from '../../../src/renderer/src/review/regenerate-form';
import {
  clientHasLabel,
  currentState,
  groupChanges,
  isApproved,
  stateLabel,
} from '../../../src/renderer/src/review/review-state';
import type { PlanChange } from '../../../src/shared/plan-edits/plan-diff-schema';
import { appTranslators } from '../../support/i18n';

let t: TFunction;
const at = new Date('2026-12-02T10:00:00Z');

beforeAll(async () => {
  ({ es: t } = await appTranslators());
});

describe('review state of the current version', () => {
  it('is a draft until the current version is approved, and delivered only when the client has it', () => {
    const draft = { version: 2, review: { state: 'draft' as const, approved: null, delivered: null } };
    expect(currentState(draft)).toBe('draft');
    expect(isApproved(draft)).toBe(false);
    expect(stateLabel(draft, t, 'es')).toBe('Borrador · versión 2');

    const approved = {
      version: 2,
      review: {
        state: 'approved' as const,
        approved: { version: 2, at, via: 'desktop' as const },
        delivered: null,
      },
    };
    expect(stateLabel(approved, t, 'es')).toBe('Aprobada · versión 2');
    expect(isApproved(approved)).toBe(true);

    const delivered = {
      version: 1,
      review: {
        state: 'delivered' as const,
        approved: { version: 1, at, via: 'api' as const },
        delivered: { version: 1, at, via: 'api' as const, format: 'pdf' as const },
      },
    };
    expect(stateLabel(delivered, t, 'es')).toBe('Entregada · versión 1 (el 2 dic)');

    // An approval about an older version does not approve the current one.
    const stale = { version: 3, review: { ...approved.review, state: 'approved' as const } };
    expect(currentState(stale)).toBe('draft');
  });

  it('says which version the client has', () => {
    expect(clientHasLabel(null, t, 'es')).toBe('El cliente aún no tiene ninguna versión');
    expect(clientHasLabel({ version: 1, at }, t, 'es')).toBe(
      'El cliente tiene la versión 1 (entregada el 2 dic)',
    );
  });
});

describe('changes grouped as they come', () => {
  const change = (session: number | null, text: string): PlanChange => ({
    code: 'prescription_changed',
    ...(session === null
      ? {}
      : { session: { index: session, nombre: `S${session}`, dia: 'lunes' as const } }),
    before: null,
    after: null,
    text: { es: text, en: text },
  });
  it('keeps consecutive changes of one session under one heading, in order', () => {
    const groups = groupChanges([
      change(0, 'a'),
      change(0, 'b'),
      change(1, 'c'),
      change(null, 'd'),
      change(0, 'e'),
    ]);
    expect(groups.map((group) => group.changes.map((c) => c.text.es).join(''))).toEqual([
      'ab',
      'c',
      'd',
      'e',
    ]);
    expect(groups[2]?.session).toBeUndefined();
  });
});

describe('regeneration scopes', () => {
  it('round-trips each scope through the select value', () => {
    expect(scopeOf(scopeValue({ type: 'session', session: 2 }))).toEqual({ type: 'session', session: 2 });
    expect(scopeOf(scopeValue({ type: 'menus' }))).toEqual({ type: 'menus' });
    expect(scopeOf(scopeValue({ type: 'from_agent', agent: 'E5' }))).toEqual({
      type: 'from_agent',
      agent: 'E5',
    });
    expect(scopeOf('agent:X9')).toBeNull();
  });

  it('lists sessions by day and name (training) or the menus (nutrition), then the agents', () => {
    const training = scopeOptions('training', [{ dia: 'lunes', nombre: 'Sesión A ' }], t, 'es');
    expect(training[0]?.items).toEqual([{ value: 'session:0', label: 'Lunes · Sesión A' }]);
    expect(training[1]?.items.map((item) => item.value)).toContain('agent:E9');
    const nutrition = scopeOptions('nutrition', [], t, 'es');
    expect(nutrition[0]?.items[0]?.value).toBe('menus');
    expect(nutrition[1]?.items[0]?.label).toBe('Desde el agente N0 · Triaje (y los siguientes)');
  });
});
