import { Component, type ReactNode } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';

interface State {
  error: Error | null;
}

/** A screen that fails to render shows a Vietnamese message instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" title="Màn hình này gặp lỗi">
        <Stack gap="xs">
          <Text size="sm">Dữ liệu đã lưu không bị ảnh hưởng. Hãy thử tải lại màn hình.</Text>
          {/* The raw message is English and technical: kept for support staff, folded away for the officer. */}
          <details>
            <summary style={{ cursor: 'pointer', fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>
              Chi tiết kỹ thuật (gửi cho người hỗ trợ)
            </summary>
            <Text size="xs" c="dimmed" mt={4} style={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap' }}>
              {this.state.error.message}
            </Text>
          </details>
          <Button variant="light" w="fit-content" onClick={() => this.setState({ error: null })}>
            Thử lại
          </Button>
        </Stack>
      </Alert>
    );
  }
}
