// Loads every built-in module so that the registry is complete. Order does not matter.
import './core.js';
import './decimals.js';
import './points.js';
import './algebra.js';
import './geometry.js';
import './networks.js';
import './plots.js';
import './maps.js';
import './decompose.js';
import './projective.js';

export { allBuiltins, builtin } from './registry.js';
