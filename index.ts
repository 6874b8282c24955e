export * from './reference/src';
