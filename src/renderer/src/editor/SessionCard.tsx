import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Session } from '@shared/agent-outputs/training';
import type { TrainingEdit } from '@shared/plan-edits';
import { DIA_SEMANA_VALUES, type DiaSemana } from '@shared/questionnaire';
import { enumLabelKey } from '../plan/enum-labels';
import { AddExerciseForm } from './AddExerciseForm';
import { ExerciseRow } from './ExerciseRow';
import type { PickOption } from './OptionPicker';
import { NEW_EXERCISE, type CheckNote } from './training-shared';

/** One session of the week: moved to a free day, removed (never the last), its exercises, one more. */
export function SessionCard({
  session: s,
  index,
  count,
  takenDays,
  exerciseName,
  pickerOptions,
  allOptions,
  allowRestricted,
  restriction,
  checksNaming,
  push,
}: {
  session: Session;
  index: number;
  count: number;
  takenDays: Set<DiaSemana>;
  exerciseName: (id: string) => string;
  pickerOptions: (id: string) => PickOption[];
  allOptions: PickOption[];
  allowRestricted: boolean;
  restriction: (id: string) => string | undefined;
  checksNaming: (id: string) => CheckNote[];
  push: (edit: TrainingEdit) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const day = t(enumLabelKey('dia', s.dia));
  const dayOptions = DIA_SEMANA_VALUES.map((dia) => ({
    value: dia,
    label: t(enumLabelKey('dia', dia)),
    disabled: dia !== s.dia && takenDays.has(dia),
  }));
  return (
    <Card withBorder padding="md" data-testid="editor-session" data-day={s.dia}>
      <Group justify="space-between" align="flex-end" mb="sm">
        <div>
          <Title order={2} size="h4">
            {`${day} · ${s.nombre}`}
          </Title>
          <Text size="xs" c="dimmed">
            {t('editor.training.sessionMeta', { count: s.ejercicios.length, minutes: s.duracion_min })}
          </Text>
        </div>
        <Group gap="xs" align="flex-end">
          <Select
            size="xs"
            w={150}
            label={t('editor.training.moveTo')}
            aria-label={t('editor.training.moveToLabel', { session: `${day} · ${s.nombre}` })}
            data={dayOptions}
            value={s.dia}
            allowDeselect={false}
            data-testid="editor-session-day"
            onChange={(dia) => {
              if (dia && dia !== s.dia) push({ type: 'move_session', session: index, dia: dia as DiaSemana });
            }}
          />
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            disabled={count <= 1}
            onClick={() => push({ type: 'remove_session', session: index })}
            aria-label={t('editor.training.removeSessionLabel', { session: `${day} · ${s.nombre}` })}
          >
            {t('editor.training.removeSession')}
          </Button>
        </Group>
      </Group>
      <Stack gap="sm">
        {s.ejercicios.map((exercise, exerciseIndex) => (
          <ExerciseRow
            key={`${exerciseIndex}-${exercise.ejercicio_id}`}
            exercise={exercise}
            sessionIndex={index}
            index={exerciseIndex}
            count={s.ejercicios.length}
            name={exerciseName(exercise.ejercicio_id)}
            options={pickerOptions(exercise.ejercicio_id)}
            allowRestricted={allowRestricted}
            restriction={restriction(exercise.ejercicio_id)}
            checks={checksNaming(exercise.ejercicio_id)}
            push={push}
          />
        ))}
        <AddExerciseForm
          session={`${day} · ${s.nombre}`}
          options={allOptions}
          allowRestricted={allowRestricted}
          onAdd={(id) =>
            push({
              type: 'add_exercise',
              session: index,
              prescription: { ejercicio_id: id, ...NEW_EXERCISE },
            })
          }
        />
      </Stack>
    </Card>
  );
}
