import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { api, type ApiError } from './api';

/**
 * The query key of a channel call: `[channel, input]`. Invalidating `[channel]` refreshes every
 * call of that channel whatever its input (react-query matches key prefixes).
 */
export function apiKey<C extends Channel>(channel: C, input?: ChannelInput<C>): readonly unknown[] {
  return input === undefined ? [channel] : [channel, input];
}

type QueryOptions<C extends Channel> = Omit<UseQueryOptions<ChannelOutput<C>, ApiError>, 'queryKey' | 'queryFn'>;

/**
 * Reads through a contract channel with react-query:
 * `const { data, isPending, error } = useApiQuery('settings.get', {})`.
 * `error` is an `ApiError` whose `message` is Vietnamese (show it with `<ErrorAlert error={error} />`).
 */
export function useApiQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: QueryOptions<C> = {},
): UseQueryResult<ChannelOutput<C>, ApiError> {
  return useQuery<ChannelOutput<C>, ApiError>({
    queryKey: apiKey(channel, input),
    queryFn: () => api(channel, input),
    ...options,
  });
}

type MutationOptions<C extends Channel> = Omit<
  UseMutationOptions<ChannelOutput<C>, ApiError, ChannelInput<C>>,
  'mutationFn'
> & {
  /** Channels whose cached reads become stale after a success, e.g. `['models.list', 'overview.get']`. */
  invalidate?: Channel[];
};

/**
 * Writes through a contract channel and refreshes the listed reads on success:
 * `const save = useApiMutation('settings.update', { invalidate: ['settings.get'] })` then
 * `save.mutate({ profile })` or `await save.mutateAsync(...)`. Failures reject with an `ApiError`
 * (map `error.fields` onto a form with `applyServerErrors`).
 */
export function useApiMutation<C extends Channel>(
  channel: C,
  options: MutationOptions<C> = {},
): UseMutationResult<ChannelOutput<C>, ApiError, ChannelInput<C>> {
  const queryClient = useQueryClient();
  const { invalidate = [], onSuccess, ...rest } = options;
  return useMutation<ChannelOutput<C>, ApiError, ChannelInput<C>>({
    mutationFn: (input) => api(channel, input),
    ...rest,
    onSuccess: async (...args) => {
      await Promise.all(invalidate.map((c) => queryClient.invalidateQueries({ queryKey: [c] })));
      await onSuccess?.(...args);
    },
  });
}
