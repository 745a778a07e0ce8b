import type { WirelintRuleModule } from '../util/create-rule';
import consistentKeepalivePool from './consistent-keepalive-pool';
import noAgentPerRequest from './no-agent-per-request';
import noDisabledTimeout from './no-disabled-timeout';
import noIgnoredBackpressure from './no-ignored-backpressure';
import noSmallListenBacklog from './no-small-listen-backlog';
import noUnboundedBodyAccumulation from './no-unbounded-body-accumulation';
import noUnboundedConcurrency from './no-unbounded-concurrency';
import noUnboundedQueue from './no-unbounded-queue';
import noUnconsumedBody from './no-unconsumed-body';
import preferEndOverDestroy from './prefer-end-over-destroy';
import requireClientTimeout from './require-client-timeout';
import requireHeartbeat from './require-heartbeat';
import requireRequestTimeout from './require-request-timeout';

/** Every rule, by name; kept alphabetical (checked by tests/setup.test.ts). */
export const rules: Readonly<Record<string, WirelintRuleModule>> = {
  'consistent-keepalive-pool': consistentKeepalivePool,
  'no-agent-per-request': noAgentPerRequest,
  'no-disabled-timeout': noDisabledTimeout,
  'no-ignored-backpressure': noIgnoredBackpressure,
  'no-small-listen-backlog': noSmallListenBacklog,
  'no-unbounded-body-accumulation': noUnboundedBodyAccumulation,
  'no-unbounded-concurrency': noUnboundedConcurrency,
  'no-unbounded-queue': noUnboundedQueue,
  'no-unconsumed-body': noUnconsumedBody,
  'prefer-end-over-destroy': preferEndOverDestroy,
  'require-client-timeout': requireClientTimeout,
  'require-heartbeat': requireHeartbeat,
  'require-request-timeout': requireRequestTimeout,
};
