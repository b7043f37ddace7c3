/**
 * The quality engines as a plain library, usable without n8n:
 * `const qms = require('n8n-nodes-qms/dist/lib')`.
 */
export * from './spc';
export * from './complaints';
export * from './eightd';
export * from './suppliers';
export * from './msa';
export * from './fmea';
