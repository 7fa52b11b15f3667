import { StartupScreen } from './screens/StartupScreen';

export function App(): React.JSX.Element {
  return <StartupScreen />;
}
