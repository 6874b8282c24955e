'use strict';
// nbody.py in JS: (a) plain, (b) on the VM's values through its semantic helpers.
const { bind, pyFloat, pyTuple } = require('./lib.js');

const PI = 3.14159265358979323;
const SOLAR_MASS = 4 * PI * PI;
const DAYS_PER_YEAR = 365.24;
/** The bodies' initial numbers, in nbody.py's order (x, y, z, vx, vy, vz, mass). */
function initial() {
  return [
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS],
    [4.8414314424647209, -1.16032004402742839, -1.03622044471123109e-1, 1.66007664274403694e-3 * DAYS_PER_YEAR,
      7.69901118419740425e-3 * DAYS_PER_YEAR, -6.90460016972063023e-5 * DAYS_PER_YEAR, 9.54791938424326609e-4 * SOLAR_MASS],
    [8.34336671824457987, 4.12479856412430479, -4.03523417114321381e-1, -2.76742510726862411e-3 * DAYS_PER_YEAR,
      4.99852801234917238e-3 * DAYS_PER_YEAR, 2.30417297573763929e-5 * DAYS_PER_YEAR, 2.85885980666130812e-4 * SOLAR_MASS],
    [1.2894369562139131e1, -1.51111514016986312e1, -2.23307578892655734e-1, 2.96460137564761618e-3 * DAYS_PER_YEAR,
      2.3784717395948095e-3 * DAYS_PER_YEAR, -2.96589568540237556e-5 * DAYS_PER_YEAR, 4.36624404335156298e-5 * SOLAR_MASS],
    [1.53796971148509165e1, -2.59193146099879641e1, 1.79258772950371181e-1, 2.68067772490389322e-3 * DAYS_PER_YEAR,
      1.62824170038242295e-3 * DAYS_PER_YEAR, -9.5159225451971587e-5 * DAYS_PER_YEAR, 5.15138902046611451e-5 * SOLAR_MASS],
  ];
}

function plain(steps) {
  const bodies = initial();
  const n = bodies.length;
  const energy = () => {
    let e = 0.0;
    for (let i = 0; i < n; i++) {
      const b = bodies[i];
      e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5]);
      for (let j = i + 1; j < n; j++) {
        const c = bodies[j];
        const dx = b[0] - c[0];
        const dy = b[1] - c[1];
        const dz = b[2] - c[2];
        e -= (b[6] * c[6]) / Math.pow(dx * dx + dy * dy + dz * dz, 0.5);
      }
    }
    return e;
  };
  const before = energy();
  const dt = 0.01;
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < n; i++) {
      const b = bodies[i];
      for (let j = i + 1; j < n; j++) {
        const c = bodies[j];
        const dx = b[0] - c[0];
        const dy = b[1] - c[1];
        const dz = b[2] - c[2];
        const d2 = dx * dx + dy * dy + dz * dz;
        const mag = dt / (d2 * Math.pow(d2, 0.5));
        const bm = b[6] * mag;
        const cm = c[6] * mag;
        b[3] -= dx * cm;
        b[4] -= dy * cm;
        b[5] -= dz * cm;
        c[3] += dx * bm;
        c[4] += dy * bm;
        c[5] += dz * bm;
      }
    }
    for (const b of bodies) {
      b[0] += dt * b[3];
      b[1] += dt * b[4];
      b[2] += dt * b[5];
    }
  }
  return pyTuple(pyFloat(before), pyFloat(energy()));
}

function helpers(vm, steps) {
  const { binaryOp, getItem, setItem, PyFloat, PyList, PyTuple, ADD, SUB, MUL, TRUEDIV, POW, INPLACE } = bind(vm);
  const F = (x) => new PyFloat(x);
  const bodies = new PyList(initial().map((b) => new PyList(b.map(F))));
  const n = bodies.items.length;
  const HALF = F(0.5);
  const energy = () => {
    let e = F(0.0);
    for (let i = 0; i < n; i++) {
      const b = getItem(bodies, i);
      const v2 = binaryOp(ADD, binaryOp(ADD, binaryOp(MUL, getItem(b, 3), getItem(b, 3)), binaryOp(MUL, getItem(b, 4), getItem(b, 4))), binaryOp(MUL, getItem(b, 5), getItem(b, 5)));
      e = binaryOp(ADD + INPLACE, e, binaryOp(MUL, binaryOp(MUL, HALF, getItem(b, 6)), v2));
      for (let j = i + 1; j < n; j++) {
        const c = getItem(bodies, j);
        const dx = binaryOp(SUB, getItem(b, 0), getItem(c, 0));
        const dy = binaryOp(SUB, getItem(b, 1), getItem(c, 1));
        const dz = binaryOp(SUB, getItem(b, 2), getItem(c, 2));
        const d2 = binaryOp(ADD, binaryOp(ADD, binaryOp(MUL, dx, dx), binaryOp(MUL, dy, dy)), binaryOp(MUL, dz, dz));
        e = binaryOp(SUB + INPLACE, e, binaryOp(TRUEDIV, binaryOp(MUL, getItem(b, 6), getItem(c, 6)), binaryOp(POW, d2, HALF)));
      }
    }
    return e;
  };
  const before = energy();
  const dt = F(0.01);
  const update = (body, k, op, delta) => setItem(body, k, binaryOp(op, getItem(body, k), delta));
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < n; i++) {
      const b = getItem(bodies, i);
      for (let j = i + 1; j < n; j++) {
        const c = getItem(bodies, j);
        const dx = binaryOp(SUB, getItem(b, 0), getItem(c, 0));
        const dy = binaryOp(SUB, getItem(b, 1), getItem(c, 1));
        const dz = binaryOp(SUB, getItem(b, 2), getItem(c, 2));
        const d2 = binaryOp(ADD, binaryOp(ADD, binaryOp(MUL, dx, dx), binaryOp(MUL, dy, dy)), binaryOp(MUL, dz, dz));
        const mag = binaryOp(TRUEDIV, dt, binaryOp(MUL, d2, binaryOp(POW, d2, HALF)));
        const bm = binaryOp(MUL, getItem(b, 6), mag);
        const cm = binaryOp(MUL, getItem(c, 6), mag);
        update(b, 3, SUB + INPLACE, binaryOp(MUL, dx, cm));
        update(b, 4, SUB + INPLACE, binaryOp(MUL, dy, cm));
        update(b, 5, SUB + INPLACE, binaryOp(MUL, dz, cm));
        update(c, 3, ADD + INPLACE, binaryOp(MUL, dx, bm));
        update(c, 4, ADD + INPLACE, binaryOp(MUL, dy, bm));
        update(c, 5, ADD + INPLACE, binaryOp(MUL, dz, bm));
      }
    }
    for (const b of bodies.items) {
      update(b, 0, ADD + INPLACE, binaryOp(MUL, dt, getItem(b, 3)));
      update(b, 1, ADD + INPLACE, binaryOp(MUL, dt, getItem(b, 4)));
      update(b, 2, ADD + INPLACE, binaryOp(MUL, dt, getItem(b, 5)));
    }
  }
  return new PyTuple([before, energy()]);
}

module.exports = { plain, helpers };
