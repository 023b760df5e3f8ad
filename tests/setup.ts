// A real IndexedDB implementation in Node and jsdom; each test still makes its own store.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
