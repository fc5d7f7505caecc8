import { useState } from 'react';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import type { Programme } from '@shared/domain/assistanceCase';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';

/** 发放's 打印报表 menu: the programme's 花名册 and the office's 月度统计 of the month shown. */
export function OfficePrintMenu(props: { programme: Programme; month: string }) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<PrintIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        data-testid="office-print-menu"
      >
        {t('print.menu')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem
          data-testid="print-roster"
          onClick={() =>
            navigate({ name: 'roster', programme: props.programme, month: props.month })
          }
        >
          {t('print.roster.menuItem')}
        </MenuItem>
        <MenuItem
          data-testid="print-figures"
          onClick={() => navigate({ name: 'monthlyFigures', month: props.month })}
        >
          {t('print.figures.menuItem')}
        </MenuItem>
      </Menu>
    </>
  );
}
