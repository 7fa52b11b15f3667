import { create } from 'zustand';

/** The job whose GenerationProgressModal is open (closing it leaves the job running). */
interface GenerationStore {
  jobId: string | null;
  show(jobId: string): void;
  hide(): void;
}

export const useGenerationStore = create<GenerationStore>((set) => ({
  jobId: null,
  show: (jobId) => set({ jobId }),
  hide: () => set({ jobId: null }),
}));
