// @vitest-environment jsdom
// The kit's action hook: the one ActionResult shape in, field errors by schema path on their
// fields, the status line focused, the success callbacks run once per success.
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";

const refresh = vi.fn();
const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push }) }));

export const schema = z.object({ name: z.string().min(1), income: z.object({ wages: z.string() }) });

function Demo({
  action,
  onSuccess,
  after,
}: {
  action: (prev: ActionResult<{ id: string }> | undefined, fd: FormData) => Promise<ActionResult<{ id: string }>>;
  onSuccess?: (data: { id: string } | undefined) => void;
  after?: "refresh" | ((data: { id: string } | undefined) => string | null);
}) {
  const { state, dispatch, pending, fields } = useFormAction(action, schemaOf<typeof schema>(), { onSuccess, after, idPrefix: "t-" });
  return (
    <form action={dispatch} noValidate>
      <TextField form={fields} name="name" label="Name" defaultValue="" />
      <TextField form={fields} name="income.wages" label="Wages" defaultValue="" />
      <StatusLine state={state} />
      <SubmitButton pending={pending}>Save</SubmitButton>
    </form>
  );
}

const wrap = (ui: React.ReactNode) =>
  render(
    <NextIntlClientProvider locale="en" messages={{ common: { saving: "Saving…" } }}>
      {ui}
    </NextIntlClientProvider>,
  );

afterEach(() => {
  cleanup();
  refresh.mockReset();
  push.mockReset();
});

describe("useFormAction", () => {
  it("sends the fields under their schema paths and puts the errors back on them", async () => {
    const seen: Record<string, unknown>[] = [];
    const action = vi.fn(async (_prev: unknown, fd: FormData): Promise<ActionResult<{ id: string }>> => {
      seen.push(Object.fromEntries(fd.entries()));
      return { ok: false, code: "invalid", message: "Check the marked fields", fieldErrors: { "income.wages": ["must be a number"] } };
    });
    wrap(<Demo action={action} />);
    fireEvent.change(screen.getByLabelText("Wages"), { target: { value: "abc" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Check the marked fields"));
    expect(seen).toEqual([{ name: "", "income.wages": "abc" }]);
    const wages = screen.getByLabelText("Wages");
    expect(wages.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(wages.getAttribute("aria-describedby")!)!.textContent).toBe("must be a number");
    expect(screen.getByLabelText("Name").getAttribute("aria-invalid")).toBe("false");
    // focus moves to the result, not left where the re-rendered form put it
    expect(document.activeElement).toBe(screen.getByRole("status"));
    expect(refresh).not.toHaveBeenCalled();
  });

  it("on success: the callback with the data, then the page re-read (or a move)", async () => {
    const onSuccess = vi.fn();
    const ok = async (): Promise<ActionResult<{ id: string }>> => ({ ok: true, data: { id: "h1" }, message: "Saved" });
    wrap(<Demo action={ok} onSuccess={onSuccess} after="refresh" />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Saved"));
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith({ id: "h1" }, { ok: true, data: { id: "h1" }, message: "Saved" });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText("Name").getAttribute("aria-invalid")).toBe("false");

    cleanup();
    wrap(<Demo action={ok} after={(d) => `/households/${d?.id}`} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/households/h1"));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("the submit button is disabled while the action runs", async () => {
    let release!: (r: ActionResult<{ id: string }>) => void;
    const slow = () => new Promise<ActionResult<{ id: string }>>((r) => (release = r));
    wrap(<Demo action={slow} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    await waitFor(() => expect(screen.getByRole("button").hasAttribute("disabled")).toBe(true));
    await act(async () => release({ ok: false, code: "conflict", message: "Changed meanwhile" }));
    await waitFor(() => expect(screen.getByRole("button").hasAttribute("disabled")).toBe(false));
    expect(screen.getByRole("status").textContent).toBe("Changed meanwhile");
  });
});
