#!/usr/bin/env node
// The cron entry point: loads only the drift-check command (never React or Ink), bundled (scripts/bundle.mjs).
import { main } from '../dist/bundle/drift-check.js';

process.exitCode = await main(process.argv.slice(2));
