import { Button, Card, Group, Select, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIA_SEMANA_VALUES, type DiaSemana } from '@shared/questionnaire';
import { enumLabelKey } from '../plan/enum-labels';
import { OptionPicker, type PickOption } from './OptionPicker';

/** A new session on a free day, with its name and first exercise. */
export function AddSessionForm({
  takenDays,
  options,
  allowRestricted,
  onAdd,
}: {
  takenDays: Set<DiaSemana>;
  options: PickOption[];
  allowRestricted: boolean;
  onAdd: (dia: DiaSemana, nombre: string, exerciseId: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const free = DIA_SEMANA_VALUES.filter((dia) => !takenDays.has(dia));
  const [dia, setDia] = useState<DiaSemana | null>(null);
  const [nombre, setNombre] = useState('');
  const [exerciseId, setExerciseId] = useState<string | null>(null);
  const chosenDay = dia && free.includes(dia) ? dia : null;
  return (
    <Card withBorder padding="md" data-testid="editor-add-session">
      <Title order={2} size="h5" mb="xs">
        {t('editor.training.addSession')}
      </Title>
      {free.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('editor.training.weekFull')}
        </Text>
      ) : (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            size="xs"
            w={140}
            label={t('editor.training.day')}
            data={free.map((value) => ({ value, label: t(enumLabelKey('dia', value)) }))}
            value={chosenDay}
            onChange={(value) => setDia(value as DiaSemana | null)}
          />
          <TextInput
            size="xs"
            w={200}
            label={t('editor.training.sessionName')}
            value={nombre}
            maxLength={120}
            onChange={(event) => setNombre(event.currentTarget.value)}
          />
          <OptionPicker
            label={t('editor.training.firstExercise')}
            options={options}
            allowRestricted={allowRestricted}
            value={exerciseId}
            w={260}
            onPick={setExerciseId}
          />
          <Button
            size="xs"
            leftSection={<IconPlus size={16} />}
            disabled={!chosenDay || !nombre.trim() || !exerciseId}
            onClick={() => {
              if (!chosenDay || !exerciseId) return;
              onAdd(chosenDay, nombre.trim(), exerciseId);
              setDia(null);
              setNombre('');
              setExerciseId(null);
            }}
          >
            {t('editor.training.addSessionButton')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
