import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import type { ElderlyCareRoute } from './routeTypes';

export type ElderlyTab =
  'beds' | 'elderlyResidents' | 'elderlyFigures' | 'homeCare' | 'elderlyInstitutions';

const tabs: { value: ElderlyTab; label: MessageKey }[] = [
  { value: 'beds', label: 'elderly.tab.board' },
  { value: 'elderlyResidents', label: 'elderly.tab.residents' },
  { value: 'elderlyFigures', label: 'elderly.tab.figures' },
  { value: 'homeCare', label: 'elderly.tab.homeCare' },
  { value: 'elderlyInstitutions', label: 'elderly.tab.institutions' },
];

/** The sections of 养老服务, one menu entry with tabs under it (keyboard: arrows + Enter). */
export function ElderlyTabs(props: { current: ElderlyTab }) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  return (
    <Tabs
      value={props.current}
      onChange={(_, value: ElderlyTab) => navigate({ name: value } as ElderlyCareRoute)}
      sx={{ borderBottom: 1, borderColor: 'divider', minHeight: 40 }}
    >
      {tabs.map((tab) => (
        <Tab
          key={tab.value}
          value={tab.value}
          label={t(tab.label)}
          sx={{ minHeight: 40 }}
          data-testid={`elderly-tab-${tab.value}`}
        />
      ))}
    </Tabs>
  );
}
