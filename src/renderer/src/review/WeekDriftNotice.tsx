import { Alert, List, Text } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WeekDrift } from '@shared/plan-week-drift';

/**
 * The menus follow an older week of the training plan they were built on (a session moved since):
 * which days differ, and what to do. A fit problem, not a safety one, so a notice and not a block.
 */
export function WeekDriftNotice({ drift }: { drift: WeekDrift }): React.JSX.Element {
  const { t } = useTranslation();
  const dayType = (type: string) => t(`plan.dayType.${type}`);
  return (
    <Alert
      color="yellow"
      icon={<IconCalendarExclamation size={18} />}
      title={t('review.weekDrift.title', { version: drift.training_version })}
      data-testid="week-drift"
    >
      <List size="sm">
        {drift.days.map((day) => (
          <List.Item key={day.dia}>
            {t('review.weekDrift.day', {
              day: t(`questionnaire.options.dia_semana.${day.dia}`),
              menus: dayType(day.menus.tipo_dia),
              training: dayType(day.training.tipo_dia),
            })}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t('review.weekDrift.what')}
      </Text>
    </Alert>
  );
}
