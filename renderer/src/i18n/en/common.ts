import type { commonZh } from '../zh-CN/common';

export const commonEn: Record<keyof typeof commonZh, string> = {
  'app.name': 'Civil Affairs Desk',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.open': 'Open',
  'common.back': 'Back',
  'common.search': 'Search',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.loading': 'Loading…',
  'common.none': 'None',
  'nav.persons': 'Persons',
  'nav.households': 'Households',
  'nav.cases': '低保 cases',
  'nav.settings': 'Settings',
  'sync.queued': '{count} changes queued',
  'sync.offline': 'Not connected to HQ',
  'lang.switch': '中文',
};
