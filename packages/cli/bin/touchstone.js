#!/usr/bin/env node
// The bundled CLI (scripts/bundle.mjs): one file per command instead of ~1,500 modules, so it starts fast.
import { main } from '../dist/bundle/touchstone.js';

process.exitCode = await main(process.argv.slice(2));
