#!/usr/bin/env node
'use strict';
// Entry point for editors: `wirelint-language-server --stdio`.
require('../dist/main.js');
