import {
  ActionIcon,
  AppShell,
  Group,
  NavLink,
  SegmentedControl,
  Text,
  Tooltip,
  useMantineColorScheme,
} from '@mantine/core';
import {
  IconBriefcase,
  IconListDetails,
  IconLogout,
  IconMoon,
  IconSettings,
  IconSun,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useClientStore } from '../api/client-store';
import { StartupWarnings } from '../components/StartupWarnings';
import { setLanguage } from '../i18n';

const NAV = [
  { to: '/clients', key: 'nav.clients', icon: IconUsers, testId: 'nav-clients' },
  { to: '/jobs', key: 'nav.jobs', icon: IconListDetails, testId: 'nav-jobs' },
  { to: '/settings', key: 'nav.settings', icon: IconSettings, testId: 'nav-settings' },
] as const;

function ThemeToggle(): React.JSX.Element {
  const { t } = useTranslation();
  const { toggleColorScheme, colorScheme } = useMantineColorScheme();
  return (
    <Tooltip label={t('common.themeToggle')}>
      <ActionIcon
        variant="default"
        size="lg"
        onClick={toggleColorScheme}
        aria-label={t('common.themeToggle')}
      >
        {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}

/** The shell: header with brand, language and theme; a sidebar with the three main screens. */
export function AppLayout(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const mode = useClientStore((s) => s.mode);
  const signOut = useClientStore((s) => s.signOut);
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'xs' }} padding="lg">
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <IconBriefcase size={22} aria-hidden />
            <Text fw={700}>{t('app.name')}</Text>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="xs">
            <SegmentedControl
              size="xs"
              aria-label={t('common.language')}
              value={i18n.language === 'en' ? 'en' : 'es'}
              onChange={(v) => setLanguage(v === 'en' ? 'en' : 'es')}
              data={[
                { value: 'es', label: 'ES' },
                { value: 'en', label: 'EN' },
              ]}
            />
            <ThemeToggle />
            {mode === 'http' && (
              <Tooltip label={t('common.signOut')}>
                <ActionIcon variant="default" size="lg" onClick={signOut} aria-label={t('common.signOut')}>
                  <IconLogout size={18} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" className="no-print" component="nav" aria-label={t('nav.main')}>
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            active={pathname.startsWith(item.to) || (item.to === '/clients' && pathname.startsWith('/plan'))}
            label={t(item.key)}
            leftSection={<item.icon size={18} aria-hidden />}
            data-testid={item.testId}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <StartupWarnings />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
