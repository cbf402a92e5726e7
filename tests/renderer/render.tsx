import type { ReactElement, ReactNode } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { AppProviders, createQueryClient } from '../../renderer/src/app/providers';
import type { Envelope } from '../../shared/contract';
import type { QcdcBridge } from '../../renderer/src/lib/api';

/**
 * Renders a screen inside the real app providers (theme, dates, notifications, react-query,
 * confirm dialog), optionally under a memory router at `route`.
 */
export function renderWithApp(
  ui: ReactElement,
  options: { route?: string; path?: string; queryClient?: QueryClient } = {},
): RenderResult & { queryClient: QueryClient } {
  const queryClient = options.queryClient ?? createQueryClient();
  const element = options.route
    ? (() => {
        const router = createMemoryRouter([{ path: options.path ?? '*', element: ui }], { initialEntries: [options.route] });
        return <RouterProvider router={router} />;
      })()
    : ui;
  // Providers as RTL's wrapper, so `rerender(<Other />)` keeps them.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppProviders queryClient={queryClient} env="test">
      {children}
    </AppProviders>
  );
  const result = render(element, { wrapper });
  return { ...result, queryClient };
}

export type Handler = (input: unknown) => unknown;

export interface FakeBridge {
  /** Every call that crossed the transport, in order. */
  calls: { channel: string; input: unknown }[];
  /** Emits a main-process event (job.progress, app.notify) to subscribed screens. */
  emit(event: string, payload: unknown): void;
}

/**
 * Installs a fake `window.qcdc` — the transport only. Each handler returns data (wrapped in an ok
 * envelope) or an envelope itself (`{ ok: false, error }`); an unknown channel answers
 * UNKNOWN_CHANNEL. The components, hooks and api client under test run unchanged.
 */
export function installBridge(handlers: Record<string, Handler>): FakeBridge {
  const calls: FakeBridge['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge: QcdcBridge = {
    async invoke(channel, input) {
      calls.push({ channel, input });
      const handler = handlers[channel];
      if (!handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Không có kênh ${channel}.` } };
      const out = await handler(input);
      if (out && typeof out === 'object' && 'ok' in out) return out as Envelope<unknown>;
      return { ok: true, data: out };
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  window.qcdc = bridge;
  return {
    calls,
    emit(event, payload) {
      listeners.get(event)?.forEach((l) => l(payload));
    },
  };
}
