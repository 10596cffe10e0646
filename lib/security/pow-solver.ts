// The browser's half of the proof of work: find a nonce (decimal digits) such that
// SHA-256(challenge + nonce) starts with `bits` zero bits. Client-safe and self-contained:
// createPowSolver refers to nothing outside its own body, so components/help/pow.ts can also
// run it in a Web Worker built from its source text. The full 64-byte blocks of the challenge
// are hashed once (the mid-state); each try then compresses only the last block or two.
// lib/security/pow.ts verifies with node:crypto; tests/unit/card-pow.test.ts checks both agree.

export interface PowSolver {
  /** The first nonce in [start, start + count) that does the work, or -1. */
  search(challenge: string, bits: number, start: number, count: number): number;
}

export function createPowSolver(): PowSolver {
  const K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
    0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
    0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
    0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
    0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
    0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]);
  const w = new Int32Array(64);
  const block = new Uint8Array(128);

  function compress(state: Int32Array, bytes: Uint8Array, offset: number): void {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = state[0]!,
      b = state[1]!,
      c = state[2]!,
      d = state[3]!,
      e = state[4]!,
      f = state[5]!,
      g = state[6]!,
      h = state[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    state[0] = (state[0]! + a) | 0;
    state[1] = (state[1]! + b) | 0;
    state[2] = (state[2]! + c) | 0;
    state[3] = (state[3]! + d) | 0;
    state[4] = (state[4]! + e) | 0;
    state[5] = (state[5]! + f) | 0;
    state[6] = (state[6]! + g) | 0;
    state[7] = (state[7]! + h) | 0;
  }

  function zeroBits(state: Int32Array): number {
    let n = 0;
    for (let i = 0; i < 8; i++) {
      const z = Math.clz32(state[i]!);
      n += z;
      if (z < 32) break;
    }
    return n;
  }

  function search(challenge: string, bits: number, start: number, count: number): number {
    const bytes: number[] = [];
    for (let i = 0; i < challenge.length; i++) bytes.push(challenge.charCodeAt(i) & 0xff); // ASCII only
    const full = Math.floor(bytes.length / 64) * 64;
    const mid = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    const prefix = new Uint8Array(bytes.slice(0, full));
    for (let off = 0; off < full; off += 64) compress(mid, prefix, off);
    const tail = bytes.slice(full);
    const state = new Int32Array(8);
    for (let nonce = start; nonce < start + count; nonce++) {
      const digits = String(nonce);
      let len = 0;
      for (let i = 0; i < tail.length; i++) block[len++] = tail[i]!;
      for (let i = 0; i < digits.length; i++) block[len++] = digits.charCodeAt(i);
      const total = full + len;
      block[len++] = 0x80;
      const blocks = len + 8 <= 64 ? 1 : 2;
      const end = blocks * 64;
      while (len < end - 8) block[len++] = 0;
      const bitLen = total * 8;
      block[end - 8] = 0;
      block[end - 7] = 0;
      block[end - 6] = 0;
      block[end - 5] = Math.floor(bitLen / 0x100000000) & 0xff;
      block[end - 4] = (bitLen >>> 24) & 0xff;
      block[end - 3] = (bitLen >>> 16) & 0xff;
      block[end - 2] = (bitLen >>> 8) & 0xff;
      block[end - 1] = bitLen & 0xff;
      state.set(mid);
      compress(state, block, 0);
      if (blocks === 2) compress(state, block, 64);
      if (zeroBits(state) >= bits) return nonce;
    }
    return -1;
  }

  return { search };
}
