// Issue 18, item 8: a property that is readOnly and required is required in answers only
// (OpenAPI 3.0), so a request body without the path's regionId or subscriptionId is accepted.
import { describe, expect, test } from 'vitest';
import { SCHEMAS } from '../../../src/lib/sandbox/generated/operations';
import { schemaProblem } from '../../../src/lib/sandbox/validate';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('request bodies and readOnly properties', () => {
  test('the document marks path ids readOnly and required in these request schemas', () => {
    const schema = SCHEMAS['PrivateLinkActiveActiveCreateRequest'] as {
      required: string[];
      properties: Record<string, { readOnly?: boolean }>;
    };
    expect(schema.required).toContain('regionId');
    expect(schema.properties['regionId']?.readOnly).toBe(true);
  });

  test('a body without the readOnly regionId passes', () => {
    const body = {
      principal: 'arn:aws:iam::123456789012:root',
      shareName: 'share',
      type: 'aws_account',
    };
    expect(schemaProblem(ref('PrivateLinkActiveActiveCreateRequest'), body)).toBeNull();
  });

  test('a body without the readOnly subscriptionId and pscServiceId passes', () => {
    const body = {
      endpointConnectionName: 'redis-psc',
      gcpProjectId: 'project',
      gcpVpcName: 'vpc',
      gcpVpcSubnetName: 'subnet',
    };
    expect(schemaProblem(ref('PscEndpointCreateRequest'), body)).toBeNull();
  });

  test('a writable required property is still required', () => {
    const body = { shareName: 'share', type: 'aws_account' };
    expect(schemaProblem(ref('PrivateLinkActiveActiveCreateRequest'), body)).toEqual({
      field: 'principal',
      message: 'is required',
    });
  });
});
