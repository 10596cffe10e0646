// Solving the proof of work in the browser: in a Web Worker built from the solver's own source
// (lib/security/pow-solver.ts is self-contained for that), so the page stays responsive; where a
// worker cannot start, in small slices on the main thread with setTimeout between them.
import { createPowSolver } from "@/lib/security/pow-solver";

const SLICE = 4_000;
const LIMIT = 2 ** 31;

function workerSource(): string {
  return `"use strict";
const createPowSolver = ${createPowSolver.toString()};
const solver = createPowSolver();
self.onmessage = (e) => {
  const { challenge, bits } = e.data;
  for (let start = 0; start < ${LIMIT}; start += 50000) {
    const n = solver.search(challenge, bits, start, 50000);
    if (n >= 0) { self.postMessage({ nonce: String(n) }); return; }
  }
  self.postMessage({ error: "exhausted" });
};`;
}

function inWorker(challenge: string, bits: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let url: string | null = null;
    try {
      url = URL.createObjectURL(new Blob([workerSource()], { type: "text/javascript" }));
      const worker = new Worker(url);
      const done = () => {
        worker.terminate();
        if (url) URL.revokeObjectURL(url);
      };
      worker.onmessage = (e: MessageEvent<{ nonce?: string; error?: string }>) => {
        done();
        if (e.data.nonce) resolve(e.data.nonce);
        else reject(new Error(e.data.error ?? "no nonce"));
      };
      worker.onerror = (e) => {
        done();
        e.preventDefault();
        reject(new Error("worker failed"));
      };
      worker.postMessage({ challenge, bits });
    } catch (e) {
      if (url) URL.revokeObjectURL(url);
      reject(e instanceof Error ? e : new Error("worker failed"));
    }
  });
}

function onMainThread(challenge: string, bits: number): Promise<string> {
  const solver = createPowSolver();
  return new Promise((resolve, reject) => {
    let start = 0;
    const step = () => {
      const n = solver.search(challenge, bits, start, SLICE);
      if (n >= 0) return resolve(String(n));
      start += SLICE;
      if (start >= LIMIT) return reject(new Error("exhausted"));
      setTimeout(step, 0);
    };
    setTimeout(step, 0);
  });
}

/** A nonce for the challenge (decimal digits). */
export async function solveChallenge(challenge: string, bits: number): Promise<string> {
  if (typeof Worker !== "undefined" && typeof Blob !== "undefined" && typeof URL.createObjectURL === "function") {
    try {
      return await inWorker(challenge, bits);
    } catch {
      // a strict content policy or an old browser: fall through
    }
  }
  return onMainThread(challenge, bits);
}

/** A v4 UUID from getRandomValues (randomUUID needs a secure context; a village LAN may not be one). */
export function newReportId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
