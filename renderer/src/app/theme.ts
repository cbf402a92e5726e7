import { createTheme, Modal, NumberInput, Select, Textarea, TextInput, Button, Checkbox } from '@mantine/core';
import { DateInput, DatePickerInput, MonthPickerInput, YearPickerInput } from '@mantine/dates';
import { parseVietnameseDate } from '../../../shared/text';

/**
 * One theme for the whole app: readable on a 1366×768 office screen (15 px body text, compact
 * spacing), Vietnamese-capable system fonts, a sober blue close to Party documents' letterheads.
 * Date inputs show and accept dd/mm/yyyy (the value stays ISO `YYYY-MM-DD`).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 7,
  fontFamily: '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  headings: { fontFamily: '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif', fontWeight: '600' },
  fontSizes: { xs: '12px', sm: '14px', md: '15px', lg: '17px', xl: '20px' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  // Keyboard users see where they are; mouse clicks don't leave rings behind.
  focusRing: 'auto',
  components: {
    TextInput: TextInput.extend({ defaultProps: { size: 'sm' } }),
    Textarea: Textarea.extend({ defaultProps: { size: 'sm', autosize: true, minRows: 2 } }),
    // No thousands separator by default: most numbers typed here are years (2025, not 2.025).
    NumberInput: NumberInput.extend({ defaultProps: { size: 'sm', decimalSeparator: ',' } }),
    Select: Select.extend({ defaultProps: { size: 'sm', allowDeselect: false, nothingFoundMessage: 'Không có lựa chọn phù hợp' } }),
    Button: Button.extend({ defaultProps: { size: 'sm' } }),
    Checkbox: Checkbox.extend({ defaultProps: { size: 'sm' } }),
    Modal: Modal.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Đóng' } },
      styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } },
    }),
    DateInput: DateInput.extend({
      defaultProps: {
        valueFormat: 'DD/MM/YYYY',
        placeholder: 'dd/mm/yyyy',
        dateParser: (value: string) => parseVietnameseDate(value),
        clearable: true,
      },
    }),
    DatePickerInput: DatePickerInput.extend({ defaultProps: { valueFormat: 'DD/MM/YYYY', placeholder: 'dd/mm/yyyy' } }),
    MonthPickerInput: MonthPickerInput.extend({ defaultProps: { valueFormat: 'MM/YYYY' } }),
    YearPickerInput: YearPickerInput.extend({ defaultProps: { valueFormat: 'YYYY' } }),
  },
});
