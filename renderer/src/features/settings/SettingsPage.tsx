import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { IconInfoCircle } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../lib/query';
import { ProfileForm } from './ProfileForm';
import { SystemInfoCard } from '../system/SystemInfoCard';
import { HolidaysCard } from '../holidays/HolidaysCard';

/** Cài đặt: the organisation profile every document prints, and where the data lives. */
export default function SettingsPage() {
  const settings = useApiQuery('settings.get', {});
  return (
    <Stack gap={0} maw={1180}>
      <PageHeader
        title="Cài đặt"
        description="Thông tin cơ quan dùng để trình bày mọi văn bản in ra: tên Ban Chỉ đạo, ký hiệu, địa danh, nhiệm kỳ, cách ký và lề trang."
      />
      <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      {settings.isPending && (
        <Center h={200}>
          <Loader aria-label="Đang tải" />
        </Center>
      )}
      {settings.data && (
        <Stack gap="md">
          {!settings.data.configured && (
            <Alert color="blue" icon={<IconInfoCircle size={18} />} title="Chưa khai báo thông tin cơ quan">
              <Group justify="space-between" wrap="nowrap" gap="md">
                <Text size="sm">
                  Hãy điền các ô có dấu * rồi bấm «Lưu thay đổi». Biên bản, kế hoạch, báo cáo in ra sẽ dùng những thông tin này.
                </Text>
                <Button component={Link} to="/thiet-lap" size="xs" variant="white" style={{ flexShrink: 0 }}>
                  Mở thiết lập ban đầu
                </Button>
              </Group>
            </Alert>
          )}
          <ProfileForm state={settings.data} aside={<SystemInfoCard />} />
          <HolidaysCard />
        </Stack>
      )}
    </Stack>
  );
}
