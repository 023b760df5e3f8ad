import { expect, test } from 'vitest';
import { PRETTY_LIMIT, VIEW_LIMIT, bodyView } from '../../../src/lib/api/body-view';

test('a small JSON body is re-indented, and shown as received in the raw view', () => {
  expect(bodyView('{"a":1}')).toEqual({
    text: '{\n  "a": 1\n}',
    cut: false,
    pretty: true,
    json: true,
  });
  expect(bodyView('{"a":1}', true).text).toBe('{"a":1}');
});

test('HTML and text are shown as received', () => {
  const html = '<html><title>401 Authorization Required</title></html>';
  expect(bodyView(html)).toMatchObject({ text: html, pretty: false, cut: false });
  expect(bodyView('{not json').pretty).toBe(false);
});

test('a 5 MB body is cut to the view limit and not re-indented', () => {
  const big = JSON.stringify({
    items: Array.from({ length: 100_000 }, (_, i) => ({ i, name: 'x'.repeat(30) })),
  });
  expect(big.length).toBeGreaterThan(PRETTY_LIMIT);
  const view = bodyView(big);
  expect(view.text.length).toBe(VIEW_LIMIT);
  expect(view).toMatchObject({ cut: true, pretty: false, json: true });
  expect(big.startsWith(view.text)).toBe(true);
});

test('a JSON body between the limits is re-indented, then cut', () => {
  const medium = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => i));
  const view = bodyView(medium);
  expect(view).toMatchObject({ pretty: true, cut: true });
  expect(view.text.startsWith('[\n  0,\n  1,')).toBe(true);
});
