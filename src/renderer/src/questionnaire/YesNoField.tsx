import { Alert, Badge, Button, Group, Radio, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  countYes,
  messageAt,
  ownMessage,
  type RecordValue,
  type ResponsesForm,
  type YesNoFieldSpec,
} from './fields';
import { FieldGroup } from './FieldGroup';
import { ImportedAnswerNote, type ImportedField } from './ImportedAnswerNote';
import { labelMessage } from './labels';

function answerOf(value: unknown): 'yes' | 'no' | null {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return null;
}

/**
 * A yes/no questionnaire (PAR-Q+, SCOFF) stored as one object of booleans. A question left
 * unanswered is absent (the validator then asks for it); "all no" answers the rest at once;
 * "clear" removes the whole group. Reaching `alertAt` "yes" answers says what screening will do.
 */
export function YesNoField({
  spec,
  control,
  imported,
}: {
  spec: YesNoFieldSpec;
  control: Control<ResponsesForm>;
  /** An answer imported as text this group cannot hold, shown above its inputs. */
  imported?: ImportedField;
}): React.JSX.Element {
  const { t } = useTranslation();
  const base = `q-${spec.name}`;
  return (
    <Controller
      name={spec.name}
      control={control}
      render={({ field, fieldState }) => {
        const answers: RecordValue =
          typeof field.value === 'object' && field.value !== null && !Array.isArray(field.value)
            ? (field.value as RecordValue)
            : {};
        const yes = countYes(spec, field.value);
        const answered = spec.questions.filter((key) => typeof answers[key] === 'boolean').length;
        const worded = (message: string | undefined) => (message ? labelMessage(message, t) : undefined);
        const set = (key: string, answer: boolean) => field.onChange({ ...answers, [key]: answer });
        const allNo = () =>
          field.onChange({
            ...answers,
            ...Object.fromEntries(
              spec.questions.filter((key) => typeof answers[key] !== 'boolean').map((key) => [key, false]),
            ),
          });
        const actions = (
          <Group gap="xs">
            <Badge
              variant="light"
              tt="none"
              color={yes >= spec.alertAt ? 'red' : 'gray'}
              data-testid={`${base}-summary`}
            >
              {t('questionnaire.yesNoSummary', { answered, total: spec.questions.length, yes })}
            </Badge>
            <Button
              size="xs"
              variant="light"
              onClick={allNo}
              disabled={answered === spec.questions.length}
              data-testid={`${base}-all-no`}
            >
              {t('questionnaire.allNo')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              onClick={() => field.onChange(undefined)}
              disabled={field.value === undefined}
              data-testid={`${base}-clear`}
            >
              {t('questionnaire.clearAnswers')}
            </Button>
          </Group>
        );
        return (
          <FieldGroup
            legend={t(`questionnaire.fields.${spec.name}`)}
            description={spec.described ? t(`questionnaire.descriptions.${spec.name}`) : undefined}
            error={worded(ownMessage(fieldState.error))}
            actions={actions}
            testId={base}
          >
            <ImportedAnswerNote imported={imported} value={field.value} />
            {yes >= spec.alertAt && (
              <Alert
                color="orange"
                variant="light"
                icon={<IconAlertTriangle size={18} />}
                data-testid={`${base}-alert`}
              >
                {t(`questionnaire.alerts.${spec.name}`)}
              </Alert>
            )}
            <Stack gap="sm">
              {spec.questions.map((key, index) => (
                <Radio.Group
                  key={key}
                  label={`${index + 1}. ${t(`questionnaire.questions.${spec.name}.${key}`)}`}
                  value={answerOf(answers[key])}
                  onChange={(v) => set(key, v === 'yes')}
                  error={worded(messageAt(fieldState.error, key))}
                  data-testid={`${base}-${key}`}
                >
                  <Group gap="lg" mt={4}>
                    <Radio
                      value="yes"
                      label={t('questionnaire.yes')}
                      onBlur={field.onBlur}
                      ref={index === 0 ? field.ref : undefined}
                      data-testid={`${base}-${key}-yes`}
                    />
                    <Radio
                      value="no"
                      label={t('questionnaire.no')}
                      onBlur={field.onBlur}
                      data-testid={`${base}-${key}-no`}
                    />
                  </Group>
                </Radio.Group>
              ))}
            </Stack>
          </FieldGroup>
        );
      }}
    />
  );
}
