import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Container,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowRight, IconCheck, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { DEFAULT_PROFILE, profileSchema, type ProfileInput } from '../../../../shared/schemas/settings';
import type { MemberRole } from '../../../../shared/schemas/members';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { applyServerErrors, parseForm, zodResolver } from '../../lib/zodForm';
import { formatNumber } from '../../lib/format';
import { ApiError } from '../../lib/api';
import { showError, showSuccess } from '../../components/notify';
import { ImportModal, MEMBER_IMPORT, UNIT_IMPORT } from '../../components/ImportModal';
import { ROLE_OPTIONS } from '../members/MemberFormModal';
import { parseUnitList } from './parseUnitList';

/** Step 1: the organisation profile every printed document uses. */
function ProfileStep({ onDone }: { onDone: () => void }) {
  const settings = useApiQuery('settings.get', {});
  // The defaults show at once; the form starts over from the saved profile when it arrives (or changes).
  const version = settings.data ? (settings.data.updatedAt ?? 'saved') : 'defaults';
  const profile = settings.data?.profile ?? DEFAULT_PROFILE;
  return <ProfileStepForm key={version} initial={{ ...profile, margins: { ...profile.margins } }} onDone={onDone} />;
}

function ProfileStepForm({ initial, onDone }: { initial: ProfileInput; onDone: () => void }) {
  const save = useApiMutation('settings.update', { invalidate: ['settings.get'] });
  const form = useForm<ProfileInput>({ mode: 'controlled', initialValues: initial, validate: zodResolver(profileSchema) });
  const submit = form.onSubmit(
    async (values) => {
      try {
        await save.mutateAsync({ profile: parseForm(profileSchema, values) });
        onDone();
      } catch (error) {
        if (!applyServerErrors(form, error, 'profile')) showError(error);
      }
    },
    () => showError('Một số ô chưa hợp lệ, xem thông báo dưới từng ô.', 'Chưa lưu được'),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Thông tin cơ quan">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Thông tin này in ở đầu mọi văn bản (theo Hướng dẫn 36-HD/VPTW) và dùng để đánh số văn bản theo nhiệm kỳ. Có thể sửa lại trong «Cài đặt».
        </Text>
        <SimpleGrid cols={2}>
          <TextInput label="Tên cơ quan cấp trên" placeholder="Ví dụ: ĐẢNG BỘ TỈNH BẮC KẠN" required data-autofocus {...form.getInputProps('parentBody')} />
          <TextInput label="Cơ quan thường trực" placeholder="Ví dụ: Ban Tuyên giáo và Dân vận Tỉnh ủy" {...form.getInputProps('standingAgency')} />
        </SimpleGrid>
        <Textarea label="Tên Ban Chỉ đạo" required autosize minRows={2} {...form.getInputProps('committeeName')} />
        <SimpleGrid cols={4}>
          <TextInput label="Ký hiệu viết tắt" description="Dùng trong số văn bản" required {...form.getInputProps('committeeCode')} />
          <TextInput label="Địa danh" description="Ghi ở dòng ngày tháng" placeholder="Bắc Kạn" required {...form.getInputProps('placeName')} />
          <TextInput label="Họ tên Trưởng ban" description="Ký văn bản" {...form.getInputProps('headName')} />
          <TextInput label="Nhiệm kỳ" description="Số văn bản đánh lại từ 01 mỗi nhiệm kỳ" required {...form.getInputProps('termLabel')} />
          <NumberInput label="Năm bắt đầu nhiệm kỳ" thousandSeparator="" hideControls {...form.getInputProps('termStartYear')} />
          <NumberInput label="Năm kết thúc nhiệm kỳ" thousandSeparator="" hideControls {...form.getInputProps('termEndYear')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" rightSection={<IconArrowRight size={16} />} loading={save.isPending}>
            Lưu và tiếp tục
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const UNIT_EXAMPLE = `Đảng bộ huyện Chợ Mới
- Đảng bộ xã Yên Đĩnh
- Đảng bộ xã Thanh Mai
Đảng bộ huyện Ba Bể
- Đảng bộ xã Chu Hương
Đảng bộ Công an tỉnh`;

/** Step 2: type the units as a quick list (or import Excel). */
function UnitsStep({ onDone, onBack }: { onDone: () => void; onBack: () => void }) {
  const [text, setText] = useState('');
  const [importing, setImporting] = useState(false);
  const units = useApiQuery('units.list', {});
  const create = useApiMutation('units.createTree', { invalidate: ['units.list'] });
  const parsed = useMemo(() => parseUnitList(text), [text]);
  const childCount = parsed.units.reduce((n, u) => n + u.children.length, 0);
  const existing = units.data?.items ?? [];
  const save = async () => {
    if (parsed.units.length === 0) return onDone();
    try {
      const r = await create.mutateAsync({ items: parsed.units });
      showSuccess(`Đã thêm ${formatNumber(r.created)} đơn vị${r.skipped ? `; ${formatNumber(r.skipped)} đơn vị đã có từ trước` : ''}.`);
      setText('');
      onDone();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Mỗi dòng một đơn vị trực thuộc Ban Chỉ đạo. Dòng bắt đầu bằng dấu «-» là cơ sở của đơn vị ngay phía trên. Loại đơn vị được đoán theo tên và sửa được sau.
      </Text>
      <Group align="flex-start" grow>
        <Textarea
          label="Danh sách đơn vị"
          aria-label="Danh sách đơn vị"
          placeholder={UNIT_EXAMPLE}
          autosize
          minRows={12}
          maxRows={18}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          styles={{ input: { fontFamily: 'inherit' } }}
        />
        <Paper withBorder p="sm">
          <Text fw={600} size="sm" mb={4}>
            Sẽ thêm: {formatNumber(parsed.units.length)} đơn vị trực thuộc, {formatNumber(childCount)} cơ sở
          </Text>
          {parsed.orphans.length > 0 && (
            <Alert color="orange" py={6} mb={6}>
              Dòng {parsed.orphans.join(', ')} bắt đầu bằng «-» nhưng chưa có đơn vị cấp trên phía trên.
            </Alert>
          )}
          <Box mah={260} style={{ overflow: 'auto' }}>
            {parsed.units.map((u) => (
              <Box key={u.name} mb={4}>
                <Text size="sm" fw={500}>
                  {u.name}
                </Text>
                {u.children.map((c) => (
                  <Text key={c.name} size="xs" pl="md" c="dimmed">
                    {c.name}
                  </Text>
                ))}
              </Box>
            ))}
          </Box>
          {existing.length > 0 && (
            <Badge mt="sm" variant="light" color="green">
              Đã có {formatNumber(existing.length)} đơn vị
            </Badge>
          )}
        </Paper>
      </Group>
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="default" onClick={onBack}>
            Quay lại
          </Button>
          <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
            Nhập từ Excel
          </Button>
        </Group>
        <Button onClick={save} rightSection={<IconArrowRight size={16} />} loading={create.isPending}>
          {parsed.units.length ? 'Lưu và tiếp tục' : existing.length ? 'Tiếp tục' : 'Bỏ qua bước này'}
        </Button>
      </Group>
      <ImportModal target={UNIT_IMPORT} opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}

interface MemberRow {
  key: number;
  fullName: string;
  role: MemberRole;
  position: string;
}

const newRow = (key: number, role: MemberRole = 'uy_vien'): MemberRow => ({ key, fullName: '', role, position: '' });

/** Step 3: the committee's members as quick rows (or import Excel). */
function MembersStep({ onDone, onBack }: { onDone: () => void; onBack: () => void }) {
  const [rows, setRows] = useState<MemberRow[]>([newRow(1, 'truong_ban'), newRow(2, 'pho_truong_ban_tt'), newRow(3)]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [importing, setImporting] = useState(false);
  const members = useApiQuery('members.list', {});
  const create = useApiMutation('members.createMany', { invalidate: ['members.list'] });
  const filled = rows.filter((r) => r.fullName.trim());
  const patch = (i: number, change: Partial<MemberRow>) => setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const save = async () => {
    if (filled.length === 0) return onDone();
    try {
      const r = await create.mutateAsync({ items: filled.map((m) => ({ fullName: m.fullName, role: m.role, position: m.position || null })) });
      showSuccess(`Đã thêm ${formatNumber(r.created)} thành viên.`);
      setRows([newRow(Date.now())]);
      onDone();
    } catch (error) {
      if (error instanceof ApiError) {
        // items.N.field → the N-th filled row
        const mapped: Record<string, string> = {};
        for (const [k, v] of Object.entries(error.fields)) {
          const m = /^items\.(\d+)\.(\w+)$/.exec(k);
          const row = m ? filled[Number(m[1])] : undefined;
          if (row && m) mapped[`${row.key}.${m[2]}`] = v;
        }
        setErrors(mapped);
      }
      showError(error);
    }
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Nhập Trưởng ban, các Phó Trưởng ban, Ủy viên và Tổ giúp việc (thêm thông tin chi tiết và phân công phụ trách sau). Hoặc nhập từ Excel — cột «Đơn vị phụ trách» (nếu có) tạo luôn phân công.
      </Text>
      <Paper withBorder>
        <Table verticalSpacing={4} aria-label="Thành viên Ban Chỉ đạo">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>TT</Table.Th>
              <Table.Th>Họ và tên</Table.Th>
              <Table.Th w={250}>Chức danh trong Ban Chỉ đạo</Table.Th>
              <Table.Th>Chức vụ</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.key}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`Họ và tên dòng ${i + 1}`}
                    value={r.fullName}
                    error={errors[`${r.key}.fullName`]}
                    onChange={(e) => patch(i, { fullName: e.currentTarget.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && i === rows.length - 1) setRows((prev) => [...prev, newRow(Date.now())]);
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Select size="xs" aria-label={`Chức danh dòng ${i + 1}`} data={ROLE_OPTIONS} value={r.role} allowDeselect={false} onChange={(v) => patch(i, { role: (v as MemberRole) ?? 'uy_vien' })} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" aria-label={`Chức vụ dòng ${i + 1}`} value={r.position} onChange={(e) => patch(i, { position: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={`Xóa dòng ${i + 1}`} onClick={() => setRows((prev) => prev.filter((_, j) => j !== i))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group p="xs" justify="space-between">
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRows((prev) => [...prev, newRow(Date.now())])}>
            Thêm dòng
          </Button>
          {(members.data?.total ?? 0) > 0 && (
            <Badge variant="light" color="green">
              Đã có {formatNumber(members.data!.total)} thành viên
            </Badge>
          )}
        </Group>
      </Paper>
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="default" onClick={onBack}>
            Quay lại
          </Button>
          <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
            Nhập từ Excel
          </Button>
        </Group>
        <Button onClick={save} rightSection={<IconArrowRight size={16} />} loading={create.isPending}>
          {filled.length ? 'Lưu và tiếp tục' : 'Tiếp tục'}
        </Button>
      </Group>
      <ImportModal target={MEMBER_IMPORT} opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}

function DoneStep() {
  const navigate = useNavigate();
  const units = useApiQuery('units.list', {});
  const members = useApiQuery('members.list', {});
  const top = (units.data?.items ?? []).filter((u) => !u.parentId).length;
  return (
    <Stack gap="md" align="center" py="lg">
      <IconCheck size={48} color="var(--mantine-color-green-6)" />
      <Title order={3}>Đã thiết lập xong</Title>
      <Text>
        {formatNumber(units.data?.total ?? 0)} đơn vị ({formatNumber(top)} đơn vị trực thuộc Ban Chỉ đạo) · {formatNumber(members.data?.total ?? 0)} thành viên
      </Text>
      <Text size="sm" c="dimmed">
        Tiếp theo: <Anchor onClick={() => navigate('/don-vi/phan-cong')}>phân công thành viên phụ trách đơn vị</Anchor>, hoặc sửa danh mục lĩnh vực trong «Đơn vị, thành viên».
      </Text>
      <Button size="md" onClick={() => navigate('/tong-quan')} rightSection={<IconArrowRight size={16} />}>
        Vào trang Tổng quan
      </Button>
    </Stack>
  );
}

/**
 * First run: organisation profile → units → members → overview. Each step saves on its own, so
 * leaving half-way loses nothing; the app only redirects here while the profile was never saved.
 */
export default function SetupWizard() {
  const [step, setStep] = useState(0);
  const navigate = useNavigate();
  return (
    <Box bg="gray.0" mih="100vh" py="lg">
      <Container size={1100}>
        <Group justify="space-between" mb="md">
          <Box>
            <Title order={2}>Thiết lập ban đầu</Title>
            <Text size="sm" c="dimmed">
              QCDC Desk — phần mềm cho Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào «Dân vận khéo»
            </Text>
          </Box>
          {step > 0 && step < 3 && (
            <Button variant="subtle" onClick={() => navigate('/tong-quan')}>
              Để sau, vào phần mềm
            </Button>
          )}
        </Group>
        <Paper withBorder p="lg" radius="md">
          <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} allowNextStepsSelect={false} size="sm">
            <Stepper.Step label="Thông tin cơ quan" description="Tiêu đề văn bản, nhiệm kỳ">
              <Box pt="md">
                <ProfileStep onDone={() => setStep(1)} />
              </Box>
            </Stepper.Step>
            <Stepper.Step label="Đơn vị" description="Đảng bộ trực thuộc, cơ sở">
              <Box pt="md">
                <UnitsStep onDone={() => setStep(2)} onBack={() => setStep(0)} />
              </Box>
            </Stepper.Step>
            <Stepper.Step label="Thành viên" description="Ban Chỉ đạo, Tổ giúp việc">
              <Box pt="md">
                <MembersStep onDone={() => setStep(3)} onBack={() => setStep(1)} />
              </Box>
            </Stepper.Step>
            <Stepper.Completed>
              <DoneStep />
            </Stepper.Completed>
          </Stepper>
        </Paper>
      </Container>
    </Box>
  );
}
