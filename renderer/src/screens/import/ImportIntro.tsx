import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { toAppErrorData } from '@shared/errors/appError';
import { residentIdCheckChar } from '@shared/identity/residentId';
import { templateWorkbook } from '../../db/repositories/import/reportSheet';
import type { RosterType } from '../../db/repositories/import/rosterModules';
import { useT } from '../../i18n/useT';
import { saveXlsx } from '../../export/saveXlsx';
import { PanelTable } from '../../ui/PanelTable';

/** A well-formed example number (its check character computed), so the sample passes. */
const sampleId = (first17: string) => first17 + residentIdCheckChar(first17);

/** Per roster type: the headings a newcomer's sheet needs, and sample rows. */
const examples: Record<RosterType, { headings: string[]; rows: string[][]; file: string }> = {
  households: {
    headings: [
      '户主姓名',
      '姓名',
      '与户主关系',
      '身份证号',
      '村(社区)',
      '联系电话',
      '户口性质',
      '家庭住址',
    ],
    rows: [
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
    ],
    file: '家庭成员名册模板.xlsx',
  },
  volunteers: {
    headings: ['姓名', '身份证号', '志愿者编号', '加入日期', '服务技能', '备注'],
    rows: [
      ['刘小芳', sampleId('33010219520304002'), 'ZJ-2025-0001', '2025-03-01', '助老、理发', ''],
    ],
    file: '志愿者名册模板.xlsx',
  },
  volunteerHours: {
    headings: [
      '姓名',
      '志愿者编号',
      '身份证号',
      '服务日期',
      '服务时长(小时)',
      '服务内容/活动',
      '备注',
    ],
    rows: [['刘小芳', 'ZJ-2025-0001', '', '2025-03-08', '2.5', '敬老院助餐', '']],
    file: '志愿服务时长名册模板.xlsx',
  },
  residents: {
    headings: [
      '姓名',
      '身份证号',
      '机构',
      '楼',
      '房间',
      '床位',
      '入住日期',
      '护理等级',
      '供养类型',
      '紧急联系人',
      '紧急联系人电话',
    ],
    rows: [
      [
        '王大山',
        sampleId('33010219500101001'),
        '城关镇敬老院',
        '1号楼',
        '101',
        '1',
        '2024-05-06',
        '轻度失能',
        '特困',
        '王小山',
        '13800138000',
      ],
    ],
    file: '入住老人名册模板.xlsx',
  },
  cases: {
    headings: [
      '户主姓名',
      '户主身份证号',
      '保障类别',
      '保障人数',
      '月收入',
      '月保障金额',
      '开始发放年月',
      '批准日期',
    ],
    rows: [
      ['张三', sampleId('33010219600101001'), '低保', '3', '800', '1450', '2026-12', '2023-05-10'],
    ],
    file: '在保对象名册模板.xlsx',
  },
};

/** A line of help, the example heading row and the blank template to download. */
export function ImportIntro(props: { type: RosterType }) {
  const { t, appError } = useT();
  const [failed, setFailed] = useState<string | null>(null);
  const { headings: exampleHeadings, rows: exampleRows, file } = examples[props.type];
  async function downloadTemplate() {
    setFailed(null);
    try {
      const bytes = await templateWorkbook(exampleHeadings, exampleRows);
      await saveXlsx(file, bytes);
    } catch (thrown) {
      setFailed(appError(toAppErrorData(thrown)));
    }
  }
  return (
    <Stack spacing={1}>
      <Typography>{t('import.help')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {t(`import.example.${props.type}`)}
      </Typography>
      {/* One line a cell, scrolling sideways in its own box: squeezed into the page, the
          headings and the example's values broke a character a line. */}
      <PanelTable chineseHeadings data-testid="import-example">
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
            <TableRow key={row.join()}>
              {row.map((c, i) => (
                <TableCell key={exampleHeadings[i]}>{c}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </PanelTable>
      <div>
        <Button size="small" startIcon={<DownloadIcon />} onClick={() => void downloadTemplate()}>
          {t('import.template')}
        </Button>
      </div>
      {failed && <Alert severity="error">{failed}</Alert>}
    </Stack>
  );
}
