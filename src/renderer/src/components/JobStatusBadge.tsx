import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicJob } from '@shared/job';

const COLORS: Record<PublicJob['status'], string> = {
  pending: 'gray',
  running: 'blue',
  completed: 'teal',
  failed: 'red',
};

/** Status in words, with the waiting reason or the failure reason when there is one. */
export function JobStatusBadge({
  job,
}: {
  job: Pick<PublicJob, 'status' | 'waiting_reason' | 'error_reason'>;
}): React.JSX.Element {
  const { t } = useTranslation();
  let label = t(`jobs.statuses.${job.status}`);
  let color = COLORS[job.status];
  if (job.status === 'pending' && job.waiting_reason) {
    label = t(`jobs.waiting.${job.waiting_reason}`);
    color = 'yellow';
  } else if (job.status === 'failed' && job.error_reason) {
    label = t(`jobs.reasons.${job.error_reason}`);
    if (job.error_reason === 'cancelled') color = 'gray';
  }
  return (
    // Long reasons ("Requiere revisión sanitaria") wrap inside the cell instead of being cut with "…".
    <Badge
      color={color}
      variant="light"
      maw="100%"
      h="auto"
      py={2}
      title={label}
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 } }}
      data-testid="job-status"
      data-status={job.status}
    >
      {label}
    </Badge>
  );
}
