// @vitest-environment jsdom
// The kit's page status region: a form whose success refreshes the page away (after: "refresh")
// still tells the user it worked — the message flashed to the region above the page, which the
// refresh does not unmount, announced (role=status) and focused; gone on another page.
import { afterEach, describe, expect, it, vi } from "vitest";
import { useEffect, useState } from "react";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { StatusLine, SubmitButton } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import { clearFlash, PageStatus } from "@/components/ui/flash";

const nav = vi.hoisted(() => ({ pathname: "/", onRefresh: () => {} }));
const refresh = vi.fn(() => nav.onRefresh());
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: vi.fn() }), usePathname: () => nav.pathname }));

export const schema = z.object({});

function StepForm({ action, flash }: { action: () => Promise<ActionResult<unknown>>; flash: boolean }) {
  const { state, dispatch, pending } = useFormAction(action, schemaOf<typeof schema>(), { after: "refresh", flash });
  return (
    <form action={dispatch} noValidate>
      <StatusLine state={state} testId="form-status" />
      <SubmitButton pending={pending}>Propose</SubmitButton>
    </form>
  );
}

/** A page whose form is gone once the page is read again (the step taken). */
function Page({ action, flash }: { action: () => Promise<ActionResult<unknown>>; flash: boolean }) {
  const [taken, setTaken] = useState(false);
  useEffect(() => {
    nav.onRefresh = () => setTaken(true);
  }, []);
  return (
    <>
      <PageStatus />
      <main>{taken ? <p>Awaiting the township</p> : <StepForm action={action} flash={flash} />}</main>
    </>
  );
}

const wrap = (ui: React.ReactNode) =>
  render(
    <NextIntlClientProvider locale="en" messages={{ common: { saving: "Saving…" } }}>
      {ui}
    </NextIntlClientProvider>,
  );

const ok = async (): Promise<ActionResult<unknown>> => ({ ok: true, message: "Exit proposed: awaiting the township" });

afterEach(() => {
  cleanup();
  act(() => clearFlash());
  refresh.mockClear();
  nav.pathname = "/";
});

describe("the page status region (flash)", () => {
  it("a flashed success survives the refresh that removes its form: shown, role=status, focused", async () => {
    wrap(<Page action={ok} flash />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Propose" })));
    await waitFor(() => expect(screen.getByText("Awaiting the township")).toBeTruthy());
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("button", { name: "Propose" })).toBeNull();
    const region = screen.getByTestId("page-status");
    expect(region.getAttribute("role")).toBe("status");
    expect(region.textContent).toBe("Exit proposed: awaiting the township");
    expect(document.activeElement).toBe(region);
  });

  it("without flash the message is lost with the form (what the option is for)", async () => {
    wrap(<Page action={ok} flash={false} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Propose" })));
    await waitFor(() => expect(screen.getByText("Awaiting the township")).toBeTruthy());
    expect(screen.getByTestId("page-status").textContent).toBe("");
  });

  it("one message: the form's own status line stays quiet while the form is still there", async () => {
    nav.onRefresh = () => {};
    wrap(<StepForm action={ok} flash />);
    render(<PageStatus />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Propose" })));
    await waitFor(() => expect(screen.getByTestId("page-status").textContent).toBe("Exit proposed: awaiting the township"));
    expect(screen.getByTestId("form-status").textContent).toBe("");
  });

  it("a refusal stays on the form; the region says nothing", async () => {
    const no = async (): Promise<ActionResult<unknown>> => ({ ok: false, code: "invalid", message: "Road: not in place" });
    wrap(<Page action={no} flash />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Propose" })));
    await waitFor(() => expect(screen.getByTestId("form-status").textContent).toBe("Road: not in place"));
    expect(screen.getByTestId("page-status").textContent).toBe("");
    expect(refresh).not.toHaveBeenCalled();
  });

  it("another page: the message is gone", async () => {
    const { rerender } = wrap(<Page action={ok} flash />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Propose" })));
    await waitFor(() => expect(screen.getByTestId("page-status").textContent).not.toBe(""));
    nav.pathname = "/village-exit";
    rerender(
      <NextIntlClientProvider locale="en" messages={{ common: { saving: "Saving…" } }}>
        <Page action={ok} flash />
      </NextIntlClientProvider>,
    );
    await waitFor(() => expect(screen.getByTestId("page-status").textContent).toBe(""));
  });
});
