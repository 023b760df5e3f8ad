/**
 * redisctl's options (global, `profile set`, `api cloud`, `cloud ...`) as data for the
 * shell-options driver, and the API call each documented `redisctl cloud` command makes.
 */
import { flag, many, withValue, type OptionTable } from './shell-options';

export type RedisctlAction =
  | 'profile'
  | 'data'
  | 'api-key'
  | 'api-secret'
  | 'api-url'
  | 'subscription'
  | 'database'
  | 'deployment'
  | 'credential'
  | 'ignore';

export const REDISCTL_OPTIONS: OptionTable<RedisctlAction> = {
  short: {
    d: withValue('data'),
    p: withValue('profile'),
    ...many([...'oq'], withValue<RedisctlAction>('ignore')),
    ...many([...'vhVfy'], flag<RedisctlAction>('ignore')),
  },
  long: {
    profile: withValue('profile'),
    data: withValue('data'),
    'api-key': withValue('api-key'),
    'api-secret': withValue('api-secret'),
    'api-url': withValue('api-url'),
    subscription: withValue('subscription'),
    'subscription-id': withValue('subscription'),
    database: withValue('database'),
    'database-id': withValue('database'),
    deployment: withValue('deployment'),
    'deployment-type': withValue('deployment'),
    password: withValue('credential'),
    ...many(
      [
        'output',
        'query',
        'config-file',
        'wait-timeout',
        'wait-interval',
        'url',
        'username',
        'name',
        'region',
        'cloud-provider',
        'limit',
        'offset',
        'file',
      ],
      withValue<RedisctlAction>('ignore'),
    ),
    ...many(
      [
        'wait',
        'verbose',
        'help',
        'version',
        'insecure',
        'set-default',
        'force',
        'yes',
        'no-color',
        'all',
        'dry-run',
      ],
      flag<RedisctlAction>('ignore'),
    ),
  },
  isOperand: (word) => word.startsWith('/'),
};

/** `redisctl cloud <resource> <action>`: the method and path it calls (`{id}`, `{sub}`, `{db}`). */
export const REDISCTL_COMMANDS: Readonly<Record<string, readonly [string, string]>> = {
  'account get': ['GET', '/'],
  'account info': ['GET', '/'],
  'subscription list': ['GET', '/subscriptions'],
  'subscription get': ['GET', '/subscriptions/{id}'],
  'subscription create': ['POST', '/subscriptions'],
  'subscription update': ['PUT', '/subscriptions/{id}'],
  'subscription delete': ['DELETE', '/subscriptions/{id}'],
  'database list': ['GET', '/subscriptions/{sub}/databases'],
  'database get': ['GET', '/subscriptions/{sub}/databases/{db}'],
  'database create': ['POST', '/subscriptions/{sub}/databases'],
  'database update': ['PUT', '/subscriptions/{sub}/databases/{db}'],
  'database delete': ['DELETE', '/subscriptions/{sub}/databases/{db}'],
  'fixed-subscription list': ['GET', '/fixed/subscriptions'],
  'fixed-subscription get': ['GET', '/fixed/subscriptions/{id}'],
  'fixed-database list': ['GET', '/fixed/subscriptions/{sub}/databases'],
  'fixed-database get': ['GET', '/fixed/subscriptions/{sub}/databases/{db}'],
  'task list': ['GET', '/tasks'],
  'task get': ['GET', '/tasks/{id}'],
  'user list': ['GET', '/users'],
  'user get': ['GET', '/users/{id}'],
  'cloud-account list': ['GET', '/cloud-accounts'],
  'cloud-account get': ['GET', '/cloud-accounts/{id}'],
  'payment-method list': ['GET', '/payment-methods'],
  'region list': ['GET', '/regions'],
  'logs list': ['GET', '/logs'],
  'account logs': ['GET', '/logs'],
  'account session-logs': ['GET', '/session-logs'],
  'account payment-methods': ['GET', '/payment-methods'],
  'account regions': ['GET', '/regions'],
};
