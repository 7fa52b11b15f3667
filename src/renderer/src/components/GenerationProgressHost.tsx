import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PublicJob } from '@shared/job';
import { jobCost } from '../cost';
import { formatCostFigure, formatElapsed } from '../format';
import { useGenerationStore } from '../stores/generation-store';
import { GenerationProgressModal } from './GenerationProgressModal';

/**
 * Mounts the progress modal for the job the coach is following. Completion opens the plan and
 * closes the modal, so nothing covers the plan; a dismissible notice says it is ready (steps, time,
 * cost). A failure stays in the modal, which says why.
 */
export function GenerationProgressHost(): React.JSX.Element | null {
  const { t } = useTranslation();
  const jobId = useGenerationStore((s) => s.jobId);
  const hide = useGenerationStore((s) => s.hide);
  const navigate = useNavigate();
  const openPlan = useCallback(
    (job: PublicJob) => {
      if (job.status === 'completed') {
        hide();
        const start = job.started_at ?? job.created_at;
        const end = job.completed_at ?? job.updated_at;
        notifications.show({
          id: `job-done-${job._id}`,
          color: 'teal',
          icon: <IconCheck size={18} />,
          title: t('progress.completed'),
          message: t('progress.doneNotice', {
            type: t(`generate.types.${job.type}`),
            total: job.progress.total_steps,
            elapsed: formatElapsed(end.getTime() - start.getTime()),
            cost: formatCostFigure(jobCost(job)),
          }),
          autoClose: 10_000,
          withCloseButton: true,
          closeButtonProps: { 'aria-label': t('common.close') },
          'data-testid': 'generation-done-notice',
        });
      }
      void navigate(`/plan/${job._id}`);
    },
    [hide, navigate, t],
  );
  if (!jobId) return null;
  return <GenerationProgressModal key={jobId} jobId={jobId} onClose={hide} onComplete={openPlan} />;
}
