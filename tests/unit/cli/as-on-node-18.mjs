// Preloaded (node --import) to run keycheck.mjs without what Node 20 has and Node 18 lacks:
// AbortSignal.any and the Web Crypto global.
Reflect.deleteProperty(AbortSignal, 'any');
Reflect.deleteProperty(globalThis, 'crypto');
