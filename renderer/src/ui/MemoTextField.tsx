import TextField from '@mui/material/TextField';
import { memo } from 'react';

/**
 * MUI's TextField, rendered again only when one of its props changes (compared one by
 * one). A form re-renders on every key; each TextField costs a millisecond or more of
 * styling, so a form of twenty fields spent 25–30 ms a key re-rendering fields nobody
 * touched (issue #17). It pays off only when every prop is stable: strings, numbers,
 * handlers from useStableHandlers, and objects or select options made once (module
 * constants, useMemo).
 */
export const MemoTextField = memo(TextField) as typeof TextField;
