// @vitest-environment jsdom
// A controlled checkbox of the kit keeps what its state says after a form action: React resets the
// form once the action settles (DOM checkboxes back to their default), and a checked box that
// showed unchecked would be sent unchecked the next time (a village's facilities lost on a second save).
import { afterEach, describe, expect, it } from "vitest";
import { useActionState, useState } from "react";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";
import { CheckRow, StatusLine, SubmitButton } from "@/components/ui/form";

const sent: (string | null)[] = [];
function Demo() {
  const [on, setOn] = useState(false);
  const [state, dispatch, pending] = useActionState<ActionResult<unknown>, FormData>(
    async (_p, fd) => {
      sent.push(fd.get("roadOk") as string | null);
      return { ok: true, message: "Saved" };
    },
    { ok: true },
  );
  return (
    <form action={dispatch}>
      <CheckRow id="road" name="roadOk" value="true" label="Road" checked={on} onChange={setOn} />
      <StatusLine state={state} />
      <SubmitButton pending={pending}>Save</SubmitButton>
    </form>
  );
}

afterEach(() => cleanup());

describe("a controlled checkbox across a form action", () => {
  it("stays checked after the action, and is sent checked again", async () => {
    render(
      <NextIntlClientProvider locale="en" messages={{ common: { saving: "Saving…" } }}>
        <Demo />
      </NextIntlClientProvider>,
    );
    fireEvent.click(screen.getByLabelText("Road"));
    expect((screen.getByLabelText("Road") as HTMLInputElement).checked).toBe(true);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Saved"));
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect((screen.getByLabelText("Road") as HTMLInputElement).checked).toBe(true);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent).toEqual(["true", "true"]);
  });
});
