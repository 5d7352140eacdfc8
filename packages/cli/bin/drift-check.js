#!/usr/bin/env node
// The cron entry point: loads only the drift-check command (never React or Ink).
import { main } from '../dist/drift-check-bin.js';

process.exitCode = await main(process.argv.slice(2));
