import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';

const tabs = ['services', 'volunteers', 'activities'] as const;
type CommunityTab = (typeof tabs)[number];

/** The three ledgers of the community area, one tab each, under the area's one menu entry. */
export function CommunityTabs(props: { current: CommunityTab }) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  return (
    <Tabs
      value={props.current}
      onChange={(_, value: CommunityTab) => navigate({ name: value })}
      sx={{ borderBottom: 1, borderColor: 'divider' }}
    >
      {tabs.map((tab) => (
        <Tab key={tab} value={tab} label={t(`community.tab.${tab}`)} />
      ))}
    </Tabs>
  );
}
