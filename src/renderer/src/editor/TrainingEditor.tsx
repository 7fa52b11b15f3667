import { Stack, Switch, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exerciseOptions, type TrainingEditCatalog } from '@shared/plan-edits';
import { shownWeek } from '@shared/plan-edits/training-week';
import { PlanAuditSchema } from '@shared/plans';
import { currentLang } from '../i18n';
import { AddSessionForm } from './AddSessionForm';
import { warnedExerciseIds } from './edit-stack';
import type { PickOption } from './OptionPicker';
import { SessionCard } from './SessionCard';
import { NEW_EXERCISE, type CheckNote } from './training-shared';
import { usePushEdit } from './usePushEdit';
import type { EditSession } from './useEditSession';

/** The training week, session by session, every exercise editable in place. */
export function TrainingEditor({
  session,
  catalog,
  exerciseName,
}: {
  session: EditSession<'training'>;
  catalog: TrainingEditCatalog;
  exerciseName: (id: string) => string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const plan = session.applied.plan;
  const week = shownWeek(plan);
  const sessions = week?.sessions ?? [];
  const [allowRestricted, setAllowRestricted] = useState(false);

  // The options depend on the client facts the plan stores, which edits never change.
  const options = useMemo<PickOption[]>(
    () =>
      (shownWeek(session.base)?.sessions.length ?? 0) > 0 ? exerciseOptions(session.base, 0, catalog) : [],
    [session.base, catalog],
  );
  const optionById = useMemo(() => new Map(options.map((option) => [option.id, option])), [options]);
  const warned = warnedExerciseIds(
    session.edits,
    session.applied.warnings,
    session.preview.result?.warnings ?? [],
  );
  const audit = PlanAuditSchema.safeParse(
    session.edits.length > 0 && session.preview.result ? session.preview.result.audit : plan.training.audit,
  );
  const failing: CheckNote[] = audit.success
    ? audit.data.checks
        .filter((check) => !check.passed)
        .map(({ id, severity, reason }) => ({ id, severity, reason }))
    : [];

  const push = usePushEdit(session);

  /** The picker's options plus the current exercise when the client's equipment hides it. */
  const pickerOptions = (id: string): PickOption[] =>
    optionById.has(id)
      ? options
      : [{ id, name_es: exerciseName(id), name_en: exerciseName(id), allowed: true }, ...options];

  const restriction = (id: string): string | undefined => {
    const option = optionById.get(id);
    if (option?.reason) return option.reason[lang];
    if (warned.has(id) && !option) return t('editor.training.notAvailable');
    return undefined;
  };

  const checksNaming = (id: string): CheckNote[] => {
    const entry = catalog.byId(id);
    const names = [id, entry?.nombre].filter((name): name is string => Boolean(name));
    return failing.filter((check) => names.some((name) => check.reason.includes(name)));
  };

  if (!week) {
    return <Text c="dimmed">{t('editor.training.noWeek')}</Text>;
  }

  const takenDays = new Set(sessions.map((s) => s.dia));

  return (
    <Stack data-testid="training-editor">
      <Switch
        checked={allowRestricted}
        onChange={(event) => setAllowRestricted(event.currentTarget.checked)}
        label={t('editor.training.allowRestricted')}
        description={t('editor.training.allowRestrictedHint')}
        data-testid="editor-allow-restricted"
      />
      {sessions.map((s, sessionIndex) => (
        <SessionCard
          key={`${s.dia}-${sessionIndex}`}
          session={s}
          index={sessionIndex}
          count={sessions.length}
          takenDays={takenDays}
          exerciseName={exerciseName}
          pickerOptions={pickerOptions}
          allOptions={options}
          allowRestricted={allowRestricted}
          restriction={(id) => (warned.has(id) || optionById.get(id)?.reason ? restriction(id) : undefined)}
          checksNaming={checksNaming}
          push={push}
        />
      ))}
      <AddSessionForm
        takenDays={takenDays}
        options={options}
        allowRestricted={allowRestricted}
        onAdd={(dia, nombre, exerciseId) =>
          push({
            type: 'add_session',
            session: {
              dia,
              nombre,
              duracion_min: 60,
              ejercicios: [{ ejercicio_id: exerciseId, ...NEW_EXERCISE }],
            },
          })
        }
      />
    </Stack>
  );
}
