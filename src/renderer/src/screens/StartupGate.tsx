import { type ReactNode } from 'react';
import { useEffect } from 'react';
import { useStartupStore } from '../stores/startup-store';
import { StartupScreen } from './StartupScreen';

/** Electron: the start-up screen until the core is ready, then the app. */
export function StartupGate({ children }: { children: ReactNode }): React.JSX.Element {
  const state = useStartupStore((s) => s.state);
  const connect = useStartupStore((s) => s.connect);
  useEffect(() => connect(), [connect]);
  if (state?.phase === 'ready') return <>{children}</>;
  return <StartupScreen />;
}
