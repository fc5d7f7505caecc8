import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { residentIdCheckChar } from '@shared/identity/residentId';
import { templateWorkbook } from '../../db/repositories/import/reportSheet';
import { useT } from '../../i18n/useT';
import { getDeskApi } from '../../platform/deskApi';

/** The headings a newcomer's sheet needs, and two rows of one household as the example. */
export const exampleHeadings = [
  '户主姓名',
  '姓名',
  '与户主关系',
  '身份证号',
  '村(社区)',
  '联系电话',
  '户口性质',
  '家庭住址',
];
/** A well-formed example number (its check character computed), so the sample passes. */
const sampleId = (first17: string) => first17 + residentIdCheckChar(first17);
const exampleRows = [
  [
    '王大山',
    '王大山',
    '户主',
    sampleId('33010219500101001'),
    '东村',
    '13800138000',
    '农业',
    '东村3组',
  ],
  ['王大山', '刘小芳', '配偶', sampleId('33010219520304002'), '东村', '', '农业', '东村3组'],
];

/** A line of help, the example heading row and the blank template to download. */
export function ImportIntro() {
  const { t } = useT();
  async function downloadTemplate() {
    const bytes = await templateWorkbook(exampleHeadings, exampleRows);
    await getDeskApi().saveBytesFile({
      suggestedName: '家庭成员名册模板.xlsx',
      bytes,
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
  }
  return (
    <Stack spacing={1}>
      <Typography>{t('import.help')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {t('import.example')}
      </Typography>
      <Table size="small" sx={{ width: 'auto' }} data-testid="import-example">
        <TableHead>
          <TableRow>
            {exampleHeadings.map((h) => (
              <TableCell key={h} sx={{ fontWeight: 600 }}>
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {exampleRows.map((row) => (
            <TableRow key={row[1]}>
              {row.map((c, i) => (
                <TableCell key={exampleHeadings[i]}>{c}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div>
        <Button size="small" startIcon={<DownloadIcon />} onClick={() => void downloadTemplate()}>
          {t('import.template')}
        </Button>
      </div>
    </Stack>
  );
}
