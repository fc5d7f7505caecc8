import { useState } from 'react';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import Button from '@mui/material/Button';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { papersOfCase } from '@shared/papers/availability';
import type { PaperCase } from '@shared/papers/types';
import { isMessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';

/**
 * The case screen's 打印 menu: the papers its programme module lists, each greyed with
 * its reason when the case cannot have it yet. The 公示 list opens the village's list.
 */
export function PaperMenu(props: { record: PaperCase; village: string }) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const choices = papersOfCase(props.record);
  if (choices.length === 0) return null;
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<PrintIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        data-testid="paper-menu"
      >
        {t('papers.menu')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {choices.map((c) => (
          <MenuItem
            key={c.kind}
            disabled={c.unavailable !== null}
            data-testid={`paper-${c.kind}`}
            onClick={() => {
              setAnchor(null);
              navigate(
                c.kind === 'noticeList'
                  ? { name: 'noticeList', village: props.village }
                  : { name: 'casePaper', id: props.record.id, paper: c.kind },
              );
            }}
          >
            <ListItemText
              primary={t(`papers.kind.${c.kind}`)}
              secondary={
                c.unavailable && isMessageKey(c.unavailable) ? t(c.unavailable) : undefined
              }
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
