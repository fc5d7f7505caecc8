import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';

const tabs = [
  { name: 'reviewsDue', label: 'dynamics.tab.due' },
  { name: 'recomputations', label: 'dynamics.tab.recomputations' },
] as const;

/** The due list and the recomputations, under the area's one menu entry. */
export function DynamicsTabs(props: { current: (typeof tabs)[number]['name'] }) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  return (
    <Tabs
      value={props.current}
      onChange={(_, name: (typeof tabs)[number]['name']) => navigate({ name })}
      sx={{ borderBottom: 1, borderColor: 'divider' }}
    >
      {tabs.map((tab) => (
        <Tab key={tab.name} value={tab.name} label={t(tab.label)} />
      ))}
    </Tabs>
  );
}
