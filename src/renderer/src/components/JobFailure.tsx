import { Alert, Code, List, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PublicJob } from '@shared/job';

/** Why a job failed, readable: the reason in words and, for validation errors, one line per field. */
export function JobFailure({ job }: { job: PublicJob }): React.JSX.Element {
  const { t } = useTranslation();
  const lines = (job.error_message ?? '')
    .split('\n')
    .filter((line) => line.trim().startsWith('•'))
    .map((line) => line.replace(/^\s*•\s*/, ''));
  const reason = job.error_reason ? t(`jobs.reasons.${job.error_reason}`) : t('progress.failed');
  return (
    <Alert color="red" icon={<IconX size={18} />} title={reason} data-testid="progress-error" role="alert">
      {lines.length > 0 ? (
        <>
          <Text size="sm" fw={600} mb={4}>
            {t('progress.fieldErrors')}
          </Text>
          <List size="sm" data-testid="progress-field-errors">
            {lines.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </>
      ) : (
        <Code block>{job.error_message ?? ''}</Code>
      )}
    </Alert>
  );
}
