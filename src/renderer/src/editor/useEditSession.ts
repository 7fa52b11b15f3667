import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NutritionEdit, TrainingEdit } from '@shared/plan-edits';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { versionOf } from '@shared/plan-versions';
import { useClient } from '../api/client-store';
import type { PlanPreview, PlanSaved, PreviewEditsArgs, SaveEditsArgs } from '../api/coach-client';
import { applyAll, pushEdit, type AppliedEdits, type ApplyResult } from './edit-stack';

/** How long the editor waits after the last change before asking the host to re-audit. */
export const PREVIEW_DEBOUNCE_MS = 300;

export interface EditorKinds {
  training: { plan: TrainingPlanDocument; edit: TrainingEdit };
  nutrition: { plan: NutritionPlanDocument; edit: NutritionEdit };
}
export type EditorKind = keyof EditorKinds;

export interface PreviewState {
  /** The host's re-audit of the current edits (null while none has answered, or with no edits). */
  result: PlanPreview | null;
  /** Whether a re-audit of the latest edits is still on its way. */
  pending: boolean;
  error: unknown;
}

export interface EditSession<K extends EditorKind> {
  /** The version the edits are made on, as loaded. */
  base: EditorKinds[K]['plan'];
  baseVersion: number;
  edits: EditorKinds[K]['edit'][];
  /** The base with the edits applied locally (instant; the host's preview is authoritative). */
  applied: AppliedEdits<EditorKinds[K]['plan']>;
  preview: PreviewState;
  /** Tries the edit on the current plan first; returns its errors instead of adding a bad edit. */
  push(edit: EditorKinds[K]['edit']): ApplyResult<EditorKinds[K]['plan']>;
  undo(): void;
  discard(): void;
  save(note: string, coach: string): Promise<PlanSaved>;
}

/**
 * The pending edits of one plan on top of the loaded version: applied locally at once, re-audited by
 * the host ~300 ms after the last change (an older answer never replaces a newer one), undone one
 * by one or all at once, saved as the next version.
 */
export function useEditSession<K extends EditorKind>(
  kind: K,
  base: EditorKinds[K]['plan'],
  apply: (plan: EditorKinds[K]['plan'], edit: EditorKinds[K]['edit']) => ApplyResult<EditorKinds[K]['plan']>,
): EditSession<K> {
  type Plan = EditorKinds[K]['plan'];
  type Edit = EditorKinds[K]['edit'];
  const client = useClient();
  const [edits, setEdits] = useState<Edit[]>([]);
  const [preview, setPreview] = useState<PreviewState>({ result: null, pending: false, error: null });
  const sequence = useRef(0);
  const baseVersion = versionOf(base);

  const applied = useMemo(() => applyAll<Plan, Edit>(base, edits, apply), [base, edits, apply]);

  useEffect(() => {
    const ticket = ++sequence.current;
    if (edits.length === 0) {
      setPreview({ result: null, pending: false, error: null });
      return;
    }
    setPreview((previous) => ({ ...previous, pending: true }));
    const timer = setTimeout(() => {
      const args = { kind, plan_id: base._id, base_version: baseVersion, edits } as PreviewEditsArgs;
      client.previewPlanEdits(args).then(
        (result) => ticket === sequence.current && setPreview({ result, pending: false, error: null }),
        (error: unknown) =>
          ticket === sequence.current && setPreview({ result: null, pending: false, error }),
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, kind, base._id, baseVersion, edits]);

  const push = useCallback(
    (edit: Edit): ApplyResult<Plan> => {
      const result = apply(applied.plan, edit);
      if (result.ok) setEdits((current) => pushEdit(current, edit));
      return result;
    },
    [apply, applied.plan],
  );

  const save = useCallback(
    (note: string, coach: string) => {
      const args = {
        kind,
        plan_id: base._id,
        base_version: baseVersion,
        edits,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(coach.trim() ? { coach: coach.trim() } : {}),
      } as SaveEditsArgs;
      return client.savePlanEdits(args);
    },
    [client, kind, base._id, baseVersion, edits],
  );

  return {
    base,
    baseVersion,
    edits,
    applied,
    preview,
    push,
    undo: useCallback(() => setEdits((current) => current.slice(0, -1)), []),
    discard: useCallback(() => setEdits([]), []),
    save,
  };
}
