import { describe, expect, test } from 'vitest';
import { FIRST_ROUTE, parseRoute } from '../../../src/lib/core/route';

describe('parseRoute', () => {
  test.each([
    ['', 'playground'],
    ['#', 'playground'],
    ['#/', 'playground'],
    ['#/playground', 'playground'],
    ['#/diagnose', 'diagnose'],
    ['#diagnose', 'diagnose'],
    ['#/profiles/', 'profiles'],
    ['#/walkthrough/3', 'walkthrough'],
    ['#/nowhere', 'playground'],
    ['#/Diagnose', 'playground'],
    ['#/diagnose?share=1z.abc', 'diagnose'],
  ])('%j opens %s', (hash, route) => {
    expect(parseRoute(hash).route).toBe(route);
  });

  test('keeps what follows the route, and the query apart from it', () => {
    expect(parseRoute('#/walkthrough/3')).toEqual({
      route: 'walkthrough',
      rest: ['3'],
      query: '',
    });
    expect(parseRoute('#/diagnose?share=1z.a/b?c')).toEqual({
      route: 'diagnose',
      rest: [],
      query: 'share=1z.a/b?c',
    });
  });

  test('an unknown or empty address opens the first screen, the one the build prerenders', () => {
    expect(FIRST_ROUTE).toBe('playground');
    expect(parseRoute('#/unknown/5').route).toBe(FIRST_ROUTE);
  });
});
