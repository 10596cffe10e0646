"use client";
// Submitting a public form: fetch a challenge, do the work (off the main thread), send. The
// report id is made once per report, so a retry after a lost answer stores it only once.
import { useCallback, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { getChallenge } from "@/lib/actions/help/get-challenge";
import { solveChallenge } from "./pow";

export type Phase = "idle" | "working" | "sending";

export function usePowSubmit<T>(send: (fd: FormData) => Promise<ActionResult<T>>, networkMessage: string) {
  const [phase, setPhase] = useState<Phase>("idle");
  const [result, setResult] = useState<ActionResult<T> | null>(null);

  const submit = useCallback(
    async (fd: FormData): Promise<ActionResult<T>> => {
      setPhase("working");
      setResult(null);
      let out: ActionResult<T>;
      try {
        const ch = await getChallenge();
        if (!ch.ok || !ch.data) {
          out = ch.ok ? { ok: false, code: "internal", message: networkMessage } : ch;
        } else {
          const nonce = await solveChallenge(ch.data.challenge, ch.data.bits);
          fd.set("challenge", ch.data.challenge);
          fd.set("nonce", nonce);
          setPhase("sending");
          out = await send(fd);
        }
      } catch {
        out = { ok: false, code: "network", message: networkMessage };
      }
      setResult(out);
      setPhase("idle");
      return out;
    },
    [send, networkMessage],
  );

  return { phase, result, submit, setResult };
}
