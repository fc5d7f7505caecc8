import { useRef } from 'react';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CancelIcon from '@mui/icons-material/Cancel';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useT } from '../../i18n/useT';

/**
 * The attachments list of a service record: file names only, for now. The clerk picks
 * the files so names are spelled as on disk; the files are not read or stored.
 */
export function AttachmentsField(props: {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useT();
  const input = useRef<HTMLInputElement>(null);
  const pick = (files: FileList | null) => {
    const names = [...(files ?? [])].map((f) => f.name);
    props.onChange([...new Set([...props.value, ...names])]);
    if (input.current) input.current.value = '';
  };
  return (
    <Stack spacing={0.5}>
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
      >
        <Typography color="text.secondary" sx={{ mr: 1 }}>
          {t('community.field.attachments')}
        </Typography>
        {props.value.map((name) => (
          <Chip
            key={name}
            label={name}
            size="small"
            onDelete={() => props.onChange(props.value.filter((n) => n !== name))}
            deleteIcon={<CancelIcon titleAccess={t('community.attachments.remove', { name })} />}
          />
        ))}
        <Button size="small" startIcon={<AttachFileIcon />} onClick={() => input.current?.click()}>
          {t('community.attachments.add')}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="attachment-input"
          onChange={(e) => pick(e.target.files)}
        />
      </Stack>
      <FormHelperText error={Boolean(props.error)}>
        {props.error ?? t('community.attachments.hint')}
      </FormHelperText>
    </Stack>
  );
}
