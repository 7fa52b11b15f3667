import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LooseAnswer } from '@shared/questionnaire';
import { answerLabel } from './labels';

const verbatim = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Answers stored as the client wrote them but not in the typed form the plan reads (kept as text,
 * partly read, implausible): the coach should know the plan does not use them as numbers or choices.
 */
export function LooseAnswersList({ answers }: { answers: readonly LooseAnswer[] }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (answers.length === 0) return null;
  return (
    <Alert color="gray" variant="light" title={t('reading.loose.title', { count: answers.length })}>
      <Text size="sm" mb="xs">
        {t('reading.loose.hint')}
      </Text>
      <List size="sm" spacing={4} data-testid="loose-answers">
        {answers.map((answer) => (
          <List.Item key={answer.field}>
            {t('reading.loose.item', {
              label: answerLabel(`responses.${answer.field}`, t),
              value: verbatim(answer.value),
              reason: t(`reading.loose.reason.${answer.reason}`),
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
