import { useNavigate } from 'react-router';
import { useGenerationStore } from '../stores/generation-store';
import { GenerationProgressModal } from './GenerationProgressModal';

/** Mounts the progress modal for the job the coach is following; completion opens its plan. */
export function GenerationProgressHost(): React.JSX.Element | null {
  const jobId = useGenerationStore((s) => s.jobId);
  const hide = useGenerationStore((s) => s.hide);
  const navigate = useNavigate();
  if (!jobId) return null;
  return (
    <GenerationProgressModal
      key={jobId}
      jobId={jobId}
      onClose={hide}
      onComplete={(job) => void navigate(`/plan/${job._id}`)}
    />
  );
}
